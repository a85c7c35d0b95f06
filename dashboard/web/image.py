"""The publication-ready image of a view: its figure (title, filter line, legend and a source line with the
view's address; no range slider; the view's theme), and the words an SVG file carries about itself.

The CLI's export (export.py) draws this figure through kaleido. The page's PNG and SVG buttons ask a callback
for it (share/callbacks.py) and draw it with the page's own plotly.js (assets/share.js): one figure, and no
browser on the server. `/api/image.json` gives the same figure for any view of the served data.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape

import plotly.graph_objects as go
from flask import Flask, Response, request
from plotly.io.json import to_json_plotly

from dashboard.figures.chart import Frame, chart_height, figure
from dashboard.figures.layout import fit_static_labels
from dashboard.text import describe
from dashboard.text.describe import shown_title
from dashboard.view.shown import Shown
from dashboard.view.urlstate import DEFAULT_OPTIONS, EmbedOptions
from dashboard.web import urls
from dashboard.web.share import links as share
from dashboard.web.state import request_shown

DEFAULT_WIDTH = 1200
STATIC_EXTRA_HEIGHT = 90  # px a static image adds for its subtitle and footer
SIZE_LIMITS = (200, 4000)  # px: the smallest and largest width or height an image may ask for
PNG_SCALE = 2  # the page's PNG: sharp on high-density screens and in print


def footer_text(shown: Shown, root: str | None) -> str:
    """'Source: frt-timeline (link) · Data: latest event ...' for the bottom of an image."""
    where = f" ({share.view_url(root, shown.url_view)})" if root else ""
    return f"Source: frt-timeline{where} · Data: latest event {describe.data_date(shown.dataset.events)}"


def filter_line(shown: Shown) -> str:
    """The filters in one line, the image's subtitle ('' for the whole timeline)."""
    return " · ".join(describe.filter_summary(shown.view))


def static_figure(shown: Shown, options: EmbedOptions = DEFAULT_OPTIONS, *, root: str | None = None,
                  width: int | None = None, height: int | None = None) -> go.Figure:
    """The image's figure: every filtered event in range (or the view's zoom), the title, the filters as a
    subtitle, the legend and the footer; `root` (the app's address) puts the view's link in the footer."""
    natural = chart_height(shown, replace(options, height=None))
    framed = replace(options, title=True, height=height or natural + STATIC_EXTRA_HEIGHT)
    fig = figure(shown, Frame("static", framed, title=shown_title(shown), subtitle=filter_line(shown),
                              footer=footer_text(shown, root)))
    fig.update_layout(width=width or DEFAULT_WIDTH)
    return fit_static_labels(fig)


def description(shown: Shown, root: str | None) -> str:
    """What the image shows, in a sentence or two: an SVG's `<desc>` (and a PDF's subject)."""
    parts = [f"A timeline of {shown.count} event{'' if shown.count == 1 else 's'}"]
    if line := filter_line(shown):
        parts.append(f" ({line})")
    parts.append(". " + footer_text(shown, root) + ".")
    return "".join(parts)


def with_svg_title(svg: str, title: str, desc: str) -> str:
    """The SVG with `<title>` and `<desc>` as the first children of its root, so viewers, screen readers
    and file browsers name the drawing. An SVG that already has a title is returned as it is."""
    root = re.search(r"<svg\b[^>]*>", svg)
    if root is None or re.match(r"\s*<title[\s>]", svg[root.end():]):
        return svg
    words = f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
    return svg[:root.end()] + words + svg[root.end():]


def _size(name: str) -> int | None:
    """A width or height parameter in pixels; ValueError naming the parameter when it is not one."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    low, high = SIZE_LIMITS
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValueError(f"{name}={raw[:40]!r}: give a whole number of pixels from {low} to {high}")
    return int(raw)


def payload(shown: Shown, root: str, *, fmt: str = "png", width: int | None = None,
            height: int | None = None) -> dict[str, Any]:
    """What the page's buttons draw: the figure as plotly JSON, the file's name and the SVG's words."""
    fig = static_figure(shown, root=root, width=width, height=height)
    return {
        "format": fmt,
        "filename": describe.slug(shown.view),
        "figure": fig.to_plotly_json(),
        "width": fig.layout.width,
        "height": fig.layout.height,
        "scale": PNG_SCALE if fmt == "png" else 1,
        "title": shown_title(shown),
        "desc": description(shown, root),
    }


def register_image(server: Flask) -> None:
    """Add `/api/image.json`: the publication-ready figure of any view of the served data (the page's
    parameters, plus `width` and `height` in pixels). A view the app cannot show as asked is a 400 that
    says why, so a published image never shows something other than what its address says."""

    @server.get("/api/image.json")
    def image_json() -> Response:
        try:
            width, height = _size("width"), _size("height")
        except ValueError as exc:
            return Response(f"{exc}\n", status=400, mimetype="text/plain")
        args = {k: v for k, v in request.args.to_dict(flat=False).items() if k not in ("width", "height")}
        shown = request_shown(args)
        if shown.notices:
            return Response("This view cannot be drawn as asked: " + " ".join(shown.notices) + "\n",
                            status=400, mimetype="text/plain")
        body = to_json_plotly(payload(shown, urls.root(), width=width, height=height))
        return Response(body, mimetype="application/json")
