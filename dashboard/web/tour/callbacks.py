"""Thin wiring for the tour bar, the "days since" note and the citation of the view. Registered on the
instance, like register_callbacks."""

from __future__ import annotations

from datetime import date

from dash import Dash, Input, Output, State

from dashboard.text import cite
from dashboard.view import story, urlstate
from dashboard.view.dataset import Dataset, resolve
from dashboard.view.relative import anchor_of
from dashboard.web import ids
from dashboard.web.components import safe_base
from dashboard.web.tour.components import TOUR_START_CLASS, citation_fieldset, origin, tour_state


def register_story_callbacks(app: Dash, bundled: Dataset, tour: story.Story | None) -> None:
    """The tour goes with the bundled data: a tab that uploaded its own events has no tour."""

    def session(search: object, user_data: object) -> tuple[Dataset, story.Story | None, urlstate.View]:
        """The tab's data, its tour and the view shown. Arguments come from the browser, so any JSON may
        arrive: a non-string search counts as empty."""
        ds, _ = resolve(bundled, user_data)
        steps = None if ds.uploaded else tour
        _, view, _ = story.read_view(search if isinstance(search, str) else None, ds.event_ids, steps,
                                     companies=ds.companies)
        return ds, steps, view

    @app.callback(
        Output(ids.TOUR_BAR, "className"),
        Output(ids.TOUR_COUNTER, "children"),
        Output(ids.TOUR_TITLE, "children"),
        Output(ids.TOUR_TEXT, "children"),
        Output(ids.TOUR_EVENTS, "children"),
        Output(ids.TOUR_PREV, "href"),
        Output(ids.TOUR_PREV, "className"),
        Output(ids.TOUR_NEXT, "href"),
        Output(ids.TOUR_NEXT, "children"),
        Output(ids.TOUR_NEXT, "className"),
        Output(ids.TOUR_LEAVE, "href"),
        Output(ids.TOUR_RESUME, "href"),
        Output(ids.TOUR_RESUME, "children"),
        Output(ids.TOUR_MEMORY, "data"),
        Output(ids.TOUR_START, "className"),
        Input(ids.URL, "search"),
        Input(ids.USER_DATA, "data"),
        State(ids.URL, "pathname"),
        State(ids.TOUR_MEMORY, "data"),
    )
    def tour_bar(search, user_data, pathname, memory):  # type: ignore[no-untyped-def]
        """The tour bar follows the URL; the last step seen is kept (per tab) so the reader can come back."""
        ds, steps, view = session(search, user_data)
        titles = dict(zip(ds.events["id"], ds.events["title"], strict=True))
        s = tour_state(steps, view, safe_base(pathname), memory if type(memory) is int else None, titles)
        return (
            s.bar_class,
            s.counter,
            s.title,
            s.text,
            s.events,
            s.prev_href,
            s.prev_class,
            s.next_href,
            s.next_label,
            s.next_class,
            s.leave_href,
            s.resume_href,
            s.resume_label,
            s.memory,
            TOUR_START_CLASS if steps else TOUR_START_CLASS + " hidden",  # own data: no tour
        )

    @app.callback(
        Output(ids.TIME_NOTE, "children"),
        Output(ids.CITE_VIEW, "children"),
        Input(ids.URL, "search"),
        Input(ids.USER_DATA, "data"),
        State(ids.URL, "pathname"),
        State(ids.URL, "href"),
    )
    def view_notes(search, user_data, pathname, href):  # type: ignore[no-untyped-def]
        """The day-0 event next to the toggle, and the citation of exactly this view."""
        ds, steps, view = session(search, user_data)
        anchor = anchor_of(ds.events, view.anchor)
        note = f"Day 0: {anchor.title} ({anchor.when})" if anchor else ""
        step = steps.get(view.step) if steps else None
        url_view = urlstate.View(event=view.event, step=view.step) if step else view
        permalink = (
            origin(href if isinstance(href, str) else None)
            + safe_base(pathname)
            + urlstate.serialize(url_view)
        )
        title = cite.describe_view(
            view, anchor_title=anchor.title if anchor else None, step_title=step.title if step else None
        )
        work = cite.view_work(title, permalink, date.today(), dataset=cite.dataset_name(ds.name, ds.uploaded))
        return note, citation_fieldset("Cite this view", cite.citations(work), "cite-view")
