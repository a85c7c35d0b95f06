"""The one figure path: a `Shown` (view/shown.py) and how a surface frames it -> a plotly Figure.

The page, `/embed`, exported HTML, images and JSON, and the notebook API all come here, so every surface
draws the same events at the level of detail the view's plan asks for (view/detail.py, figures/lod.py).
Pure: no Dash, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.data.context import Series
from dashboard.figures import lod
from dashboard.figures.layout import EMPTY_HEIGHT, natural_height
from dashboard.figures.timeline import lanes_of
from dashboard.view.dataset import of_frame
from dashboard.view.detail import iso
from dashboard.view.shown import Shown, resolve
from dashboard.view.story import Step
from dashboard.view.urlstate import DEFAULT_OPTIONS, EmbedOptions

Surface = Literal["page", "embed", "static"]


@dataclass(frozen=True)
class Frame:
    """How a surface frames the chart.

    `page`: the app (range slider, the page's own HTML zoom buttons). `embed`: `/embed` and exported HTML
    (Plotly's zoom buttons, the options' height, legend and title). `static`: images (no buttons, every
    filtered event in range unless the view is zoomed, a subtitle and a footer). Titles are plain text.
    `html`: the page around the chart draws the title, the days note, the legend and the zoom buttons in
    HTML, where they wrap at any width (the embed page, web/embed/page.py): the figure leaves them out.
    """

    surface: Surface = "page"
    options: EmbedOptions = DEFAULT_OPTIONS
    title: str | None = None
    subtitle: str | None = None
    footer: str | None = None
    html: bool = False


PAGE = Frame()


def _iso_range(window: tuple[int, int]) -> list[str]:
    return [iso(window[0]), iso(window[1])]


def figure(shown: Shown, frame: Frame = PAGE, *, context: Series | None = None) -> go.Figure:
    """The chart of `shown` as `frame` frames it. `context` is a series drawn under the lanes (the app's
    or the tab's own)."""
    ds = shown.dataset
    page, static = frame.surface == "page", frame.surface == "static"
    options = frame.options
    extra: dict[str, Any] = {
        "eras": ds.eras,
        "context": context,
        "links": shown.links,
        "highlight": shown.highlight,
        "anchor": shown.anchor,
        "key_moments": ds.settings.key_moments,
        "preset_ranges": ds.settings.presets,
        "company_order": shown.company_order,
        "rangeslider": page,
        "presets": frame.surface == "embed",  # the page has HTML zoom buttons (web/layout.py)
    }
    if not page:
        extra |= {
            "title": frame.title if options.title else None,
            "legend": options.legend,
            "height": options.height,
            # an image of a view with no zoom of its own shows every event, not the opening window
            "full_range": static and shown.view.zoom is None,
            "subtitle": frame.subtitle,
            "footer": frame.footer,
        }
    if frame.html:
        extra |= {"title": None, "legend": False, "describe_days": False}
    if page:  # the page says what the days count from beside its "Count days" box, whole (web/layout.py)
        extra["describe_days"] = False
    if shown.window is not None and shown.selection.plan.mode == "all" and not extra.get("full_range"):
        extra["x_range"] = _iso_range(shown.window)
    return lod.view_figure(
        ds.events, ds.idx, shown.view.filters, shown.selection,
        selected=shown.view.event, band=ds.band, theme_name=shown.theme,
        uirevision=shown.revision if page else frame.surface, **extra,
    )


def figure_key(shown: Shown, frame: Frame = PAGE) -> str:
    """What names a figure in a cache: the view's rows, selection and plan (never raw zoom coordinates
    inside one plan), the theme and the frame. Two shown views with one key draw one figure, but for its
    range."""
    plan = shown.selection.plan
    return repr((shown.dataset.name, shown.dataset.uploaded, shown.data_query, shown.view.event,
                 shown.view.step, plan.mode, plan.window, plan.unit, shown.theme, frame))


def lane_count(shown: Shown) -> int:
    """How many lanes the chart of `shown` has, without building it."""
    ds = shown.dataset
    if not shown.count:
        return 0
    if ds.grouped:
        companies = shown.view.filters.companies
        return len({lane for _, row in shown.rows.iterrows() for lane in lanes_of(row, companies)})
    return int(len(np.unique(ds.idx.pl_lane[shown.selection.placed])))


def chart_height(shown: Shown, options: EmbedOptions = DEFAULT_OPTIONS) -> int:
    """The height of the chart `figure` draws outside the app: the options' height or what the lanes need."""
    if options.height is not None:
        return options.height
    lanes = lane_count(shown)
    return natural_height(lanes, rangeslider=False) if lanes else EMPTY_HEIGHT




def timeline_figure(
    events: pd.DataFrame,
    *,
    company: Sequence[str] | None = None,
    category: Sequence[str] | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    q: str = "",
    context: bool = True,
    event: str | None = None,
    anchor: str | None = None,
    zoom: tuple[date | str, date | str] | None = None,
    lanes: str | None = None,
    highlight: Sequence[str] = (),
    connect: bool = True,
    theme_name: str = "light",
    title: str | None = None,
    series: Series | None = None,
) -> go.Figure:
    """A plain Plotly figure of a view: renders in Jupyter, composes into any Dash app. It is the app's
    own figure path (same rows, same level of detail), with the options of the URL parameters.

    Args:
        events: the table from `load_events()` (a TimelineJS file's eras are drawn).
        company, category, start, end, q, context: the same view options as the URL parameters.
        event: the id of an event to ring as selected; with `connect`, its related events are joined to it.
        anchor: an event id; the x-axis then counts days since that event (the URL's `anchor`).
        zoom: the visible window, (first day, last day), as the URL's `zoom`.
        lanes: the order of the company lanes, as the URL's `lanes` ("events", "first", "listed").
        highlight: ids of events to ring, as a tour step does.
        series: a context series (`dashboard.data.context.load_context(path)`) drawn under the lanes.

    Example:
        >>> from dashboard import load_events, timeline_figure
        >>> fig = timeline_figure(load_events(), company=["IBM", "Amazon"], start="2020-05-01")
    """
    def day(value: date | str | None) -> str:
        return value.isoformat() if isinstance(value, date) else (value or "")

    query: dict[str, list[str]] = {
        "company": list(company) if company is not None else [], "category": list(category or []),
        "start": [day(start)], "end": [day(end)], "q": [q], "context": ["" if context else "0"],
        "event": [event or ""], "anchor": [anchor or ""], "theme": [theme_name],
        "zoom": [f"{day(zoom[0])}..{day(zoom[1])}" if zoom else ""], "lanes": [lanes or ""],
    }
    if company is not None and not company:
        query["company"] = [""]
    if category is not None and not category:
        query["category"] = [""]
    shown = resolve(query, of_frame(events))
    if not connect:
        shown = replace(shown, view=replace(shown.view, event=None))
    if highlight:
        shown = replace(shown, step=Step(0, title or "", "", "", shown.view, tuple(highlight)))
    frame = Frame("embed", EmbedOptions(title=title is not None), title=title)
    return figure(shown, frame, context=series)
