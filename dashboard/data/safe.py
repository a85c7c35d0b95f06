"""The one place where text from a CSV is made safe for display, and where links are checked.

Plotly renders a subset of HTML in titles, hover labels, legends and annotations, so every CSV string goes
through `plotly_text` before it reaches a figure. Dash components render strings as text already (React
escapes them), so they take the raw string.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# A cell a spreadsheet reads as a formula starts with one of these (OWASP, "CSV Injection"; NUL from ASVS
# 1.2.10). Leading spaces are looked past: some importers trim them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
# A lone sign, a signed number or a phone number (`-`, `-5`, `-1,000.5`, `+1 555 0100`, `+44 (20) 7946-0958`,
# `-2.5e3`, `-5%`): a spreadsheet shows it as a number, text or an error; it names no function, cell, sheet or
# program.
_SIGNED_NUMBER = re.compile(r"[+-]|[+-](?=[\d.(])[\d .,()/-]*%?|[+-]\d+(?:\.\d+)?[eE][+-]?\d+")
# Characters that show nothing, or change the order in which the rest is shown (bidi controls), in a URL.
# Combining marks stay allowed (Hindi or Thai addresses need them), except the invisible ones.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_INVISIBLE_MARKS = frozenset(
    "\u034f\u115f\u1160\u3164\uffa0\u2800"  # grapheme joiner, Hangul fillers, braille blank
    + "".join(map(chr, range(0xFE00, 0xFE10)))  # variation selectors
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


# Plotly decodes only a few named entities (&amp; &lt; &gt; and some symbols) plus numeric ones, so quotes are
# written as numeric references: `&quot;` would be shown literally.
_PLOTLY_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def plotly_text(value: object) -> str:
    """Escape a string so Plotly shows it as text: `<b>` stays the three characters `<b>`, never bold."""
    return ("" if value is None else str(value)).translate(_PLOTLY_ESCAPES)


def hidden_character(value: str) -> str | None:
    """The first character of `value` a reader cannot see as itself (a space, a control, a bidi override
    such as U+202E, a zero-width or combining mark, a filler), as `U+XXXX NAME`; None when there is none."""
    for ch in value:
        if ch in _INVISIBLE_MARKS or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"
    return None


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host and only visible characters: the only links the app
    ever renders. A bidi control or an invisible character would make the link's text lie about where it
    leads, so such a URL stays plain text."""
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and hidden_character(text) is None


def url_problem(value: str) -> str:
    """Why `value` is not rendered as a link, in words for a warning."""
    hidden = hidden_character(value.strip())
    if hidden is not None:
        return f"holds an invisible or direction-changing character ({hidden})"
    return "is not an http(s) URL"


def csv_cell(value: object) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP "CSV Injection"): a leading `'` makes
    it text. Signed numbers and phone numbers (`-5`, `+1 555 0100`) are left as they are."""
    text = "" if value is None else str(value)
    start = text.lstrip(" ")
    if not start.startswith(_FORMULA_START) or _SIGNED_NUMBER.fullmatch(start):
        return text
    return "'" + text


def truncate(value: str, limit: int) -> str:
    """Shorten text to `limit` characters with an ellipsis."""
    return value if len(value) <= limit else value[: max(limit - 1, 0)].rstrip() + "…"
