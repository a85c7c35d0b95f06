"""Deep time in real headless Chromium: an uploaded TimelineJS file from 3000 BCE to AD 1500 is drawn on an
axis whose ticks read '... BCE', and zooming writes BCE years into the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.web import ids
from tests.browser.test_upload import upload

from ..conftest import DATA


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def x_ticks(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.GRAPH} .xtick text')].map(t => t.textContent)")


def test_an_uploaded_bce_timeline_is_drawn_with_bce_years_and_zooms_in_bce(dash_duo, serve, app):
    serve(app)
    upload(dash_duo, ids.UPLOAD_EVENTS, DATA / "deep_time_timelinejs.json")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "8 of 8 events", timeout=15)
    until(lambda: any(t.endswith(" BCE") for t in x_ticks(dash_duo)), timeout=10)
    ticks = x_ticks(dash_duo)
    assert "3000 BCE" in ticks or "2000 BCE" in ticks, ticks
    assert not any(t.startswith("-") for t in ticks), ticks  # no Plotly '-0500' left
    assert "3000 BCE" in dash_duo.find_element(".events-table").text  # the table says the date as written

    # Zoom in (the toolbar's keyboard helpers): the URL's zoom is written in BCE years.
    dash_duo.driver.execute_script(
        "const d = new Date(0); d.setUTCFullYear(-500, 6, 1); frt.timeline.zoom(0.02, d.getTime());")

    def zoom() -> str:
        return parse_qs(urlparse(dash_duo.driver.current_url).query).get("zoom", [""])[0]

    until(lambda: zoom().startswith("-0"), timeout=10)
    lo, hi = zoom().split("..")
    assert lo.startswith("-05") and hi.startswith("-04"), zoom()
    until(lambda: any(t.endswith(" BCE") for t in x_ticks(dash_duo)), timeout=10)
    # Closer than a year: months, never Plotly's 'Jan -0500'.
    dash_duo.driver.execute_script(
        "const d = new Date(0); d.setUTCFullYear(-500, 6, 1); frt.timeline.zoom(0.005, d.getTime());")
    until(lambda: zoom().startswith("-0500-"), timeout=10)
    until(lambda: "Jul" in x_ticks(dash_duo), timeout=10)
    assert not any("-0" in t for t in x_ticks(dash_duo)), x_ticks(dash_duo)
    assert dash_duo.get_logs() == []
