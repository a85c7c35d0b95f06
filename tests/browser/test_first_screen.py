"""The first screen tells the story (issue 14): geometry of the page at 1280 x 800, 768 and 375 px, in real
headless Chromium, on the bundled data."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.data import schema
from dashboard.web import ids

from .conftest import cdp, viewport

# Where things are on screen: the plot area, the date axis, the lane names, the tour card, the details.
GEOMETRY = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const box = s => {
  const e = document.querySelector(s); if (!e || !e.getClientRects().length) return null;
  const r = e.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
  width: r.width, height: r.height}; };
const lanes = [...gd.querySelectorAll('.yaxislayer-above .ytick text')]
  .map(t => t.getBoundingClientRect().bottom);
const range = gd._fullLayout.xaxis.range;
return {plot: box('#timeline .nsewdrag'), axis: box('#timeline .xaxislayer-above'),
        legend: box('#timeline .legend'), downloads: box('.downloads'), days: box('.time-toggle'),
        lanes_bottom: Math.max(...lanes), lanes: lanes.length, range: range, reset: box('#filter-reset'),
        details: box('#details-panel'), filters: box('.filters-toggle'), heading: box('.page-header h1'),
        tour: box('#tour-bar'), title: box('#details-title'), height: innerHeight, width: innerWidth,
        hover: [...document.querySelectorAll('#timeline .hoverlayer .hovertext')].length};
"""
# Each checklist option: its label text starts level with its box, not on a line under it.
WRAPS = """
return [...document.querySelectorAll('#filters-panel .dash-options-list-option')].filter(o => {
  const box = o.querySelector('input').getBoundingClientRect();
  const text = o.querySelector('.dash-options-list-option-text').getBoundingClientRect();
  return text.top >= box.bottom || text.left < box.right;
}).map(o => o.textContent);
"""
# The event markers drawn: how many have their centre outside the plot area or cover a lane name, and of those
# within half a marker of the plot's left or right edge, how many are cut by the plot's clip path.
MARKERS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
const lanes = [...gd.querySelectorAll('.yaxislayer-above .ytick text')].map(t => t.getBoundingClientRect());
const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const points = [...gd.querySelectorAll('.cartesianlayer .scatterlayer .trace')].filter(g => {
  const t = g.__data__ && g.__data__[0] && g.__data__[0].trace;
  return t && t.mode === 'markers' && t.legendgroup && t.customdata;
}).flatMap(g => [...g.querySelectorAll('.point')]).filter(p => getComputedStyle(p).display !== 'none');
const mid = p => { const r = p.getBoundingClientRect(); return (r.left + r.right) / 2; };
const edge = points.filter(p => Math.abs(mid(p) - area.left) <= 6 || Math.abs(mid(p) - area.right) <= 6);
return {points: points.length,
        outside: points.filter(p => mid(p) < area.left - 0.5 || mid(p) > area.right + 0.5).length,
        over_lanes: points.filter(p => lanes.some(t => hit(p.getBoundingClientRect(), t))).length,
        edge: edge.length, edge_clipped: edge.filter(p => p.closest('[clip-path]') !== null).length};
