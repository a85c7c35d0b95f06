"""The chart of the served events file at the level of detail a view needs, memoized, and the zoom callback
that refines it.

A change of filters opens the chart on the view's default range (the render callback asks `Chart.figure`);
a zoom or pan (the chart's relayoutData) asks for single events or finer bins when the data is large; a new
selection keeps the current zoom. A tab's uploaded data is drawn by the render callback as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from dashboard.data.context import Series
from dashboard.data.relations import Link
from dashboard.figures import lod
from dashboard.figures.theme import theme_of
from dashboard.figures.timeline import Band
from dashboard.view import urlstate
from dashboard.view.dataset import Dataset
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import Filters, apply
from dashboard.view.relative import Anchor
from dashboard.web import ids
from dashboard.web.cache import FigureCache


def revision(view: urlstate.View) -> str:
    """The chart's uirevision: the filters' query (and the days anchor), so zoom survives a new selection
    or tour step, not new filters or a new axis."""
    return urlstate.data_query(view) or "all"


@dataclass(frozen=True, eq=False)
class Chart:
    """Figures of the served data: view + visible range -> figure dict (memoized)."""

    events: pd.DataFrame
    index: EventIndex
    band: Band | None
    cache: FigureCache
    eras: Sequence[Band] = ()
    context: Series | None = None

    def rows(self, ds: Dataset, filters: Filters) -> pd.DataFrame:
        """A view's events in the tab's data: the served file through the index (the rows `filters.apply`
        keeps, without a pass over the frame), a tab's upload with `apply`."""
        return apply(ds.events, filters) if ds.uploaded else self.events[self.index.mask(filters)]

    @property
    def grouped(self) -> bool:
        """Events with a `group` lane: drawn whole (the level of detail knows company and context lanes)."""
        return "group" in self.events.columns and bool((self.events["group"] != "").any())

    def can_count_days(self, view: urlstate.View) -> bool:
        """Whether the view's events are few enough to be drawn whole, so a days-since axis can be drawn
        (bins and zoom refinement work on dates)."""
        return self.grouped or lod.select(self.index, view.filters).plan.mode == "all"

    def figure(
        self,
        view: urlstate.View,
        visible: tuple[int, int] | None = None,
        *,
        zooming: bool = False,
        links: Sequence[Link] = (),
        highlight: Sequence[str] = (),
        anchor: Anchor | None = None,
        theme_name: str = "light",
    ) -> dict[str, Any] | None:
        """The figure dict, or None when `zooming` needs no new figure (every event is drawn already).

        `links`, `highlight` and `anchor` (the story's connectors, tour ring and days axis) go to
        `build_figure`; they follow from the view's event, step and anchor, which name the cache entry."""
        chosen = lod.select(self.index, view.filters, visible)
        if self.grouped or anchor is not None:
            chosen = replace(chosen, plan=lod.Plan("all"))
        if zooming and chosen.plan.mode == "all":
            return None
        rev = revision(view)
        key = lod.cache_key(urlstate.serialize(replace(view, event=None, theme=None)) or "all", view.event,
                            chosen.plan, theme_name)
        return self.cache.get_or_build(
            key,
            lambda: lod.view_figure(
                self.events,
                self.index,
                view.filters,
                chosen,
                selected=view.event,
                band=self.band,
                uirevision=rev,
                eras=self.eras,
                context=self.context,
                links=links,
                highlight=highlight,
                anchor=anchor,
                theme_name=theme_name,
                presets=False,  # the page's own zoom buttons (layout.chart_toolbar) work from the keyboard
            ).to_plotly_json(),
        )

    def remembered_range(self, view: urlstate.View, stored: object) -> tuple[int, int] | None:
        """The visible range kept in the store, if it belongs to these filters."""
        if not isinstance(stored, dict) or stored.get("revision") != revision(view):
            return None  # (a store from the browser may hold anything)
        pair = stored.get("range")
        if (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(v, int) for v in pair)
            and -(2**53) < pair[0] < pair[1] < 2**53
        ):
            return pair[0] * 1_000_000, pair[1] * 1_000_000  # ms: exact in JavaScript numbers
        return None


def register_zoom(app: Dash, chart: Chart, parse: Callable[[object], urlstate.View]) -> None:
    """Zoom and pan (relayoutData) -> a figure at the new level of detail, when the served data needs one.
    `parse` reads the view from the URL's query as the render callback does (a tour step is its view).

    The browser first keeps only the x axis of relayoutData (ids.X_CHANGE). Without that filter, a relayout
    that leaves x alone (a window resize, a vertical pan) while a zoom is on its way to the server starts the
    callback again; Dash then drops the zoom's answer and the coarse figure stays."""

    app.clientside_callback(
        ClientsideFunction("frt", "xChange"),
        Output(ids.X_CHANGE, "data"),
        Input(ids.GRAPH, "relayoutData"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.GRAPH, "figure", allow_duplicate=True),
        Output(ids.VIEW_RANGE, "data"),
        Input(ids.X_CHANGE, "data"),
        State(ids.URL, "search"),
        State(ids.USER_DATA, "data"),
        State(ids.USER_CONTEXT, "data"),
        State(ids.THEME, "data"),
        prevent_initial_call=True,
    )
    def zoom(relayout, search, user_data, user_context, theme_name):  # type: ignore[no-untyped-def]
        change = lod.zoomed_range(relayout)
        if change is None or user_data or user_context:  # a tab's own data is drawn whole
            return no_update, no_update
        view = parse(search)  # (a days axis is drawn only when every event is: Chart.figure then answers None)
        if change == "auto":  # a double click or reset: the whole selection
            mask = chart.index.mask(view.filters)
            visible = lod.overview(chart.index, mask) if mask.any() else None
        else:
            visible = change
        figure = chart.figure(view, visible, zooming=True, theme_name=theme_of(theme_name))
        stored = {"revision": revision(view), "range": [v // 1_000_000 for v in visible] if visible else None}
        return (no_update if figure is None else figure), stored
