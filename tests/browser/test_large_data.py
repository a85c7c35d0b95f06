"""10,000 events in real headless Chromium: the chart opens as density lanes and zooming in shows single
events, with the partial plotly.js bundle and a clean console."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.web import ids


@pytest.fixture
def app(large_csv):
    return create_app(large_csv)


def trace_names(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        f"const g = document.querySelector('#{ids.GRAPH} .js-plotly-plot');"
        "return g && g._fullData ? g._fullData.map(t => t.name) : [];"
    )


def marker_count(dash_duo) -> int:
    points = f"#{ids.GRAPH} .cartesianlayer .scatterlayer .trace:not(.traceoverview) .point"
    return len(dash_duo.find_elements(points))


def zoom_to(dash_duo, lo: str, hi: str, then: str = "") -> None:
    dash_duo.driver.execute_script(
        f"const gd = document.querySelector('#{ids.GRAPH} .js-plotly-plot');"
        f"Plotly.relayout(gd, {{'xaxis.range': ['{lo}', '{hi}']}});" + then
    )


def single_events_shown(dash_duo) -> bool:
    names = trace_names(dash_duo)
    return "decision" in names and not any(str(n).startswith("events per") for n in names)


def test_large_data_opens_as_density_and_zooming_in_shows_single_events(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "10000 of 10000 events", timeout=20)
    until(lambda: any(str(n).startswith("events per") for n in trace_names(dash_duo)), timeout=20)
    assert marker_count(dash_duo) < 3_000  # cells and key moments, not 10,000 markers
    until(dash_duo._wait_for_callbacks, timeout=20)  # the page has settled, as when a reader starts zooming
    zoom_to(dash_duo, "2019-03-04", "2019-03-11")
    until(lambda: single_events_shown(dash_duo), timeout=20)
    # the zoom the reader chose is kept while the finer figure replaces the coarse one
    xrange = dash_duo.driver.execute_script(
        f"return document.querySelector('#{ids.GRAPH} .js-plotly-plot').layout.xaxis.range"
    )
    assert [x[:10] for x in xrange] == ["2019-03-04", "2019-03-11"]
    # the table shows a page of rows; "Show more" adds the next page
    until(lambda: len(dash_duo.find_elements(".events-table tbody tr")) == 50, timeout=20)
    more = dash_duo.find_element(f"#{ids.TABLE_MORE}")
    assert more.text == "Show 50 more events"
    more.click()
    until(lambda: len(dash_duo.find_elements(".events-table tbody tr")) == 100, timeout=20)
    # new filters: the table starts again at one page of the new view's rows
    next(o for o in dash_duo.find_elements(f"#{ids.CATEGORIES} label") if o.text.strip() == "Protest").click()
    until(lambda: "10000 events" in dash_duo.find_element(f"#{ids.COUNT}").text
          and not dash_duo.find_element(f"#{ids.COUNT}").text.startswith("10000"), timeout=20)
    until(lambda: len(dash_duo.find_elements(".events-table tbody tr")) == 50, timeout=20)
    loaded = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any("vendor/plotly-timeline" in u for u in loaded)  # the partial bundle, never the full one
    assert not any("plotly.min.js" in u for u in loaded)
    assert dash_duo.get_logs() == []


def test_a_relayout_that_leaves_x_alone_does_not_lose_a_zoom_on_its_way(dash_duo, serve, app):
    """A vertical pan (or a window resize) right after zooming in: the single events still arrive."""
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "10000 of 10000 events", timeout=20)
    until(lambda: any(str(n).startswith("events per") for n in trace_names(dash_duo)), timeout=20)
    until(dash_duo._wait_for_callbacks, timeout=20)
    vertical_pan = "setTimeout(() => Plotly.relayout(gd, {'yaxis.range': [0, 3]}), 30);"
    zoom_to(dash_duo, "2019-03-04", "2019-03-11", then=vertical_pan)
    until(lambda: single_events_shown(dash_duo), timeout=20)
    assert dash_duo.get_logs() == []
