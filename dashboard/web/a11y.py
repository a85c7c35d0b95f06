"""Wiring for keyboard, screen-reader, theme, small-screen and print use. Registered on the instance.

The browser-side halves live in assets/: clientside.js (the theme in effect, the drawer, the print URL),
keyboard.js (the chart's keyboard mode, focus in and out of the details) and timeline.js (zoom buttons,
pinch).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from dashboard.text import summary
from dashboard.view import urlstate
from dashboard.view.shown import Shown
from dashboard.web import ids
from dashboard.web.state import shown_for


def announcement(previous: dict[str, str] | None, current: dict[str, str], shown: Shown,
                 step: str = "") -> str | None:
    """What the live region says after a URL change, once: the tour step (`step`, e.g. 'Step 2 of 10:
    Title') and its count when the step changed, the count and range when the rows changed, the selected
    event when only the selection changed; None when nothing a listener needs to hear changed. It is the
    page's one live region, so a change is said once."""
    if previous is None:
        return None  # the page has just loaded: the reader is reading it, not waiting for news
    if previous.get("step", "") != current.get("step", ""):
        if current.get("step"):
            return f"{step}. Showing {summary.count_text(shown)}."
        return "You left the guided tour."
    if previous.get("query") != current["query"]:
        return f"Showing {summary.count_text(shown)}."
    if previous.get("event") != current["event"]:
        if not current["event"]:
            return "Details closed."
        return summary.selection_text(shown.rows, current["event"]) or None
    return None


def toggle_theme(n_clicks: object, search: object, current_theme: object, user_data: object) -> Any:
    """The toggle writes the other theme into the URL, so the address keeps it."""
    if not n_clicks:
        return no_update
    written = shown_for(search, user_data).shown.written
    return urlstate.serialize(replace(written, theme="light" if current_theme == "dark" else "dark"))


def announce(search: object, previous: object, user_data: object,
             _chart: object = None) -> tuple[Any, dict[str, str]]:
    """The live region's sentence for a URL change (see `announcement`), once."""
    shown = shown_for(search, user_data).shown
    step = shown.step
    current = {"query": shown.data_query, "event": shown.view.event or "",
               "step": str(step.number) if step else ""}
    steps = len(shown.tour) if shown.tour is not None else 0
    said_step = f"Step {step.number} of {steps}: {step.title}" if step else ""
    text = announcement(previous if isinstance(previous, dict) else None, current, shown, said_step)
    return (no_update if text is None else text), current


def register(app: Dash) -> None:
    """Wire the accessibility and presentation callbacks to this app instance."""
    app.clientside_callback(
        ClientsideFunction("frt", "theme"),
        Output(ids.THEME_TOGGLE, "children"),  # and the theme store, when the theme changes (set_props)
        Input(ids.URL, "search"), State(ids.THEME, "data"),
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
    app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.THEME_TOGGLE, "n_clicks"), State(ids.URL, "search"), State(ids.THEME, "data"),
        State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )(toggle_theme)
    app.callback(
        Output(ids.LIVE, "children"), Output(ids.LAST_QUERY, "data"),
        State(ids.URL, "search"), State(ids.LAST_QUERY, "data"), State(ids.USER_DATA, "data"),
        Input(ids.FIGURE_KEY, "data"),  # what changed is said once the chart has it (web/callbacks.py)
    )(announce)
