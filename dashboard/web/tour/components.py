"""Page parts for the story features: the tour bar, the "days since" toggle, related events, the day-0
control and citation boxes. Builders only (no callbacks); CSV strings go to components as plain text.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode, urlsplit

import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.data.relations import Neighbour, neighbours
from dashboard.text import cite
from dashboard.view import urlstate
from dashboard.view.relative import Anchor, anchor_of, row_day_label
from dashboard.view.story import Step, Story, explore, select
from dashboard.web import ids
from dashboard.web.components import attrs, safe_base

NEXT_CLASS = "tour-link tour-next"
TOUR_START_CLASS = "tour-start"


def href(pathname: str, view: urlstate.View) -> str:
    """A same-page link to `view` (dcc.Link keeps it a single-page navigation)."""
    return safe_base(pathname) + urlstate.serialize(view)


def tour_start(story: Story | None) -> dcc.Link:
    """"Take the tour"; hidden when there is no tour (own data), which a callback keeps up to date."""
    steps = len(story) if story is not None else 0
    return dcc.Link(
        "Take the tour",
        href="?step=1",
        id=ids.TOUR_START,
        className=TOUR_START_CLASS if steps else TOUR_START_CLASS + " hidden",
        title=f"A guided tour in {steps} steps",
    )


def tour_bar() -> html.Section:
    """The tour's frame: filled and shown by a callback while a step is open, or offering to resume."""
    return html.Section(
        [
            html.Div(
                [
                    html.Div(
                        [
                            html.P(id=ids.TOUR_COUNTER, className="tour-counter"),
                            html.H2(id=ids.TOUR_TITLE, className="tour-title"),
                            html.P(id=ids.TOUR_TEXT, className="tour-text"),
                        ],
                        # not a live region: the page's one live region (ids.LIVE) says each step once
                    ),
                    html.Div(id=ids.TOUR_EVENTS, className="tour-events"),
                    html.Nav(
                        [
                            dcc.Link("← Previous", id=ids.TOUR_PREV, href="?", className="tour-link"),
                            dcc.Link("Next →", id=ids.TOUR_NEXT, href="?", className=NEXT_CLASS),
                            dcc.Link(
                                "Leave the tour",
                                id=ids.TOUR_LEAVE,
                                href="?",
                                className="tour-link tour-leave",
                                title="Keep this view and explore freely",
                            ),
                        ],
                        className="tour-nav",
                        **attrs(aria_label="Tour steps"),
                    ),
                    html.P("Tip: the ← and → keys move between steps.", className="tour-keys"),
                ],
                className="tour-active",
            ),
            html.P(
                [
                    "You left the guided tour. ",
                    dcc.Link("Back to the tour", id=ids.TOUR_RESUME, href="?", className="tour-link"),
                ],
                className="tour-resume",
            ),
        ],
        id=ids.TOUR_BAR,
        className="tour-bar",
        **attrs(aria_label="Guided tour"),
    )


@dataclass(frozen=True)
class TourState:
    """Everything the tour bar shows for one URL."""

    bar_class: str
    counter: str
    title: str
    text: str
    events: list[object]
    prev_href: str
    prev_class: str
    next_href: str
    next_label: str
    next_class: str
    leave_href: str
    resume_href: str
    resume_label: str
    memory: int | None
    start_href: str = "?step=1"


def step_href(number: int, view: urlstate.View) -> str:
    """A link to tour step `number` that keeps the reader's theme (the step's view sets everything else)."""
    return urlstate.serialize(replace(urlstate.View(), step=number, theme=view.theme))


def tour_state(
    story: Story | None, view: urlstate.View, pathname: str, memory: int | None, titles: Mapping[str, str]
) -> TourState:
    """The tour bar for a resolved view: active on a step, resumable after leaving, hidden otherwise."""
    step = story.get(view.step) if story is not None else None
    remembered = story.get(memory) if story is not None else None
    start = step_href(1, view)
    if step is None or story is None:
        resume = step_href(remembered.number, view) if remembered else "?"
        return TourState(
            "tour-bar resumable" if remembered else "tour-bar",
            "",
            "",
            "",
            [],
            "?",
            "tour-link hidden",
            "?",
            "Next →",
            NEXT_CLASS,
            "?",
            resume,
            f"Back to the tour (step {remembered.number}: {remembered.title})" if remembered else "",
            memory,
            start,
        )
    last = step.number == len(story)
    prev = story.get(step.number - 1)
    following = story.get(step.number + 1)
    return TourState(
        bar_class="tour-bar active",
        counter=f"Guided tour · step {step.number} of {len(story)}",
        title=step.title,
        text=step.text,
        events=step_events(step, view, pathname, titles),
        prev_href=step_href(prev.number if prev else step.number, view),
        prev_class="tour-link" if prev else "tour-link hidden",
        next_href=(step_href(following.number, view) if following
                   else href(pathname, explore(replace(view, event=None)))),
        next_label="Next →" if not last else "Finish the tour",
        next_class=NEXT_CLASS + (" finish" if last else ""),  # the → key stops at the last step
        leave_href=href(pathname, explore(view)),
        resume_href=step_href(step.number, view),
        resume_label=f"Back to the tour (step {step.number}: {step.title})",
        memory=step.number,
        start_href=start,
    )


