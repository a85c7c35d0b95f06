"""Use your own data, in real headless Chromium: a valid file shows its events in this tab only, an invalid
one lists its problems, another browser tab keeps the bundled data, and a button goes back to it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.data.load import check_text
from dashboard.web import ids
from dashboard.web.upload.files import COUNT_ROWS
from tests.browser.conftest import click_row

from ..conftest import DATA

BUNDLED = "7 of 7 events"


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def table_ids(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.events-table tbody tr')].map(r => r.dataset.event)"
    )


def lane_labels(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.GRAPH} .ytick text')].map(t => t.textContent)"
    )


def upload(dash_duo, zone: str, path) -> None:
    """Open the panel and give the file to the upload's file input, as choosing it in the dialog does."""
    panel = dash_duo.find_element(f"#{ids.UPLOAD_PANEL}")
    if not panel.get_attribute("open"):
        dash_duo.find_element(f"#{ids.UPLOAD_PANEL} > summary").click()
    dash_duo.find_element(f"#{zone} input[type=file]").send_keys(str(path))


def test_a_timelinejs_sheet_shows_its_events_in_this_tab_only(dash_duo, serve, app):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()}
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", BUNDLED, timeout=10)
    upload(dash_duo, ids.UPLOAD_EVENTS, DATA / "timelinejs.csv")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "5 of 5 events", timeout=15)
    dash_duo.wait_for_contains_text(
        f"#{ids.UPLOAD_RESULT}", "Showing your events from timelinejs.csv", timeout=10
    )
    assert "Warnings (4)" in dash_duo.find_element(f"#{ids.UPLOAD_RESULT}").text
    assert table_ids(dash_duo)[0] == "a-man-is-killed-by-police"
    until(lambda: lane_labels(dash_duo) == ["Context", "Vendors", "Events"], timeout=10)
    assert dash_duo.find_element(f"#{ids.OWN_TITLE}").text == "A newsroom's timeline: Decisions & protests"
    assert "your file timelinejs.csv, this tab only" in dash_duo.find_element(f"#{ids.DATA_SUMMARY}").text
    assert not dash_duo.find_element(f"#{ids.DOWNLOADS}").is_displayed()  # /api serves the bundled data only
    assert dash_duo.find_element(f"#{ids.EXPORT_ROW}").is_displayed()

    # Clicking one of the uploaded events opens its details, with its sources as links.
    click_row(dash_duo, "a-man-is-killed-by-police")
    dash_duo.wait_for_text_to_equal("#details-title", "A man is killed by police", timeout=10)
    assert dash_duo.find_element(".details-sources a").get_attribute("href") == "https://example.org/report"

    # The uploaded data can be taken back out, converted (built on the fly, stored nowhere).
    dash_duo.find_element(f"#{ids.EXPORT_ROW} button:nth-of-type(2)").click()  # TimelineJS JSON
    exported = Path(dash_duo.download_path) / "timeline.json"
    until(lambda: exported.exists() and exported.stat().st_size > 0, timeout=10)
    back = check_text(exported.read_text(encoding="utf-8"), "timeline.json")
    assert (back.title, len(back.events), back.errors) == ("A newsroom's timeline", 5, [])

    # A reload of this tab keeps the upload (sessionStorage); the server holds nothing.
    dash_duo.driver.refresh()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "5 of 5 events", timeout=15)
    assert app.server.test_client().get("/api/events.json").get_json()["meta"]["total"] == 7

    # Another tab (a new browsing session) sees the bundled data.
    first = dash_duo.driver.current_window_handle
    dash_duo.driver.switch_to.new_window("tab")
    dash_duo.driver.get(dash_duo.server_url)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", BUNDLED, timeout=15)
    assert "valid.csv" in dash_duo.find_element(f"#{ids.DATA_SUMMARY}").text
    assert "ibm-exit" in table_ids(dash_duo)
    dash_duo.driver.close()
    dash_duo.driver.switch_to.window(first)

    # The button returns this tab to the bundled data.
    dash_duo.find_element(f"#{ids.BACK_TO_BUNDLED}").click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", BUNDLED, timeout=10)
    until(lambda: not dash_duo.find_element(f"#{ids.BACK_TO_BUNDLED}").is_displayed(), timeout=10)
    assert dash_duo.find_element(f"#{ids.DOWNLOADS}").is_displayed()
    assert not dash_duo.find_element(f"#{ids.EXPORT_ROW}").is_displayed()
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()}
    assert dash_duo.get_logs() == []


