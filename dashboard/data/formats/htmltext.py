"""HTML (as TimelineJS headlines and text allow) -> plain text and its links. Nothing is rendered: tags are
dropped, entities decoded, script and style content discarded; the text stays data from then on."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from dashboard.data.safe import is_http_url

_BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
}
_HIDDEN = {"script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head", "title"}
_SPACE = re.compile(r"\s+")
_SOURCES_LINE = re.compile(r"^sources?\s*:", re.IGNORECASE)


@dataclass
class PlainText:
    """The text, its http(s) links in order (no repeats), and the links left out (not http(s))."""

    text: str
    links: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.links: list[str] = []
        self.dropped: list[str] = []
        self.last_block_links: list[str] = []

    def _soft_break(self) -> None:
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")
        self.last_block_links = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in _BLOCK:
            self._soft_break()
            if tag == "li":
                self.out.append("• ")
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            if href and is_http_url(href):
                self.last_block_links.append(href)
                if href not in self.links:
                    self.links.append(href)
            elif href:
                self.dropped.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            links = self.last_block_links
            self._soft_break()
            self.last_block_links = links  # kept until the next block starts

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = _SPACE.sub(" ", data)
        if not self.out or self.out[-1].endswith("\n"):
            text = text.lstrip()
        if text:
            self.out.append(text)


def html_to_text(value: str) -> PlainText:
    """Plain text of an HTML fragment. A last paragraph 'Sources: <links>' (as this app's TimelineJS export
    writes it) is not kept in the text; its links are among `links` like every other http(s) link."""
    if "<" not in value and "&" not in value:
        return PlainText(_tidy(value))
    parser = _Parser()
    parser.feed(value)
    parser.close()
    lines = _tidy("".join(parser.out)).split("\n")
    if len(lines) > 0 and _SOURCES_LINE.match(lines[-1]) and parser.last_block_links:
        lines = lines[:-1]
    return PlainText(_tidy("\n".join(lines)), parser.links, parser.dropped)


def _tidy(text: str) -> str:
    lines = [
        _SPACE.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(text: str, sources: list[str] | tuple[str, ...] = ()) -> str:
    """Plain text (and http(s) sources) -> the HTML TimelineJS shows; `html_to_text` reads it back."""
    body = "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))
    out = f"<p>{body}</p>" if text else ""
    links = [u for u in sources if is_http_url(u)]
    if links:
        # The link text is the site, not the address: TimelineJS turns address-like text (http://..., www.)
        # into a second link of its own (cut at a parenthesis), so the visible link would not be this one.
        anchors = ", ".join(f'<a href="{html.escape(u)}" target="_blank" rel="noopener">'
                            f'{html.escape(_site(u), quote=False)}</a>' for u in links)
        out += f"<p>Sources: {anchors}</p>"
    return out


def _site(url: str) -> str:
    host = urlsplit(url.strip()).hostname or "source"
    return host.removeprefix("www.")
