"""The URL is the whole view, zoom included (issue 13), in real headless Chromium: what only a browser shows.
The callbacks behind it are tested at request level in tests/test_callbacks.py and tests/test_chart.py."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.web import ids


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def query(dash_duo) -> dict[str, list[str]]:
    return parse_qs(urlsplit(dash_duo.driver.current_url).query, keep_blank_values=True)


def x_range(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        f"return document.querySelector('#{ids.GRAPH} .js-plotly-plot')._fullLayout.xaxis.range")


def test_a_zoom_button_writes_the_zoom_into_the_url_back_restores_it_and_the_link_reopens_it(
        dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(lambda: x_range(dash_duo) is not None, timeout=10)
    before = x_range(dash_duo)
    marker = dash_duo.driver.execute_script("window.__frtMarker = 1; return window.__frtMarker")
    # Back after a zoom button restores the previous window.
    dash_duo.find_element(f"#{ids.CHART_TOOLBAR} [data-range^='2020-01-01']").click()  # "2020"
    until(lambda: query(dash_duo).get("zoom") == ["2020-01-01..2020-12-31"], timeout=10)
    until(lambda: [v[:10] for v in x_range(dash_duo)] == ["2020-01-01", "2021-01-01"], timeout=10)
    dash_duo.driver.back()
    until(lambda: "zoom" not in query(dash_duo), timeout=10)
    until(lambda: [v[:10] for v in x_range(dash_duo)] == [v[:10] for v in before], timeout=10)
    # A zoom button writes its window into the URL, without a reload.
    dash_duo.find_element(f"#{ids.CHART_TOOLBAR} [data-range^='2020-05-01']").click()  # "Protest weeks"
    until(lambda: query(dash_duo).get("zoom") == ["2020-05-01..2020-07-31"], timeout=10)
    assert dash_duo.driver.execute_script("return window.__frtMarker") == marker  # no reload
    # The share panel's link carries it.
    dash_duo.find_element(f"#{ids.SHARE} summary").click()
    until(lambda: "zoom=2020-05-01..2020-07-31" in (
        dash_duo.find_element(f"#{ids.SHARE_LINK}").get_attribute("value") or ""), timeout=10)
    # A new window on that address opens on the same window of time.
    dash_duo.driver.get(dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(lambda: [v[:10] for v in x_range(dash_duo)] == ["2020-05-01", "2020-08-01"], timeout=10)
    assert dash_duo.get_logs() == []


def test_selecting_an_event_keeps_the_zoom_on_screen(dash_duo, serve, app):
    dash_duo = serve(app, "/?zoom=2020-05-01..2020-07-31")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(lambda: [v[:10] for v in x_range(dash_duo)] == ["2020-05-01", "2020-08-01"], timeout=10)
    row = ".events-table tr[data-event='ibm-exit'] .row-button"
    until(lambda: dash_duo.find_elements(row), timeout=10)
    dash_duo.find_element(row).click()
    until(lambda: query(dash_duo).get("event") == ["ibm-exit"], timeout=10)
    assert query(dash_duo).get("zoom") == ["2020-05-01..2020-07-31"]
    dash_duo.wait_for_text_to_equal(f"#{ids.DETAILS_TITLE}", "IBM exits", timeout=10)
    assert [v[:10] for v in x_range(dash_duo)] == ["2020-05-01", "2020-08-01"]
    assert dash_duo.get_logs() == []


def test_enter_in_search_applies_it_without_reloading_the_page(dash_duo, serve, app):
    dash_duo = serve(app, "/?company=IBM&theme=dark")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "of 7 events", timeout=10)
    dash_duo.driver.execute_script("window.__frtMarker = 1")
    search = dash_duo.find_element(f"#{ids.SEARCH}")
    search.send_keys("exits" + Keys.ENTER)
    until(lambda: query(dash_duo).get("q") == ["exits"], timeout=10)
    assert query(dash_duo).get("company") == ["IBM"] and query(dash_duo).get("theme") == ["dark"]
    assert dash_duo.driver.execute_script("return window.__frtMarker") == 1  # the same page: no reload
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "1 of 7 events", timeout=10)
    assert dash_duo.get_logs() == []
