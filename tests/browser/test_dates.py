"""The From and To date fields in real headless Chromium: a typed date applies on Tab and on Enter, a picked
date at once, and the years typed on the way (0002, 0020, 0202) never reach the URL or the console."""

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
    return parse_qs(urlsplit(dash_duo.driver.current_url).query)


def history_length(dash_duo) -> int:
    return dash_duo.driver.execute_script("return history.length")


def open_page(dash_duo, serve, app) -> int:
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(dash_duo._wait_for_callbacks, timeout=30)
    return history_length(dash_duo)


def type_date(dash_duo, field_id: str, keys: str) -> None:
    """Digits as a reader types them into the field (Chromium's en-US order: month, day, year)."""
    field = dash_duo.find_element(f"#{field_id}")
    for key in keys:
        field.send_keys(key)


def test_a_typed_from_date_applies_on_tab(dash_duo, serve, app):
    before = open_page(dash_duo, serve, app)
    type_date(dash_duo, ids.START, "06092020")
    dash_duo.find_element(f"#{ids.START}").send_keys(Keys.TAB)
    until(lambda: query(dash_duo).get("start") == ["2020-06-09"], timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    until(dash_duo._wait_for_callbacks, timeout=30)
    assert history_length(dash_duo) == before + 1  # one entry: not one per year typed on the way
    assert dash_duo.get_logs() == []


def test_a_typed_to_date_applies_on_enter_without_leaving_the_page(dash_duo, serve, app):
    before = open_page(dash_duo, serve, app)
    dash_duo.driver.execute_script("window.__samePage = true")
    type_date(dash_duo, ids.END, "05312020")
    dash_duo.find_element(f"#{ids.END}").send_keys(Keys.ENTER)
    until(lambda: query(dash_duo).get("end") == ["2020-05-31"], timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "4 of 7 events", timeout=10)
    until(dash_duo._wait_for_callbacks, timeout=30)
    assert dash_duo.driver.execute_script("return window.__samePage") is True  # no form submission
    assert history_length(dash_duo) == before + 1
    assert dash_duo.get_logs() == []


def test_a_date_picked_in_the_browsers_picker_applies_at_once(dash_duo, serve, app):
    open_page(dash_duo, serve, app)
    # What the page sees of a pick in Chromium's calendar (headless Chromium cannot open it): the value
    # changes inside the browser (the element's own setter, not the page's), then input and change events,
    # with no key pressed and focus still in the field.
    dash_duo.driver.execute_script(
        "const f = document.getElementById(arguments[0]); f.focus();"
        "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(f, '2020-06-09');"
        "f.dispatchEvent(new Event('input', {bubbles: true}));"
        "f.dispatchEvent(new Event('change', {bubbles: true}));", ids.START)
    until(lambda: query(dash_duo).get("start") == ["2020-06-09"], timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    assert dash_duo.get_logs() == []
