"""The context series (`--context`) in real Chromium: zooming either chart zooms the other."""

from __future__ import annotations

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

from dashboard.app import create_app
from dashboard.web import ids

from ..conftest import DATA

GD = f"document.getElementById('{ids.GRAPH}').querySelector('.js-plotly-plot')"


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv, DATA / "context_daily.csv")


def ranges(dash_duo) -> tuple[list[str], list[str]]:
    return dash_duo.driver.execute_script(
        f"const l = {GD}._fullLayout; return [l.xaxis.range.map(String), l.xaxis2.range.map(String)];"
    )


def day(value: str) -> str:
    return value[:10]


def test_zooming_one_chart_zooms_the_other(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(lambda: dash_duo.driver.execute_script(f"return !!({GD} && {GD}._fullLayout.xaxis2)"), timeout=10)
    lanes, area = ranges(dash_duo)
    assert [day(v) for v in lanes] == [day(v) for v in area]

    # A relayout of the timeline (as the zoom buttons and the URL's dates do) moves the area chart.
    dash_duo.driver.execute_script(f"Plotly.relayout({GD}, {{'xaxis.range': ['2020-05-20', '2020-06-05']}})")
    until(lambda: [day(v) for v in ranges(dash_duo)[1]] == ["2020-05-20", "2020-06-05"], timeout=10)

    # Dragging (panning) the area chart moves the lanes with it.
    before = ranges(dash_duo)[0]
    drag = dash_duo.find_element(f"#{ids.GRAPH} .nsewdrag[data-subplot='x2y2']")
    ActionChains(dash_duo.driver).move_to_element(drag).click_and_hold().move_by_offset(
        -150, 0
    ).release().perform()
    until(lambda: ranges(dash_duo)[0] != before, timeout=10)
    lanes, area = ranges(dash_duo)
    assert lanes == area and lanes[0] > before[0]

    # And dragging the lanes moves the area chart.
    before = ranges(dash_duo)[1]
    drag = dash_duo.find_element(f"#{ids.GRAPH} .nsewdrag[data-subplot='xy']")
    ActionChains(dash_duo.driver).move_to_element(drag).click_and_hold().move_by_offset(
        200, 0
    ).release().perform()
    until(lambda: ranges(dash_duo)[1] != before, timeout=10)
    lanes, area = ranges(dash_duo)
    assert lanes == area and area[0] < before[0]
    assert dash_duo.get_logs() == []


def test_hovering_the_area_shows_the_days_value(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    until(lambda: dash_duo.driver.execute_script(f"return !!({GD} && {GD}._fullLayout.xaxis2)"), timeout=10)
    dash_duo.driver.execute_script(f"Plotly.relayout({GD}, {{'xaxis.range': ['2020-05-24', '2020-06-02']}})")
    index = dash_duo.driver.execute_script(f"return {GD}.data.findIndex(t => t.fill === 'tozeroy')")
    dash_duo.driver.execute_script(
        f"Plotly.Fx.hover({GD}, [{{curveNumber: {index}, pointNumber: 5}}], 'x2y2')"
    )
    dash_duo.wait_for_contains_text(f"#{ids.GRAPH} .hoverlayer", "30 May 2020", timeout=10)
    assert "55 protests" in dash_duo.find_element(f"#{ids.GRAPH} .hoverlayer").text
    assert dash_duo.get_logs() == []