def test_an_invalid_file_lists_its_problems_and_the_timeline_keeps_its_data(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", BUNDLED, timeout=10)
    upload(dash_duo, ids.UPLOAD_EVENTS, DATA / "timelinejs_errors.csv")
    dash_duo.wait_for_contains_text(
        f"#{ids.UPLOAD_RESULT}", "timelinejs_errors.csv was not loaded: 8 problems", timeout=15
    )
    text = dash_duo.find_element(f"#{ids.UPLOAD_RESULT}").text
    assert "Invalid date (4)" in text and "Missing date (2)" in text
    assert "Line 2, column 1: Year '20x0' is not a year. Fix: a four-digit year, e.g. 2020." in text
    assert "Line 6, column 7: this event has neither a Headline nor Text, nor a media caption" in text
    assert dash_duo.find_element(f"#{ids.UPLOAD_RESULT} .upload-errors").get_attribute("role") == "alert"
    assert BUNDLED in dash_duo.find_element(f"#{ids.COUNT}").text
    assert not dash_duo.find_element(f"#{ids.EXPORT_ROW}").is_displayed()
    # the same file, fixed, can be loaded right after (the upload is reset after each file)
    upload(dash_duo, ids.UPLOAD_EVENTS, DATA / "timelinejs.json")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 3 events", timeout=15)
    assert dash_duo.get_logs() == []


def test_a_context_series_upload_draws_the_area_under_the_lanes_and_its_columns_can_be_chosen(
        dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", BUNDLED, timeout=10)
    upload(dash_duo, ids.UPLOAD_CONTEXT, DATA / "context_events.csv")
    dash_duo.wait_for_contains_text(
        f"#{ids.UPLOAD_RESULT}", "Showing the context series from context_events.csv", timeout=15
    )
    assert (
        "2 rows have no date: not counted (line 5, 8)" in dash_duo.find_element(f"#{ids.UPLOAD_RESULT}").text
    )
    until(
        lambda: dash_duo.driver.execute_script(
            f"return document.getElementById('{ids.GRAPH}').querySelector('.js-plotly-plot')"
            "._fullLayout.xaxis2 "
            "!== undefined"
        ),
        timeout=10,
    )
    assert "Under the lanes: rows per day (counting rows per day of 'event_date'" in dash_duo.find_element(
        f"#{ids.DATA_SUMMARY}").text
    assert dash_duo.get_logs() == []

    # Another series, whose value column is chosen in the browser.
    upload(dash_duo, ids.UPLOAD_CONTEXT, DATA / "context_ids.csv")
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_RESULT}", "Read by counting rows per day of 'EVENT_DATE'",
                                    timeout=15)
    said = dash_duo.find_element(f"#{ids.UPLOAD_RESULT}").text
    assert "never summed: 'ID' is named like an identifier" in said
    dash_duo.find_element(f"#{ids.CONTEXT_VALUE_COLUMN} input[value='FATALITIES']").click()
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_RESULT}", "Read by summing 'FATALITIES' per day",
                                    timeout=15)
    dash_duo.wait_for_contains_text(f"#{ids.DATA_SUMMARY}", "summing 'FATALITIES' per day", timeout=10)
    dash_duo.find_element(f"#{ids.CONTEXT_VALUE_COLUMN} input[value='{COUNT_ROWS}']").click()
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_RESULT}", "Read by counting rows per day of 'EVENT_DATE'",
                                    timeout=15)
    assert dash_duo.get_logs() == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_sent_and_an_ambiguous_date_is_reported(
        dash_duo, serve, app, tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"id,date\n" + b"x" * 4_200_000)  # sent whole, it would be over the request limit (413)
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", BUNDLED, timeout=10)
    upload(dash_duo, ids.UPLOAD_EVENTS, big)
    dash_duo.wait_for_contains_text(
        f"#{ids.UPLOAD_RESULT}", "the file is 4.2 MB; the limit is 4.0 MB", timeout=15
    )
    assert BUNDLED in dash_duo.find_element(f"#{ids.COUNT}").text
    # The next file: an ambiguous date is reported and the day order can be chosen.
    upload(dash_duo, ids.UPLOAD_EVENTS, DATA / "ambiguous_dates.csv")
    dash_duo.wait_for_contains_text(
        f"#{ids.UPLOAD_RESULT}", "could be 4 May 2020 or 5 April 2020", timeout=15
    )
    dash_duo.find_element(f"#{ids.UPLOAD_DAY_ORDER} input[value='day first']").click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 3 events", timeout=15)
    assert dash_duo.get_logs() == []