def step_events(step: Step, view: urlstate.View, pathname: str, titles: Mapping[str, str]) -> list[object]:
    """The step's highlighted events as links that open their details without leaving the tour."""
    if not step.highlight:
        return []
    items = [
        html.Li(
            dcc.Link(
                titles.get(e, e),
                href=href(pathname, select(view, e)),
                className="tour-event" + (" current" if e == view.event else ""),
            )
        )
        for e in step.highlight
    ]
    return [html.H3("In this step", className="tour-events-title"), html.Ul(items)]


def time_toggle() -> html.Div:
    """Switch the x-axis between calendar dates and days since an anchor event."""
    return html.Div(
        [
            dcc.Checklist(
                id=ids.TIME,
                options=[{"label": "Count days from an event", "value": "days"}],
                value=[],
                className="checklist inline",
            ),
            html.Span(id=ids.TIME_NOTE, className="time-note"),
        ],
        className="time-toggle",
    )


def related_events(
    neighbours: Sequence[Neighbour],
    events_by_id: pd.DataFrame,
    view: urlstate.View,
    pathname: str,
    in_view: Container[str],
) -> list[object]:
    """The details panel's "Related events": each a link that selects it (both directions of a link)."""
    if not neighbours:
        return []
    items = []
    for n in neighbours:
        other = events_by_id.loc[n.other]
        note = "" if n.other in in_view else " (not in this view)"
        items.append(
            html.Li(
                [
                    html.Span(n.label.capitalize() + ": ", className="relation-label"),
                    dcc.Link(
                        other["title"],
                        href=href(pathname, select(view, n.other)),
                        id={"type": ids.RELATED_LINK, "event": n.other},
                        className="related-link",
                    ),
                    html.Span(f" ({other['when']}){note}", className="related-when"),
                ],
                **attrs(data_relation=n.relation),
            )
        )
    return [html.H3("Related events"), html.Ul(items, className="related-list")]


def day_zero(row: pd.Series, view: urlstate.View, pathname: str, anchor: Anchor | None) -> html.P:
    """Where this event sits on the days axis, and a link to count days from it instead."""
    plain = replace(view, step=None)
    if anchor is not None and anchor.id == row["id"]:
        return html.P(
            [
                "This event is day 0. ",
                dcc.Link(
                    "Show calendar dates",
                    href=href(pathname, replace(plain, anchor=None)),
                    id="details-anchor",
                ),
            ],
            className="details-anchor",
        )
    lead = f"{row_day_label(row, anchor).capitalize()} since {anchor.title}. " if anchor is not None else ""
    return html.P(
        [
            lead,
            dcc.Link(
                "Count days from this event",
                href=href(pathname, replace(plain, anchor=row["id"])),
                id="details-anchor",
            ),
        ],
        className="details-anchor",
    )


def citation_blocks(citations: Mapping[str, str], prefix: str) -> list[Component]:
    """One block per style, each with a Copy button (assets/story.js copies)."""
    blocks: list[Component] = []
    for style, text in citations.items():
        target = f"{prefix}-{style.lower()}"
        blocks += [
            html.Div(
                [
                    html.H3(style),
                    html.Button(
                        "Copy",
                        type="button",
                        className="small-button copy-button",
                        title=f"Copy the {style} citation",
                        **attrs(data_copy=target),
                    ),
                ],
                className="cite-head",
            ),
            html.Pre(text, id=target, className="citation", tabIndex="0"),
        ]
    return blocks


def citation_box(label: str, citations: Mapping[str, str], prefix: str) -> html.Details:
    """A disclosure ("Cite this event") holding the citation blocks."""
    return html.Details([html.Summary(label), *citation_blocks(citations, prefix)], className="cite-box",
                        **attrs(data_app="panel"))  # the app's own disclosure (the XSS check spares these)


def citation_fieldset(label: str, citations: Mapping[str, str], prefix: str) -> html.Fieldset:
    """The citation blocks as a group of the share panel ("Cite this view")."""
    return html.Fieldset([html.Legend(label), *citation_blocks(citations, prefix)], className="cite-fieldset")


def origin(href: str | None) -> str:
    """'https://host:port' of the page, for absolute permalinks ('' when unknown)."""
    try:
        parts = urlsplit(href or "")
    except ValueError:  # e.g. an unbalanced '[' in the host
        return ""
    ok = parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in parts.netloc)
    return f"{parts.scheme}://{parts.netloc}" if ok else ""


def details_extras(
    events: pd.DataFrame,
    events_by_id: pd.DataFrame,
    row: pd.Series | None,
    view: urlstate.View,
    pathname: str,
    page_href: str | None,
    in_view: Container[str],
    dataset: str = cite.DATASET,
) -> list[object]:
    """What the details panel adds below the permalink: day 0, related events and "Cite this event"
    (`dataset` names where the event comes from: the bundled data or a reader's own file)."""
    if row is None:
        return []
    permalink = origin(page_href) + safe_base(pathname) + "?" + urlencode({"event": row["id"]})
    work = cite.event_work(row["id"], row["title"], row["when"], permalink, date.today(), dataset=dataset)
    return [
        day_zero(row, view, pathname, anchor_of(events, view.anchor)),
        *related_events(neighbours(events, row["id"]), events_by_id, view, pathname, in_view),
        citation_box("Cite this event", cite.citations(work), "cite-event"),
    ]
