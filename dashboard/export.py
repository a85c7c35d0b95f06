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
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs_version

from dashboard.data.relations import keep_within
from dashboard.data.rows import columns, csv_text
from dashboard.figures.chart import Frame, figure
from dashboard.text.describe import shown_title
from dashboard.view.shown import Shown
from dashboard.view.urlstate import EmbedOptions
from dashboard.web import image
from dashboard.web.embed import page as embedpage
from dashboard.web.embed.routes import STATIC, figure_trace_types, plotly_js

FORMATS = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf", ".json": "json",
           ".csv": "csv"}
IMAGE_FORMATS = ("png", "svg", "pdf")
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


def static_figure(job: Export) -> go.Figure:
    """The image's figure (web/image.py: the one the page's PNG and SVG buttons draw too)."""
    return image.static_figure(job.shown, job.options, root=job.root, width=job.width, height=job.height)


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


def _pdf_text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, in hex (any character, nothing to escape)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def with_pdf_info(pdf: bytes, title: str, subject: str) -> bytes:
    """The PDF with its document information (title, subject, creator) replaced by an incremental update,
    the standard way to amend a PDF without rewriting it: kaleido's own says "Kaleido-fier". A file laid out
    otherwise (no classic cross-reference table) is returned as it is."""
    trailer = pdf.rfind(b"trailer")
    start = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
    if trailer < 0 or start is None:
        return pdf
    tail = pdf[trailer:]
    size, root = re.search(rb"/Size\s+(\d+)", tail), re.search(rb"/Root\s+(\d+\s+\d+)\s+R", tail)
    if size is None or root is None:
        return pdf
    info = re.search(rb"/Info\s+(\d+)\s+0\s+R", tail)
    number, count = (int(info[1]), int(size[1])) if info else (int(size[1]), int(size[1]) + 1)
    body = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(body)
    obj = (b"%d 0 obj\n<</Title " % number + _pdf_text(title) + b"\n/Subject " + _pdf_text(subject)
           + b"\n/Creator (frt-timeline)>>\nendobj\n")
    xref = len(body) + len(obj)
    update = (b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n" % (number, offset)
              + b"<</Size %d /Root %s R /Info %d 0 R /Prev %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (count, root[1], number, start[1], xref))
    return body + obj + update


def image_file(job: Export, fmt: str) -> bytes:
    """The image file: kaleido's drawing, named after the view (an SVG's <title> and <desc>, a PDF's title
    and subject)."""
    shown = job.shown
    data = image_bytes(static_figure(job), fmt, job.scale)
    title, about = shown_title(shown), image.description(shown, job.root)
    if fmt == "svg":
        return image.with_svg_title(data.decode("utf-8"), title, about).encode("utf-8")
    if fmt == "pdf":
        return with_pdf_info(data, title, about)
    return data


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
    return image_file(job, fmt)


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
