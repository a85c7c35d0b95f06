"""Addresses and embed code of a view: its page URL, its `/embed` URL and the iframe snippet. Pure strings.

`root` is always the app's root URL with a trailing slash (`http://host/` or `http://host/prefix/`), so the
same code serves the share panel (root from the browser's address), oEmbed (from the request) and exports.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from urllib.parse import SplitResult, urlsplit

from dashboard.view import urlstate
from dashboard.view.urlstate import EmbedOptions, View

EMBED_PATH = "embed"
RESIZE_SCRIPT = "embed/resize.js"
FOOTER_HEIGHT = 44  # px the embed page adds under the chart (footer line and padding) on a wide frame
# ...and above or below it on a wide frame: the title, the row of zoom buttons, the legend (web/embed/chrome)
TITLE_HEIGHT = 34
PRESETS_HEIGHT = 30
LEGEND_HEIGHT = 32
WIDTHS = (640, 800)  # fixed widths offered besides "fit the page"


def root_of(url: str) -> str:
    """The app root of a page URL ('http://h/prefix/?x=1' -> 'http://h/prefix/'); an /embed URL's parent."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.rstrip("/").endswith("/" + EMBED_PATH):
        path = path.rstrip("/")[: -len(EMBED_PATH)]
    elif not path.endswith("/"):
        path = path[: path.rfind("/") + 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


LOOPBACK = ("localhost", "127.0.0.1", "::1")


def _same_host(a: SplitResult, b: SplitResult) -> bool:
    """Two `urlsplit` results name the same server: the same host and port, where the loopback names
    (localhost, 127.0.0.1, ::1) are one host."""
    try:
        ports = a.port, b.port
    except ValueError:
        return False
    hosts = (a.hostname or "").lower(), (b.hostname or "").lower()
    same = hosts[0] == hosts[1] or (hosts[0] in LOOPBACK and hosts[1] in LOOPBACK)
    return same and ports[0] == ports[1]


def kind_of(url: str, root: str) -> str | None:
    """'page' or 'embed' when `url` is a view URL of the app at `root`; None for anything else. The same
    view asked as localhost or 127.0.0.1 is one view."""
    try:
        parts, home = urlsplit(url.strip()), urlsplit(root)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not _same_host(parts, home):
        return None
    path = parts.path or "/"
    if path in (home.path, home.path.rstrip("/")):
        return "page"
    if path.rstrip("/") == home.path + EMBED_PATH:
        return "embed"
    return None


def view_url(root: str, view: View, *, theme: bool = False) -> str:
    """The full app showing `view`, in the reader's own theme (`theme` is a display choice, not the view),
    or with `theme=True` in the view's (an embed's reader opens the app as the embed showed it)."""
    return root + urlstate.serialize(view if theme else replace(view, theme=None))


def embed_url(root: str, view: View, options: EmbedOptions = urlstate.DEFAULT_OPTIONS) -> str:
    """The chart-only page of `view`, for an iframe."""
    return root + EMBED_PATH + urlstate.serialize_embed(view, options)


def frame_height(chart_height: int, options: EmbedOptions = urlstate.DEFAULT_OPTIONS) -> int:
    """The iframe height that fits a chart of `chart_height` px, the title, zoom buttons and legend the
    options show, and the embed footer, on a wide frame before any resize (resize.js then sets the
    height the page reports)."""
    title = TITLE_HEIGHT if options.title else 0
    legend = LEGEND_HEIGHT if options.legend else 0
    return chart_height + title + PRESETS_HEIGHT + legend + FOOTER_HEIGHT


def iframe_snippet(root: str, view: View, options: EmbedOptions, *, title: str, height: int,
                   width: int | None = None, script: bool = True) -> str:
    """The HTML to paste into a page: an iframe of the view and, unless `script=False`, the app's small
    script that resizes the iframe to its content. Without the script the iframe keeps `height`."""
    size = (f'width="{width}" style="border:0;max-width:100%"' if width
            else 'width="100%" style="border:0;width:100%"')
    cap = f' data-frt-max-height="{options.maxheight}"' if options.maxheight else ""
    frame = (f'<iframe src="{escape(embed_url(root, view, options))}" title="{escape(title)}" {size} '
             f'height="{height}" loading="lazy" data-frt-embed{cap}></iframe>')
    if not script:
        return frame
    return frame + f'\n<script async src="{escape(root + RESIZE_SCRIPT)}"></script>'
