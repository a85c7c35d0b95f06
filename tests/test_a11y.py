"""What the live region says, and when: once per change, the count and range or the selected event."""

from __future__ import annotations

import pytest

from dashboard.view import urlstate
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve
from dashboard.web.a11y import announcement


@pytest.fixture
def events(valid_csv):
    return load_dataset(valid_csv)


def say(events, previous_search: str | None, search: str) -> str | None:
    def state(s: str) -> dict[str, str]:
        v, _ = urlstate.parse(s)
        return {"query": urlstate.data_query(v), "event": v.event or ""}

    previous = None if previous_search is None else state(previous_search)
    return announcement(previous, state(search), resolve(search.lstrip("?"), events))


def test_nothing_is_said_on_load(events):
    assert say(events, None, "?category=decision") is None


def test_a_filter_change_says_the_count_and_range(events):
    assert say(events, "", "?category=decision") == "Showing 3 of 7 events, June 2020 to June 2021."
    assert say(events, "?category=decision", "?category=decision&q=nothing") == "Showing 0 of 7 events."


def test_a_selection_says_the_event_and_its_position(events):
    assert say(events, "?category=decision", "?category=decision&event=ibm-exit") == (
        "Event 1 of 3: IBM exits, 8 June 2020.")
    assert say(events, "?category=decision&event=ibm-exit", "?category=decision") == "Details closed."


def test_a_theme_change_says_nothing(events):
    assert say(events, "?category=decision", "?category=decision&theme=dark") is None
    assert say(events, "?event=ibm-exit", "?event=ibm-exit&theme=light") is None


def test_a_tour_step_is_announced_with_the_steps_own_count():
    """`?step=2` shows that step's view: the live region counts its events, not the whole file."""
    from dashboard.app import create_app
    from dashboard.web import ids
    from tests.dash_requests import body, callback_key

    from .conftest import DATA

    app = create_app(DATA / "related.csv", story_path=DATA / "story.csv")
    key = callback_key(app, f"{ids.LIVE}.children")
    answer = app.server.test_client().post("/_dash-update-component", json=body(
        app, key, {"url.search": "?step=2", f"{ids.LAST_QUERY}.data": {"query": "", "event": ""}})).get_json()
    said = answer["response"][ids.LIVE]["children"]
    assert said.startswith("Step 2 of ") and ". Showing 5 of " in said, said


def test_a_tour_step_is_said_once_by_the_one_live_region():
    """Each Next says the step's number, title and count in the page's live region; the tour bar is not a
    live region of its own (two regions would both speak on every step)."""
    from dashboard.app import create_app
    from dashboard.web import ids
    from tests.dash_requests import body, callback_key

    from .conftest import DATA

    app = create_app(DATA / "related.csv", story_path=DATA / "story.csv")
    key = callback_key(app, f"{ids.LIVE}.children")

    def said(search: str, previous: dict[str, str]) -> tuple[str, dict[str, str]]:
        answer = app.server.test_client().post("/_dash-update-component", json=body(
            app, key, {"url.search": search, f"{ids.LAST_QUERY}.data": previous})).get_json()["response"]
        return answer[ids.LIVE]["children"], answer[ids.LAST_QUERY]["data"]

    first, state = said("?step=1", {"query": "", "event": "", "step": ""})
    second, state = said("?step=2", state)
    assert first.startswith("Step 1 of ") and second.startswith("Step 2 of "), (first, second)
    # Leaving the tour keeps the view: it is said in words, not as a new count.
    left, _ = said(f"?{state['query']}", state)
    assert left == "You left the guided tour."
    from dashboard.web.tour.components import tour_bar

    bar = tour_bar()
    assert [c for c in [bar, *bar._traverse()]
            if getattr(c, "role", None) in ("status", "alert", "log") or getattr(c, "aria-live", None)] == []
