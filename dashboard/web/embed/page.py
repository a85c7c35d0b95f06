"""The chart-only HTML page: the `/embed` route serves it and `export` writes it to a file. No I/O.

One document, two ways of bringing in its scripts and stylesheet: by URL (served by the app) or inline (a
self-contained file that opens offline). The figure and the events' details travel as JSON in
`<script type="application/json">` blocks, escaped so no CSV text can close the block or become markup.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.safe import is_http_url
from dashboard.figures.chart import Frame, figure
from dashboard.figures.layout import PRESET_ROOM
from dashboard.text import describe
from dashboard.text.describe import embed_title
from dashboard.view.relative import days_note
from dashboard.view.shown import Shown
from dashboard.view.urlstate import DEFAULT_OPTIONS, EmbedOptions, View
from dashboard.web.embed.chrome import LegendEntry, Preset, legend_html, legend_of, presets_html, take_presets
from dashboard.web.share import links as share

# The page's scripts in dashboard/static, after plotly.js: the chart's label fitting and first drawing, then
# the page's own.
SCRIPTS = ("labels.js", "draw.js", "embed.js")

GRAPH_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,  # in a host page the wheel scrolls the page, not the chart
    # No "Share chart" / cloud button: it would upload the reader's chart to a third party.
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "sendDataToCloud"],
}


@dataclass(frozen=True)
class Asset:
    """A script or stylesheet: a URL to load, or its text to inline."""

    url: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Footer:
    """The line under the chart: the view's title, where it comes from, and how current the data is."""

    title: str
    source_url: str | None
    data_date: str


