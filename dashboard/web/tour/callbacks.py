"""Thin wiring for the tour bar, the "days since" note and the citation of the view, as module-level
functions over `state.shown_for`; `register(app)` wires them to one app instance."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State

from dashboard.text import cite
from dashboard.view import urlstate
from dashboard.view.story import Story
from dashboard.web import ids
from dashboard.web.components import safe_base
from dashboard.web.state import shown_for, text
from dashboard.web.tour.components import TOUR_START_CLASS, citation_fieldset, origin, tour_state


def tour_bar(search: object, user_data: object, pathname: object, memory: object) -> tuple[Any, ...]:
    """The tour bar follows the URL; the last step seen is kept (per tab) so the reader can come back. A tab
    that uploaded its own events has no tour."""
    shown = shown_for(search, user_data).shown
    steps = shown.tour
    titles = step_titles(steps, shown.dataset.by_id)
    s = tour_state(steps, shown.view, safe_base(pathname), memory if type(memory) is int else None, titles)
    return (
        s.bar_class, s.counter, s.title, s.text, s.events, s.prev_href, s.prev_class, s.next_href,
        s.next_label, s.next_class, s.leave_href, s.resume_href, s.resume_label, s.memory,
        TOUR_START_CLASS if steps else TOUR_START_CLASS + " hidden",  # own data: no tour
        s.start_href,
    )


def step_titles(steps: Story | None, by_id: pd.DataFrame) -> dict[str, str]:
    """The titles of the events the tour's steps highlight (not of every event: 100,000 cost 70 ms)."""
    highlighted = {e for step in (steps.steps if steps else ()) for e in step.highlight}
    found = by_id.index.intersection(list(highlighted))
    return dict(zip(found, by_id.loc[found, "title"], strict=True))


def view_notes(search: object, user_data: object, pathname: object, href: object,
               _chart: object = None) -> tuple[Any, Any]:
    """The day-0 event next to the toggle, and the citation of exactly this view."""
    shown = shown_for(search, user_data).shown
    anchor = shown.anchor
    note = f"Day 0: {anchor.title} ({anchor.when}), the dotted line on the chart" if anchor else ""
    permalink = origin(text(href)) + safe_base(pathname) + urlstate.serialize(shown.url_view)
    title = cite.describe_view(shown.view, anchor_title=anchor.title if anchor else None,
                               step_title=shown.step.title if shown.step else None)
    work = cite.view_work(title, permalink, date.today(),
                          dataset=cite.dataset_name(shown.dataset.name, shown.dataset.uploaded))
    return note, citation_fieldset("Cite this view", cite.citations(work), "cite-view")


def register(app: Dash) -> None:
    app.callback(
        Output(ids.TOUR_BAR, "className"), Output(ids.TOUR_COUNTER, "children"),
        Output(ids.TOUR_TITLE, "children"), Output(ids.TOUR_TEXT, "children"),
        Output(ids.TOUR_EVENTS, "children"), Output(ids.TOUR_PREV, "href"),
        Output(ids.TOUR_PREV, "className"), Output(ids.TOUR_NEXT, "href"), Output(ids.TOUR_NEXT, "children"),
        Output(ids.TOUR_NEXT, "className"), Output(ids.TOUR_LEAVE, "href"), Output(ids.TOUR_RESUME, "href"),
        Output(ids.TOUR_RESUME, "children"), Output(ids.TOUR_MEMORY, "data"),
        Output(ids.TOUR_START, "className"), Output(ids.TOUR_START, "href"),
        Input(ids.URL, "search"), Input(ids.USER_DATA, "data"),
        State(ids.URL, "pathname"), State(ids.TOUR_MEMORY, "data"),
    )(tour_bar)
    app.callback(
        Output(ids.TIME_NOTE, "children"), Output(ids.CITE_VIEW, "children"),
        State(ids.URL, "search"), Input(ids.USER_DATA, "data"),
        State(ids.URL, "pathname"), State(ids.URL, "href"),
        Input(ids.FIGURE_KEY, "data"),  # after the chart's answer (web/callbacks.py, register)
    )(view_notes)
