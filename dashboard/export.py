"""Write one view to a file, for `frt-timeline export`. The extension picks the format:

- `.html`: the chart page with plotly.js inlined (opens offline, hover and zoom work), a header with the
  title and active filters, and the source footer; `cdn=True` loads plotly.js from its CDN instead.
- `.png`, `.svg`, `.pdf`: a static image through kaleido (needs Chrome or Chromium), with every filtered
  event in range, the title, the filters and a footer.
- `.json`: the Plotly figure; `.csv`: the rows of the view, a self-contained events file (links to events
  outside the view are left out, and `notes` says how many).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs_version

from dashboard.data.relations import keep_within
from dashboard.data.rows import columns, csv_text
from dashboard.figures.chart import Frame, chart_height, figure
from dashboard.text import describe
from dashboard.text.describe import shown_title
from dashboard.view.shown import Shown
from dashboard.view.urlstate import EmbedOptions
from dashboard.web.embed import page as embedpage
from dashboard.web.embed.routes import STATIC, figure_trace_types, plotly_js
from dashboard.web.share import links as share

FORMATS = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf", ".json": "json",
           ".csv": "csv"}
IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH = 1200
STATIC_EXTRA_HEIGHT = 90  # px a static image adds for its subtitle and footer
MISSING_BROWSER = ("PNG, SVG and PDF export need Chrome or Chromium, and none was found: install one "
                   "(Debian/Ubuntu: apt-get install chromium; or run plotly_get_chrome), "
                   "or set BROWSER_PATH to its executable")
MISSING_KALEIDO = "PNG, SVG and PDF export need the kaleido package: pip install kaleido"


class ExportError(Exception):
    """An export that cannot be made on this machine or with these options; the message says what to do."""


@dataclass(frozen=True)
class Export:
    """What to write: the shown view (view/shown.py), how to draw it, and the file's options."""

    shown: Shown
    out: Path
    options: EmbedOptions = EmbedOptions()
    root: str | None = None  # the app's address, for the source link; None: no link
    width: int | None = None  # image width in pixels (images only)
    height: int | None = None  # image height in pixels; the chart height for .html and .json
    scale: float = 1.0
    cdn: bool = False


def format_of(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(f"{path.name}: cannot tell the format from the extension; "
                          f"use one of {', '.join(FORMATS)}")
    return fmt


def find_browser() -> str | None:
    """The Chrome/Chromium kaleido would use, or None (BROWSER_PATH is honoured, as kaleido does)."""
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:
        return None
    path = Chromium.find_browser(skip_local=False)
    return str(path) if path and os.access(path, os.X_OK) else None


def footer_text(shown: Shown, root: str | None) -> str:
    """'Source: frt-timeline (link) · Data: latest event ...' for the bottom of an image."""
    where = f" ({share.view_url(root, shown.url_view)})" if root else ""
    return f"Source: frt-timeline{where} · Data: latest event {describe.data_date(shown.dataset.events)}"


def static_figure(job: Export) -> go.Figure:
    """The image's figure: every filtered event in range (or the view's zoom), title, filters as a
    subtitle, and the footer."""
    shown = job.shown
    natural = chart_height(shown, replace(job.options, height=None))
    options = replace(job.options, title=True, height=job.height or natural + STATIC_EXTRA_HEIGHT)
    fig = figure(shown, Frame("static", options, title=shown_title(shown),
                              subtitle=" · ".join(describe.filter_summary(shown.view)),
                              footer=footer_text(shown, job.root)))
    fig.update_layout(width=job.width or DEFAULT_WIDTH)
    return fig


def image_bytes(fig: go.Figure, fmt: str, scale: float) -> bytes:
    """Render through kaleido; a missing package or browser becomes an ExportError saying what to install."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        raise ExportError(MISSING_KALEIDO) from None
    if find_browser() is None:
        raise ExportError(MISSING_BROWSER)
    try:
        return fig.to_image(format=fmt, width=fig.layout.width, height=fig.layout.height, scale=scale)
    except RuntimeError as exc:  # kaleido reports a browser that is missing or fails to start this way
        first = (str(exc).strip().splitlines() or ["unknown error"])[0]
        raise ExportError(f"the browser could not draw the image ({first}); {MISSING_BROWSER}") from None


def html_document(job: Export) -> str:
    """The self-contained page (or a small one that loads plotly.js from its CDN with `cdn`)."""
    options = replace(job.options, height=job.height or job.options.height)
    page = embedpage.view_page(job.shown, options, root=job.root, header=True)
    plotly = (embedpage.Asset(url=f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js") if job.cdn
              else embedpage.Asset(text=plotly_js(figure_trace_types(page.figure_json))))
    return embedpage.document(
        page,
        css=embedpage.Asset(text=(STATIC / "embed.css").read_text(encoding="utf-8")),
        plotly=plotly,
        scripts=[embedpage.Asset(text=(STATIC / name).read_text(encoding="utf-8"))
                 for name in embedpage.SCRIPTS],
    )


def render(job: Export) -> bytes:
    """The file's bytes for `job`."""
    fmt = format_of(job.out)
    if fmt == "html":
        return html_document(job).encode("utf-8")
    if fmt == "json":
        options = replace(job.options, height=job.height or job.options.height)
        chart = figure(job.shown, Frame("embed", options, title=shown_title(job.shown)))
        return chart.to_json().encode("utf-8")
    if fmt == "csv":
        rows, _ = csv_rows(job)
        return csv_text(rows, columns(rows)).encode("utf-8")
    return image_bytes(static_figure(job), fmt, job.scale)


def csv_rows(job: Export) -> tuple[pd.DataFrame, int]:
    """The view's rows as an events file of their own: links to events outside the view left out (else
    `convert` and `validate` refuse the file: "related event ... does not exist"), and how many."""
    return keep_within(job.shown.rows)


def notes(job: Export) -> list[str]:
    """What the file leaves out of the view, for the command line to say."""
    if format_of(job.out) != "csv":
        return []
    _, dropped = csv_rows(job)
    if not dropped:
        return []
    return [f"{dropped} link{'s' if dropped != 1 else ''} to events outside the view left out: the file is "
            "self-contained"]


def write(job: Export) -> int:
    """Render and write `job.out` (through a temporary file, so a failed export leaves nothing half-written).
    Returns the number of events in the view."""
    body = render(job)
    job.out.parent.mkdir(parents=True, exist_ok=True)
    partial = job.out.with_name(f".{job.out.name}.part")
    partial.write_bytes(body)
    partial.replace(job.out)
    return job.shown.count