@dataclass(frozen=True)
class Page:
    """Everything the document shows, as plain text and JSON-ready values."""

    title: str
    figure_json: str  # plotly's own JSON of the figure (it encodes dates and arrays)
    config: dict[str, Any]
    events: dict[str, dict[str, Any]]
    footer: Footer
    theme: str = "light"
    selected: str | None = None
    filters: Sequence[str] | None = None  # shown as a header (exports); None: no header (embeds)
    heading: bool = True  # the header starts with the title
    notices: Sequence[str] = field(default_factory=tuple)
    head: str = ""  # extra, already-safe HTML for <head> (the oEmbed discovery link)
    description: str = ""  # plain text for <meta name="description">
    subtitle: str = ""  # under the title: what a days axis counts from, in full
    presets: Sequence[Preset] = ()  # the zoom buttons over the chart
    legend: Sequence[LegendEntry] = ()  # the categories under the chart (empty: no legend)
    maxheight: int | None = None  # px the whole page must fit in (embed.js shrinks the chart to fit)
    height: int | None = None  # px of the chart as drawn: its room is kept before plotly.js draws it


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survive unescaped."""
    return safe_json_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def safe_json_text(text: str) -> str:
    """Escape already-encoded JSON for a <script> element (the escapes are still valid JSON)."""
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def event_details(events: pd.DataFrame, link_base: str | None,
                  view: View | None = None) -> dict[str, dict[str, Any]]:
    """What the details panel needs per event id; sources that are not http(s) are kept as plain text.
    Each event links to the full app at `link_base` showing `view` (filters, zoom, tour step, theme) with
    that event selected."""
    out = {}
    base = link_base if link_base and is_http_url(link_base) else None
    for row in events.itertuples(index=False):
        out[row.id] = {
            "title": row.title,
            "when": row.when,
            "actor": row.actor,
            "companies": ", ".join(row.company_list),
            "category": row.category,
            "location": row.location,
            "description": row.description,
            "sources": list(row.source_list),
            "link": share.view_url(base, replace(view or View(), event=row.id), theme=True) if base else None,
        }
    return out


def drawn_ids(fig: go.Figure) -> set[str]:
    """The events a figure draws one by one (at a coarse level of detail, only some are)."""
    drawn: set[str] = set()
    for trace in fig.data:
        custom = getattr(trace, "customdata", None)
        if trace.type == "scatter" and custom is not None:
            drawn.update(v for v in custom if isinstance(v, str))
    return drawn


def view_page(
    shown: Shown,
    options: EmbedOptions = DEFAULT_OPTIONS,
    *,
    root: str | None,
    notices: Sequence[str] = (),
    header: bool = False,
    head: str = "",
) -> Page:
    """The page of one shown view: its figure (at the view's level of detail), the details of the events it
    draws, and a footer linking to the full app at `root` (no link when None, e.g. an export made without
    an app address). A tour step's page is titled by the step and links to `?step=N`. The title, the days
    note, the zoom buttons and the legend are HTML around the chart, so they wrap in a narrow column."""
    title = embed_title(shown)
    fig = figure(shown, Frame("embed", options, title=title, html=True))
    presets = take_presets(fig, PRESET_ROOM)
    drawn = drawn_ids(fig)
    rows = shown.rows
    config = {**GRAPH_CONFIG, "toImageButtonOptions": {"filename": describe.slug(shown.view), "format": "png",
                                                        "scale": 2}}
    view = _linked_view(shown, options)
    return Page(
        title=title,
        figure_json=fig.to_json(),
        config=config,
        events=event_details(rows[rows["id"].isin(drawn)], root, view),
        footer=Footer(title, share.view_url(root, view, theme=True) if root else None,
                      describe.data_date(shown.dataset.events)),
        theme=options.theme,
        selected=shown.view.event,
        filters=describe.filter_summary(shown.view) if header else None,
        heading=options.title,
        notices=(*shown.notices, *notices),
        head=head,
        description=describe.meta_description(shown),
        subtitle=days_note(shown.anchor, whole=True) if shown.anchor is not None else "",
        presets=presets,
        legend=legend_of(fig) if options.legend else (),
        maxheight=options.maxheight,
        height=fig.layout.height,
    )


def _linked_view(shown: Shown, options: EmbedOptions) -> View:
    """The view a link from this page opens in the full app: the one resolved (filters, zoom, event, tour
    step) in the page's theme."""
    theme = options.theme if options.theme != "light" else shown.url_view.theme
    return replace(shown.url_view, theme=theme)


def _script(asset: Asset) -> str:
    if asset.url is not None:
        return f'<script src="{escape(asset.url)}" charset="utf-8"></script>'
    return "<script>" + (asset.text or "").replace("</script", "<\\/script") + "</script>"


def _style(asset: Asset) -> str:
    if asset.url is not None:
        return f'<link rel="stylesheet" href="{escape(asset.url)}">'
    return "<style>" + (asset.text or "").replace("</style", "<\\/style") + "</style>"


def _footer(footer: Footer) -> str:
    source = (f'<a href="{escape(footer.source_url)}" target="_blank" rel="noopener">Source: frt-timeline</a>'
              if footer.source_url and is_http_url(footer.source_url) else "Source: frt-timeline")
    sep = '<span class="frt-sep" aria-hidden="true">·</span>'
    return (f'<footer class="frt-footer"><span class="frt-footer-title">{escape(footer.title)}</span>{sep}'
            f'{source}{sep}<span class="frt-data-date">Data: latest event {escape(footer.data_date)}</span>'
            "</footer>")


def _header(page: Page) -> str:
    """Title (for screen readers only when the options hide it), days note, filters and zoom buttons."""
    # Every page has one level-one heading.
    heading = (f'<h1 class="frt-title">{escape(page.title)}</h1>' if page.heading
               else f'<h1 class="frt-sr-only">{escape(page.title)}</h1>')
    subtitle = f'<p class="frt-subtitle">{escape(page.subtitle)}</p>' if page.subtitle else ""
    filters = ""
    if page.filters is not None:
        items = "".join(f"<li>{escape(line)}</li>" for line in page.filters)
        filters = f'<ul class="frt-filters" aria-label="Active filters">{items}</ul>'
    return f'<header class="frt-header">{heading}{subtitle}{filters}{presets_html(page.presets)}</header>\n'


def document(page: Page, *, css: Asset, plotly: Asset, scripts: Sequence[Asset]) -> str:
    """The whole HTML document for `page`."""
    notices = "".join(f'<p class="frt-notice">{escape(n)}</p>' for n in page.notices)
    selected = f' data-selected="{escape(page.selected)}"' if page.selected in page.events else ""
    label = escape(f"{page.title}: timeline of {len(page.events)} events")
    fit = f' frt-fit" data-max-height="{page.maxheight}' if page.maxheight else ""
    # The chart's room, kept from the first paint: what is under it (the legend, the footer) is painted where
    # it stays, not moved down when plotly.js has drawn (a page that fits a height sizes the chart itself).
    room = f' style="min-height:{int(page.height)}px"' if page.height and not page.maxheight else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page.title)}</title>
<meta name="description" content="{escape(page.description or page.title)}">
{page.head}{_style(css)}
</head>
<body class="frt-page theme-{escape(page.theme)}{fit}">
{_header(page)}<main class="frt-chart-wrap">
<div id="frt-chart" class="frt-chart" role="figure" tabindex="0" aria-label="{label}"
 aria-describedby="frt-keys"{selected}{room}></div>
<p id="frt-keys" class="frt-sr-only">Arrow keys move from event to event; Enter opens its details.</p>
<p id="frt-status" class="frt-sr-only" aria-live="polite"></p>
<section id="frt-details" class="frt-details" aria-label="Event details" aria-live="polite" hidden></section>
{legend_html(page.legend)}</main>
{notices}{_footer(page.footer)}
<script type="application/json" id="frt-figure">{safe_json_text(page.figure_json)}</script>
<script type="application/json" id="frt-config">{script_json(page.config)}</script>
<script type="application/json" id="frt-events">{script_json(page.events)}</script>
{_script(plotly)}
{"".join(_script(script) for script in scripts)}
</body>
</html>
"""
