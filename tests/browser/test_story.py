"""The story features in real headless Chromium: the guided tour walked with the keyboard, related events,
the "days since" axis and citations."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.data.load import load_events
from dashboard.view.filters import apply
from dashboard.view.story import load_story
from dashboard.web import ids
from tests.browser.conftest import click_row

from ..conftest import DATA, ROOT


def query(dash_duo) -> dict[str, list[str]]:
    return parse_qs(urlsplit(dash_duo.driver.current_url).query, keep_blank_values=True)


def wait_for_url(dash_duo, expected: dict[str, list[str]]) -> None:
    until(
        lambda: query(dash_duo) == expected, timeout=10, msg=lambda: f"URL is {dash_duo.driver.current_url}"
    )


def figure(dash_duo) -> dict:
    """The chart's current data and layout, read from plotly's graph div in one script call."""
    return dash_duo.driver.execute_script(
        "const gd = document.querySelector('#timeline .js-plotly-plot');"
        "return gd ? {data: gd.data.map(t => ({name: t.name, x: t.x, customdata: t.customdata,"
        " text: t.text})), layout: {xaxis: {type: gd.layout.xaxis.type}}} : null;"
    )


def trace(dash_duo, name: str) -> dict | None:
    fig = figure(dash_duo)
    return next((t for t in fig["data"] if t["name"] == name), None) if fig else None


def day_of(dash_duo, event_id: str) -> float:
    decisions = trace(dash_duo, "decision")
    return dict(zip(decisions["customdata"], decisions["x"], strict=True))[event_id]


def checked(dash_duo, checklist: str) -> list[str]:
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{checklist} input:checked')].map(i => i.value)"
    )


def js_value(dash_duo, element_id: str) -> str:
    return dash_duo.driver.execute_script(f"return document.getElementById('{element_id}').value || ''")


def press(dash_duo, key: str) -> None:
    ActionChains(dash_duo.driver).send_keys(key).perform()


@pytest.fixture(scope="module")
def bundled():
    events = load_events(ROOT / "events.csv")
    return events, load_story(ROOT / "story.csv", events)


def check_step(dash_duo, events, story, step, **more: list[str]) -> None:
    """The page shows the tour's `step`: its URL (plus `more` parameters, such as the theme), title, counter,
    count, companies, highlighted events, and calendar dates or days since its anchor."""
    wait_for_url(dash_duo, {"step": [str(step.number)], **more})
    dash_duo.wait_for_text_to_equal(f"#{ids.TOUR_TITLE}", step.title, timeout=10)
    assert (
        dash_duo.find_element(f"#{ids.TOUR_COUNTER}").text
        == f"Guided tour · step {step.number} of {len(story)}"
    )
    shown = apply(events, step.view.filters)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"{len(shown)} of {len(events)} events", timeout=10)
    companies = step.view.filters.companies
    if companies is not None:
        assert sorted(checked(dash_duo, ids.COMPANIES)) == sorted(companies)
    until(lambda: (trace(dash_duo, "highlighted") or {}).get("customdata") is not None, timeout=10)
    assert set(trace(dash_duo, "highlighted")["customdata"]) == set(step.highlight)
    assert checked(dash_duo, ids.TIME) == (["days"] if step.view.anchor else [])
    assert figure(dash_duo)["layout"]["xaxis"]["type"] == ("linear" if step.view.anchor else "date")
    if step.view.anchor == "george-floyd-killed-minneapolis":
        decisions = trace(dash_duo, "decision")
        days = dict(zip(decisions["customdata"], decisions["x"], strict=True))
        assert [
            days[e]
            for e in (
                "ibm-exits-general-purpose-frt",
                "amazon-rekognition-police-moratorium",
                "microsoft-no-frt-sales-to-us-police",
            )
        ] == [14, 16, 17]


# The whole tour, walked with the keyboard (Enter on "Take the tour", the arrow keys, Enter on "Finish") and
# with taps on Next, each step checked with check_step, axe and the live regions: test_accessibility.py's
# test_walk_the_tour_axe_finds_nothing_each_step_shows_its_view_and_is_announced_once (one walk for both).


def test_leave_the_tour_to_explore_and_come_back(dash_duo, serve, bundled):
    events, story = bundled
    serve(create_app(ROOT / "events.csv"), "/?step=6")
    dash_duo.wait_for_text_to_equal(f"#{ids.TOUR_TITLE}", story.get(6).title, timeout=15)
    # Tab to the Next link and follow it with Enter.
    next_link = dash_duo.find_element(f"#{ids.TOUR_NEXT}")
    dash_duo.driver.execute_script("arguments[0].focus()", dash_duo.find_element(f"#{ids.TOUR_PREV}"))
    press(dash_duo, Keys.TAB)
    assert dash_duo.driver.switch_to.active_element == next_link
    press(dash_duo, Keys.ENTER)
    wait_for_url(dash_duo, {"step": ["7"]})
    dash_duo.wait_for_text_to_equal(f"#{ids.TOUR_TITLE}", story.get(7).title, timeout=10)
    assert dash_duo.driver.switch_to.active_element == next_link  # focus stays on Next for the following step
    # Opening an event of the step keeps the tour.
    dash_duo.find_element(f"#{ids.TOUR_EVENTS} a").click()
    wait_for_url(dash_duo, {"event": [story.get(7).highlight[0]], "step": ["7"]})
    # Changing a filter leaves the tour, starting from the step's view.
    dash_duo.find_element(f"#{ids.TOUR_LEAVE}").send_keys(Keys.ENTER)
    until(lambda: "step" not in query(dash_duo), timeout=10)
    assert query(dash_duo)["q"] == ["Detroit"]
    resume = dash_duo.find_element(f"#{ids.TOUR_RESUME}")
    dash_duo.wait_for_contains_text(f"#{ids.TOUR_RESUME}", "Back to the tour (step 7", timeout=10)
    resume.send_keys(Keys.ENTER)
    wait_for_url(dash_duo, {"step": ["7"]})
    dash_duo.wait_for_text_to_equal(f"#{ids.TOUR_TITLE}", story.get(7).title, timeout=10)
    dash_duo.find_element(f"#{ids.COMPANIES_NONE}").click()  # a control change also leaves the tour
    until(lambda: "step" not in query(dash_duo) and query(dash_duo).get("company") == [""], timeout=10)
    assert query(dash_duo)["q"] == ["Detroit"]
    assert dash_duo.get_logs() == []


@pytest.fixture
def related_app():
    return create_app(DATA / "related.csv", story_path=DATA / "story.csv")


def test_related_events_are_links_that_select_them_and_are_drawn(dash_duo, serve, related_app):
    serve(related_app, "/?event=amazon-pause")
    dash_duo.wait_for_text_to_equal("#details-title", "Amazon pauses", timeout=15)
    dash_duo.wait_for_contains_text(
        ".related-list", "Extended by: Amazon extends its pause (18 May 2021)", timeout=10
    )
    until(lambda: trace(dash_duo, "relation labels") is not None, timeout=10)
    assert trace(dash_duo, "relation labels")["text"] == ["extends"]
    dash_duo.find_element(".related-list a").click()
    wait_for_url(dash_duo, {"event": ["amazon-extends"]})
    dash_duo.wait_for_text_to_equal("#details-title", "Amazon extends its pause", timeout=10)
    dash_duo.wait_for_contains_text(".related-list", "Extends: Amazon pauses", timeout=10)
    dash_duo.driver.back()
    wait_for_url(dash_duo, {"event": ["amazon-pause"]})
    dash_duo.wait_for_text_to_equal("#details-title", "Amazon pauses", timeout=10)
    assert dash_duo.get_logs() == []


def test_days_since_toggle_and_any_event_as_day_0(dash_duo, serve, related_app):
    serve(related_app, "/?event=floyd-killed")
    dash_duo.wait_for_text_to_equal("#details-title", "A man is killed by police", timeout=15)
    dash_duo.find_element(f"#{ids.TIME} input").click()
    wait_for_url(dash_duo, {"event": ["floyd-killed"], "anchor": ["floyd-killed"]})
    dash_duo.wait_for_contains_text(
        f"#{ids.TIME_NOTE}", "Day 0: A man is killed by police (25 May 2020)", timeout=10
    )
    until(lambda: figure(dash_duo)["layout"]["xaxis"]["type"] == "linear", timeout=10)
    assert day_of(dash_duo, "ibm-exit") == 14
    dash_duo.wait_for_contains_text(".details-anchor", "This event is day 0.", timeout=10)
    # Another event becomes day 0 from its details panel.
    click_row(dash_duo, "ibm-exit")
    dash_duo.wait_for_contains_text(".details-anchor", "Day +14 since A man is killed by police.", timeout=10)
    dash_duo.find_element("#details-anchor").click()
    wait_for_url(dash_duo, {"event": ["ibm-exit"], "anchor": ["ibm-exit"]})
    until(
        lambda: day_of(dash_duo, "ibm-exit") == 0,
        timeout=10,
    )
    dash_duo.find_element(f"#{ids.TIME} input").click()  # back to calendar dates
    wait_for_url(dash_duo, {"event": ["ibm-exit"]})
    until(lambda: figure(dash_duo)["layout"]["xaxis"]["type"] == "date", timeout=10)
    assert dash_duo.get_logs() == []


def test_cite_this_event_and_this_view(dash_duo, serve, related_app):
    serve(related_app, "/?step=2&event=ibm-exit")
    dash_duo.wait_for_text_to_equal("#details-title", "IBM exits", timeout=15)

    def text(selector: str) -> str:  # textContent: the same whether the disclosure is open or closed
        return dash_duo.driver.execute_script(
            f"return document.querySelector('{selector}')?.textContent || ''"
        )

    today = date.today()
    until(lambda: f"{dash_duo.server_url}/?event=ibm-exit" in text("#cite-event-apa"), timeout=10)
    apa = text("#cite-event-apa")
    assert apa.startswith("frt-timeline contributors. (2026). IBM exits [Timeline event, 8 June 2020].")
    assert (
        f"Retrieved {today.day} {today:%B %Y}, from {dash_duo.server_url}/?event=ibm-exit" in apa
    )
    assert "(Version 0.4.0)" in apa
    bibtex = text("#cite-event-bibtex")
    assert (
        bibtex.startswith("@misc{frt-timeline:ibm-exit,")
        and f"urldate      = {{{today.isoformat()}}}" in bibtex
    )
    dash_duo.find_element("#details .cite-box summary").click()
    until(lambda: dash_duo.find_element("#cite-event-chicago").is_displayed(), timeout=5)
    dash_duo.find_element("#details .cite-box .copy-button").click()
    until(lambda: text("#details .cite-box .copy-button") in ("Copied", "Selected"), timeout=5)
    until(lambda: "Guided tour, step 2: The week [Timeline view]" in text("#cite-view-apa"), timeout=10)
    assert text("#cite-view-apa").endswith(f"from {dash_duo.server_url}/?event=ibm-exit&step=2")
    # "Cite this view" is in the share panel, next to the link and the embed code of the same step.
    dash_duo.find_element(f"#{ids.SHARE} summary").click()
    until(lambda: dash_duo.find_element("#cite-view-bibtex").is_displayed(), timeout=5)
    until(lambda: js_value(dash_duo, ids.SHARE_LINK).endswith("/?event=ibm-exit&step=2"), timeout=10)
    snippet = js_value(dash_duo, ids.SHARE_SNIPPET)
    assert "/embed?event=ibm-exit&amp;step=2" in snippet
    assert 'title="Big tech and facial recognition: The week"' in snippet
    assert dash_duo.get_logs() == []