"""
SWATCHES = """
return [...document.querySelectorAll('#filters-panel .swatch')].map(s => getComputedStyle(s).backgroundColor);
"""


def geometry(dash_duo) -> dict:
    return dash_duo.driver.execute_script(GEOMETRY)


def open_page(dash_duo, query: str = "") -> None:
    dash_duo.driver.get(dash_duo.server_url + "/" + query)
    dash_duo.wait_for_element(f"#{ids.GRAPH} .cartesianlayer .point", timeout=30)
    until(lambda: dash_duo._wait_for_callbacks(), timeout=30)


@pytest.fixture
def bundled_app(bundled_csv):
    return create_app(bundled_csv)


def test_at_1280x800_the_chart_is_the_page_and_opens_on_june_2020(dash_duo, serve, bundled_app):
    serve(bundled_app, None)
    viewport(dash_duo, 1280, 800)
    open_page(dash_duo)
    g = geometry(dash_duo)
    assert g["plot"]["width"] >= 760, g
    assert g["lanes"] >= 18 and g["lanes_bottom"] <= 800, g  # every lane without scrolling
    assert g["axis"]["bottom"] <= 800, g  # and the date axis
    assert g["legend"] is not None and g["legend"]["bottom"] <= 800, g  # and the legend of the symbols
    # The opening window tells the story: 8-11 June 2020 inside, at most two years wide (that week legible).
    assert g["range"][0] <= "2020-06-08" and g["range"][1] >= "2020-06-12", g
    assert g["range"][1][:4] <= "2021" and g["range"][0][:4] >= "2019", g
    assert g["details"] is None, g  # no width for details until an event is selected
    assert g["reset"] is not None and g["reset"]["bottom"] <= 800, g
    assert dash_duo.driver.execute_script(WRAPS) == []
    colours = dash_duo.driver.execute_script(SWATCHES)
    assert len(colours) == len(schema.CATEGORIES) and "rgba(0, 0, 0, 0)" not in colours, colours
    # An event on the window's first day (Google's, 2019) is drawn whole; none is drawn outside the plot.
    markers = dash_duo.driver.execute_script(MARKERS)
    assert markers["points"] > 30 and markers["edge"] >= 1, markers
    assert markers["edge_clipped"] == markers["outside"] == markers["over_lanes"] == 0, markers
    # The story's label names the week, and "All" is one click away.
    assert "step back" in dash_duo.find_element(f"#{ids.GRAPH} .annotation").text
    dash_duo.find_element('#chart-toolbar button[data-zoom="all"]').click()
    until(lambda: geometry(dash_duo)["range"][0][:4] <= "2009", timeout=10)
    assert dash_duo.get_logs() == []


def test_a_selection_opens_the_details_beside_the_chart(dash_duo, serve, bundled_app):
    serve(bundled_app, None)
    viewport(dash_duo, 1280, 800)
    open_page(dash_duo, "?event=ibm-exits-general-purpose-frt")
    dash_duo.wait_for_element(f"#{ids.DETAILS_TITLE}", timeout=30)
    # the chart makes room for the details once they open (a resize of the chart, not a new page)
    until(lambda: (lambda g: g["details"] is not None and g["details"]["left"] >= g["plot"]["right"])(
        geometry(dash_duo)), timeout=10)
    g = geometry(dash_duo)
    assert g["details"]["left"] >= g["plot"]["right"] and g["details"]["top"] < 800, g
    assert g["axis"]["bottom"] <= 800, g
    # Scrolled down, the sticky panel lies over the table: nothing of the table paints over it (the
    # category swatches did, each a stacking context of its own).
    dash_duo.wait_for_element(f"#{ids.TABLE} tbody tr .swatch", timeout=20)
    covered = dash_duo.driver.execute_script("""
        document.getElementById(arguments[0]).scrollIntoView();
        const panel = document.getElementById(arguments[1]).getBoundingClientRect();
        return [...document.querySelectorAll('#' + arguments[0] + ' .swatch')].map(s => {
            const r = s.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            const over = x > panel.left && x < panel.right && y > panel.top && y < panel.bottom;
            return over && !document.getElementById(arguments[1]).contains(document.elementFromPoint(x, y));
        }).filter(Boolean).length""", ids.TABLE, ids.DETAILS_PANEL)
    assert covered == 0


@pytest.mark.parametrize("width", [768, 375])
def test_the_chart_and_its_axis_are_on_the_first_screens_of_a_tablet_and_a_phone(dash_duo, serve, bundled_app,
                                                                                  width):
    serve(bundled_app, None)
    viewport(dash_duo, width, 1024 if width == 768 else 740)
    open_page(dash_duo)
    g = geometry(dash_duo)
    assert g["plot"]["right"] <= width and g["plot"]["top"] < g["height"] * 0.6, g
    if width == 768:  # a tablet: the chart takes the width, every lane and the date axis on the first screen
        assert g["plot"]["width"] >= 0.7 * width, g
        assert g["lanes"] >= 18 and g["lanes_bottom"] <= g["height"], g
        assert g["axis"]["bottom"] <= g["height"], g
        # The tour keeps the chart in view: its card comes under the chart, never above it.
        dash_duo.find_element(f"#{ids.TOUR_START}").click()
        dash_duo.wait_for_contains_text(f"#{ids.TOUR_COUNTER}", "step 1 of", timeout=20)
        until(lambda: geometry(dash_duo)["tour"] is not None, timeout=10)
        until(lambda: dash_duo._wait_for_callbacks(), timeout=30)
        g = geometry(dash_duo)
        assert g["plot"]["top"] >= 0 and g["axis"]["bottom"] <= g["height"], g
        assert g["tour"]["top"] >= g["axis"]["bottom"] and g["tour"]["top"] < g["height"], g
    else:  # a phone: the chart right under the count and the zoom buttons, every company lane in view
        assert g["downloads"]["top"] > g["plot"]["bottom"] and g["days"]["top"] > g["plot"]["bottom"], g
        # ...and the date axis, under the title and the Filters button (the zoom buttons take one row)
        assert g["axis"]["bottom"] <= g["height"], g
        assert 0 <= g["heading"]["top"] and g["heading"]["bottom"] <= g["filters"]["top"], g
        assert g["filters"]["bottom"] <= g["plot"]["top"], g
        companies = dash_duo.driver.execute_script(
            "return [...document.querySelectorAll('#timeline .yaxislayer-above .ytick text')]"
            ".filter(t => t.textContent === 'Rite Aid').map(t => t.getBoundingClientRect().bottom)")
        assert companies and companies[0] <= g["height"], (companies, g)


def test_a_tap_on_a_phone_brings_the_details_into_view_and_dismisses_the_hover(dash_duo, serve, bundled_app):
    serve(bundled_app, None)
    viewport(dash_duo, 375, 740, mobile=True)
    open_page(dash_duo, "?company=IBM&context=0")
    point = dash_duo.driver.execute_script(
        "const p = document.querySelector('#timeline .scatterlayer .trace .point').getBoundingClientRect();"
        "return [p.left + p.width / 2, p.top + p.height / 2]")
    dash_duo.driver.execute_script("window.scrollBy(0, arguments[0])", point[1] - 300)
    point = dash_duo.driver.execute_script(
        "const p = document.querySelector('#timeline .scatterlayer .trace .point').getBoundingClientRect();"
        "return [p.left + p.width / 2, p.top + p.height / 2]")
    for kind in ("touchStart", "touchEnd"):
        cdp(dash_duo, "Input.dispatchTouchEvent",
            {"type": kind, "touchPoints": [{"x": point[0], "y": point[1]}] if kind == "touchStart" else []})
    dash_duo.wait_for_element(f"#{ids.DETAILS_TITLE}", timeout=20)
    until(lambda: (geometry(dash_duo)["title"] or {}).get("top", -1) >= 0, timeout=10)
    g = geometry(dash_duo)
    assert 0 <= g["title"]["top"] and g["title"]["bottom"] <= g["height"], g
    until(lambda: geometry(dash_duo)["hover"] == 0, timeout=10)


def test_the_tour_card_sits_beside_the_chart_and_the_axis_stays_in_view(dash_duo, serve, bundled_app):
    serve(bundled_app, None)
    viewport(dash_duo, 1280, 800)
    open_page(dash_duo, "?step=6")
    until(lambda: geometry(dash_duo)["tour"] is not None, timeout=20)
    g = geometry(dash_duo)
    assert g["tour"]["right"] <= g["plot"]["left"], g  # beside the chart, never above it
    assert g["plot"]["top"] >= 0 and g["axis"]["bottom"] <= 800, g  # the step speaks of the axis: it is there
