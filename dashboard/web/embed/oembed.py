"""oEmbed 1.0 (https://oembed.com): `/oembed?url=<a view URL of this app>` -> a `rich` response whose html
is the iframe of that view, so a CMS turns a pasted link into the chart. Pages announce it in their head.

Status codes follow the spec: 501 for a format other than json, 404 for a URL that is not a view of this
app, 400 when `url` is missing. A view is matched by its path under the app's root: the configured public
URL, else the address the request came to (localhost, 127.0.0.1 and ::1 are one host). `maxheight` is kept:
the iframe is never taller, and the page inside fits it (`maxheight` of /embed); below the smallest
frame a chart fits in, the answer is a `link` (title and address, no iframe). What the URL asks that
cannot be shown (an unknown event or tour step) is said in `notices`.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, jsonify, request

from dashboard.figures.chart import chart_height
from dashboard.text.describe import embed_title
from dashboard.view import urlstate
from dashboard.web import urls
from dashboard.web.share import links as share
from dashboard.web.state import request_shown

PROVIDER_NAME = "frt-timeline"
DEFAULT_WIDTH = 800
CACHE_AGE = 3600


def endpoint(root: str, url: str) -> str:
    return root + "oembed?" + urlencode({"url": url, "format": "json"})


def discovery_link(page_url: str, root: str, title: str) -> str:
    """The `<link>` that tells oEmbed consumers where to ask about `page_url`."""
    return (f'<link rel="alternate" type="application/json+oembed" href="{escape(endpoint(root, page_url))}" '
            f'title="{escape(title)}">\n')


def _size(value: str | None) -> int | None:
    """A positive pixel count, or None (absent or not a number: the consumer set no limit we can read)."""
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None


def _text(message: str, status: int) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"  # public data; lets browser-side consumers ask
    return response


def register_oembed(server: Flask) -> None:
    @server.get("/oembed")
    def oembed() -> Response:
        fmt = request.args.get("format", "json").strip().lower() or "json"
        if fmt != "json":
            return _text(f"format={fmt} is not supported; use format=json.", 501)
        url = request.args.get("url", "").strip()
        if not url:
            return _text("Give the view to embed as url=<a link to this app>.", 400)
        root = urls.root()
        if share.kind_of(url, root) is None:  # never by the Host header alone when a public URL is set
            return _text(f"{url} is not a view of this app ({root}).", 404)
        query = urlsplit(url).query
        shown = request_shown(query)  # a tour step's URL embeds that step's view
        options, more = urlstate.parse_embed(query)
        max_width, max_height = _size(request.args.get("maxwidth")), _size(request.args.get("maxheight"))
        width = min(DEFAULT_WIDTH, max_width) if max_width else DEFAULT_WIDTH
        title = embed_title(shown)
        answer: dict[str, object] = {"version": "1.0", "title": title, "provider_name": PROVIDER_NAME,
                                     "provider_url": root, "cache_age": CACHE_AGE}
        notices = [*shown.notices, *more]
        if notices:
            answer["notices"] = notices
        if max_height is not None and max_height < urlstate.MIN_FIT:
            # No chart fits: a link to the view (the spec's `link` type) rather than a frame past the limit.
            answer |= {"type": "link", "url": share.view_url(root, shown.url_view)}
            return _cors(jsonify(answer))
        height = share.frame_height(chart_height(shown, options), options)
        if max_height is not None:
            options = replace(options, maxheight=max_height)  # the page fits, resize.js stops there
            height = min(height, max_height)
        answer |= {"type": "rich", "width": width, "height": height,
                   "html": share.iframe_snippet(root, shown.url_view, options, title=title, height=height,
                                                width=width)}
        return _cors(jsonify(answer))

