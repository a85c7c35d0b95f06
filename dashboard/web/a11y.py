"""Wiring for keyboard, screen-reader, theme, small-screen and print use. Registered on the instance.

The browser-side halves live in assets/: clientside.js (the theme in effect, the drawer, the print URL),
keyboard.js (the chart's keyboard mode, focus in and out of the details), timeline.js (zoom buttons, pinch)
and dates.js (dates in the reader's locale).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from dashboard.text import summary
from dashboard.view import story, urlstate
from dashboard.view.dataset import Dataset, resolve
from dashboard.web import ids
from dashboard.web.chart import Chart


def announcement(previous: dict[str, str] | None, current: dict[str, str], shown: pd.DataFrame,
                 total: int, view: urlstate.View) -> str | None:
    """What the live region says after a URL change, once: the count and range when the rows changed, the
    selected event when only the selection changed; None when nothing a listener needs to hear changed."""
    if previous is None:
        return None  # the page has just loaded: the reader is reading it, not waiting for news
    if previous.get("query") != current["query"]:
        return f"Showing {summary.count_text(shown, total, view.filters)}."
    if previous.get("event") != current["event"]:
        if not current["event"]:
            return "Details closed."
        return summary.selection_text(shown, current["event"]) or None
    return None


def register_a11y_callbacks(app: Dash, bundled: Dataset, chart: Chart,
                            tour: story.Story | None = None) -> None:
    """Wire the accessibility and presentation callbacks to this app instance and this data (the tab's
    upload when it has one, as for the other callbacks); `tour` goes with the bundled data."""

    app.clientside_callback(
        ClientsideFunction("frt", "theme"),
        Output(ids.THEME, "data"), Output(ids.THEME_TOGGLE, "aria-pressed"),
        Input(ids.URL, "search"),
    )
    app.clientside_callback(
        ClientsideFunction("frt", "drawer"),
        Output(ids.FILTERS_TOGGLE, "aria-expanded"), Output(ids.FILTERS_PANEL, "className"),
        Input(ids.FILTERS_TOGGLE, "n_clicks"), State(ids.FILTERS_TOGGLE, "aria-expanded"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("frt", "printUrl"),
        Output(ids.PRINT_URL, "children"),
        Input(ids.URL, "href"),
    )

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.THEME_TOGGLE, "n_clicks"), State(ids.URL, "search"), State(ids.THEME, "data"),
        State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )
    def toggle_theme(n_clicks, search, current, user_data):  # type: ignore[no-untyped-def]
        """The toggle writes the other theme into the URL, so the address keeps it."""
        if not n_clicks:
            return no_update
        ds, _ = resolve(bundled, user_data)
        view, _ = urlstate.parse(search if isinstance(search, str) else None, event_ids=ds.event_ids,
                                 companies=ds.companies)
        return urlstate.serialize(replace(view, theme="light" if current == "dark" else "dark"))

    @app.callback(
        Output(ids.LIVE, "children"), Output(ids.LAST_QUERY, "data"),
        Input(ids.URL, "search"), State(ids.LAST_QUERY, "data"), State(ids.USER_DATA, "data"),
    )
    def announce(search, previous, user_data):  # type: ignore[no-untyped-def]
        ds, _ = resolve(bundled, user_data)
        events = ds.events
        # what the page shows: a tour step's view, not the bare `?step=N`
        _, view, _ = story.read_view(search if isinstance(search, str) else None, ds.event_ids,
                                     None if ds.uploaded else tour, companies=ds.companies)
        previous = previous if isinstance(previous, dict) else None
        current = {"query": urlstate.data_query(view), "event": view.event or ""}
        shown = chart.rows(ds, view.filters)
        text = announcement(previous, current, shown, len(events), view)
        return (no_update if text is None else text), current
