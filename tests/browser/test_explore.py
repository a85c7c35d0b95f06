"""The explorer in real headless Chromium against a real server (dash_duo): what a reader does and sees."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from dash.testing.wait import until
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from dashboard.app import create_app
from dashboard.web import ids
from tests.browser.conftest import click_row


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def query(dash_duo) -> dict[str, list[str]]:
    return parse_qs(urlsplit(dash_duo.driver.current_url).query, keep_blank_values=True)


def table_ids(dash_duo) -> list[str]:
    # Read in one script call: the table re-renders, and element handles would go stale mid-read.
    return dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.events-table tbody tr')].map(r => r.dataset.event)")


def checked(dash_duo, checklist: str) -> list[str]:
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{checklist} input:checked')].map(i => i.value)")


def lane_labels(dash_duo) -> list[str]:
    return [t.text for t in dash_duo.find_elements(f"#{ids.GRAPH} .ytick text")]


def check(dash_duo, checklist: str, label: str) -> None:
    for option in dash_duo.find_elements(f"#{checklist} label"):
        if option.text.strip() == label:
            option.click()
            return
    raise AssertionError(f"no option {label!r} in {checklist}")


def wait_for_url(dash_duo, predicate) -> None:
    until(lambda: predicate(query(dash_duo)), timeout=10)


def test_page_loads_all_events_the_table_sorts_and_a_company_updates_chart_table_count_and_url(
        dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(lambda: len(table_ids(dash_duo)) == 7, timeout=10)  # the table renders after the chart
    # The chart has its own callback: wait for it rather than for the count.
    until(lambda: lane_labels(dash_duo) == ["Amazon", "IBM", "Microsoft", "Protests", "Legislation & policy",
                                            "Incidents"], timeout=10)
    # 8 points: study-month is in 2 lanes (the range slider's miniature is its own trace)
    points = f"#{ids.GRAPH} .cartesianlayer .scatterlayer .trace:not(.traceoverview) .point"
    assert len(dash_duo.find_elements(points)) == 8
    assert dash_duo.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert dash_duo.get_logs() == []

    # The table sorts by a column.
    assert table_ids(dash_duo)[0] == "study-month"
    dash_duo.find_element('.events-table th:nth-child(1) button').click()
    until(lambda: table_ids(dash_duo)[0] == "ms-no-police", timeout=10)
    assert dash_duo.find_element(".events-table th:nth-child(1)").get_attribute("aria-sort") == "descending"

    # Choosing a company updates the chart, the table, the count and the URL.
    dash_duo.find_element(f"#{ids.COMPANIES_NONE}").click()
    check(dash_duo, ids.CONTEXT, "Show context lanes")
    check(dash_duo, ids.COMPANIES, "IBM")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "2 of 7 events", timeout=10)
    wait_for_url(dash_duo, lambda q: q == {"company": ["IBM"], "context": ["0"]})
    assert sorted(table_ids(dash_duo)) == ["ibm-exit", "study-month"]
    until(lambda: lane_labels(dash_duo) == ["IBM"], timeout=10)
    assert dash_duo.get_logs() == []


def test_a_url_restores_filters_and_the_details_panel(dash_duo, serve, app):
    serve(app, "/?company=Amazon&category=decision&event=amazon-pause")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "1 of 7 events", timeout=10)
    assert checked(dash_duo, ids.COMPANIES) == ["Amazon"]
    assert checked(dash_duo, ids.CATEGORIES) == ["decision"]
    dash_duo.wait_for_text_to_equal("#details-title", "Amazon pauses", timeout=10)
    assert [t.get_attribute("datetime") for t in dash_duo.find_elements(".details-when time")] == [
        "2020-06-10", "2021-06-10"]
    assert dash_duo.find_element(".events-table tr.selected").get_attribute("data-event") == "amazon-pause"
    assert dash_duo.get_logs() == []


def test_back_restores_the_previous_view(dash_duo, serve, app):
    serve(app, "/?category=decision")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    check(dash_duo, ids.CATEGORIES, "Protest")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "4 of 7 events", timeout=10)
    wait_for_url(dash_duo, lambda q: q == {"category": ["decision", "protest"]})
    dash_duo.driver.back()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    wait_for_url(dash_duo, lambda q: q == {"category": ["decision"]})
    until(lambda: checked(dash_duo, ids.CATEGORIES) == ["decision"], timeout=10)
    assert dash_duo.get_logs() == []


def test_clicking_a_marker_opens_its_details_with_safe_source_links(dash_duo, serve, app):
    serve(app, "/?company=IBM&context=0")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "2 of 7 events", timeout=10)
    until(lambda: lane_labels(dash_duo) == ["IBM"], timeout=10)

    def click_decision() -> bool:  # the chart may redraw (resize) between finding the marker and clicking
        try:
            decision = dash_duo.find_element(
                f"#{ids.GRAPH} .cartesianlayer .scatterlayer .trace:nth-of-type(1) .point")
            ActionChains(dash_duo.driver).move_to_element(decision).pause(0.3).click().perform()
        except StaleElementReferenceException:
            return False
        return True

    until(click_decision, timeout=10)
    dash_duo.wait_for_text_to_equal("#details-title", "IBM exits", timeout=10)
    wait_for_url(dash_duo, lambda q: q.get("event") == ["ibm-exit"])
    link = dash_duo.find_element(".details-sources a")
    assert link.get_attribute("href") == "https://example.org/c"
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener noreferrer"
    permalink = dash_duo.find_element("#details-permalink").get_attribute("href")
    assert permalink.endswith("/?event=ibm-exit")
    dash_duo.find_element(f"#{ids.DETAILS_CLOSE}").click()
    wait_for_url(dash_duo, lambda q: "event" not in q)
    # The panel closes (out of the layout) and holds its hint again.
    until(lambda: dash_duo.driver.execute_script(
        "const p = document.getElementById(arguments[0]); return !p.classList.contains('open')"
        " && !p.getClientRects().length && p.textContent.includes('Click an event')", ids.DETAILS_PANEL),
        timeout=10)
    assert dash_duo.get_logs() == []


def test_table_row_selects_the_event_and_rings_it_on_the_chart(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    click_row(dash_duo, "ms-no-police")
    dash_duo.wait_for_text_to_equal("#details-title", "Microsoft says no", timeout=10)
    wait_for_url(dash_duo, lambda q: q == {"event": ["ms-no-police"]})
    last_trace = f"#{ids.GRAPH} .cartesianlayer .scatterlayer .trace:last-of-type"
    dash_duo.wait_for_element(f"{last_trace} .point", timeout=10)
    ring = dash_duo.find_elements(f"{last_trace} .point path, {last_trace} path.point")
    assert ring, "the selected event is ringed on the chart"
    assert dash_duo.get_logs() == []


def test_no_match_shows_a_message_not_an_empty_axis(dash_duo, serve, app):
    serve(app, "/?q=nothing%20matches%20this&start=2020-13-45")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "0 of 7 events", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.GRAPH}", "No events match these filters", timeout=10)
    assert "Ignored start='2020-13-45'" in dash_duo.find_element(f"#{ids.NOTICES}").text
    assert dash_duo.get_logs() == []
