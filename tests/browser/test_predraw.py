"""The page's first chart is drawn from its HTML before Dash starts, and Dash's graph takes over that very
chart (web/predraw.py, static/predraw.js): one draw, never blank, and it answers the filters."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.web import ids

from .conftest import PLOTLY_DRAWS, cdp, emulate_media, viewport

STATE = f"""
const gd = document.querySelector('#{ids.GRAPH} .js-plotly-plot');
const first = JSON.parse(document.getElementById('frt-first').textContent);
return {{draws: window.__draws, adopted: !!gd && !!window.frt.predraw && gd === window.frt.predraw.chart,
         frame: !!document.getElementById('frt-predraw'), traces: gd ? gd.data.length : null,
         htmlTraces: first.figure.data.length, names: gd ? gd.data.map(t => t.name) : [],
         search: location.search}};
"""


@pytest.fixture
def bundled_app(bundled_csv):
    return create_app(bundled_csv)


def test_the_predrawn_chart_is_the_one_dash_takes_over(dash_duo, serve, bundled_app):
    duo = serve(bundled_app, None)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": PLOTLY_DRAWS})
    duo.driver.get(duo.server_url + "/?category=protest&category=legal&category=decision")
    duo.wait_for_element(f"#{ids.TABLE} tr", timeout=30)  # the render callback has answered
    until(lambda: duo._wait_for_callbacks(), timeout=30)
    state = duo.driver.execute_script(STATE)
    assert state["adopted"] and not state["frame"], state  # the chart in the graph is the pre-drawn one
    assert state["draws"]["calls"] == 1 and state["draws"]["beforeplot"] == 0, state["draws"]  # drawn once
    assert state["draws"]["afterplot"] == 0, state["draws"]  # and not redrawn as dcc.Graph mounts
    assert state["draws"]["shown"] and state["draws"]["blank"] == 0, state["draws"]  # never blank
    assert state["traces"] == state["htmlTraces"] and "decision" in state["names"]

    # Dash drives it now: a filter redraws it through the render callback, and the URL follows.
    duo.find_element(f"#{ids.CATEGORIES} input[value='decision']").click()
    until(lambda: "decision" not in duo.driver.execute_script(STATE)["search"], timeout=20)
    until(lambda: "decision" not in duo.driver.execute_script(STATE)["names"], timeout=20)
    after = duo.driver.execute_script(STATE)
    assert after["draws"]["blank"] == 0 and after["adopted"], after
    assert duo.get_logs() == []


# Before any page script: every layout shift the browser reports (as Lighthouse's CLS adds them up), and where
# the pre-drawn chart is first painted.
SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) {
  window.__shifts.push({value: e.value, at: Math.round(e.startTime), moved: (e.sources || []).map(s =>
    (s.node && (s.node.id || String(s.node.className && s.node.className.baseVal !== undefined
     ? s.node.className.baseVal : s.node.className) || s.node.nodeName)) + ' '
    + Math.round(s.previousRect.y) + '->' + Math.round(s.currentRect.y))});
}})).observe({type: 'layout-shift', buffered: true});
(function first() {
  const svg = document.querySelector('#frt-predraw .main-svg');
  if (svg) {
    window.__firstY = svg.getBoundingClientRect().y + window.scrollY;
    const lede = document.querySelector('#frt-prehead .lede');  // the header in the page's HTML
    window.__firstLede = lede && [lede.textContent, JSON.stringify(lede.getBoundingClientRect())];
    window.__firstLook = window.__look(svg.closest('.js-plotly-plot'));
  } else { requestAnimationFrame(first); }
})();
"""
# How the chart's own parts look (the page's style sheet restyles plotly's range slider and hides its modebar
# on a phone): the same before and after Dash takes the chart over, or the reader sees it change.
LOOK = """
window.__look = function (gd) {
  const mask = gd.querySelector('.rangeslider-mask-min'), box = gd.querySelector('.rangeslider-slidebox');
  const modebar = gd.querySelector('.modebar-container');
  return {mask: mask && getComputedStyle(mask).fill + ' ' + getComputedStyle(mask).fillOpacity,
          box: box && getComputedStyle(box).fill + ' ' + getComputedStyle(box).fillOpacity,
          modebar: modebar && getComputedStyle(modebar).display};
};
"""


@pytest.mark.parametrize("width,height", [(1280, 800), (375, 740)])
def test_the_page_is_built_around_the_predrawn_chart_without_moving_anything(dash_duo, serve, bundled_app,
                                                                              width, height):
    """Nothing on the page moves while Dash builds it around the pre-drawn chart (Lighthouse counted a layout
    shift of 0.13; here 0.53 at 1280 px and 0.93 at 375 px, the whole page moving up as the chart left the
    top of the page), and the chart is first painted where it stays, looking as it will (the range slider's
    colours, no modebar on a phone), under the header it will have (Lighthouse's largest paint was the
    lede, painted by React after every script: 7.9 s on its mobile profile)."""
    duo = serve(bundled_app, None)
    viewport(duo, width, height)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": LOOK + SHIFTS})
    duo.driver.get(duo.server_url + "/")
    duo.wait_for_element(f"#{ids.TABLE} tr", timeout=30)  # the render callback has answered
    until(lambda: duo._wait_for_callbacks(), timeout=30)
    state = duo.driver.execute_script(
        "const r = document.querySelector('#timeline .main-svg').getBoundingClientRect();"
        "return {shifts: window.__shifts, first: window.__firstY, final: r.y + window.scrollY,"
        "        frame: !!document.getElementById('frt-predraw'), firstLook: window.__firstLook,"
        "        head: !!document.getElementById('frt-prehead'), firstLede: window.__firstLede,"
        "        lede: (l => [l.textContent, JSON.stringify(l.getBoundingClientRect())])("
        "              document.querySelector('#react-entry-point .page-header .lede')),"
        "        look: window.__look(document.querySelector('#timeline .js-plotly-plot'))}")
    assert state["first"] is not None and not state["frame"], state  # pre-drawn, then taken over
    assert sum(s["value"] for s in state["shifts"]) == 0, state["shifts"]
    assert abs(state["first"] - state["final"]) < 1, state
    assert state["firstLook"] == state["look"] and state["look"]["mask"], state  # no restyle at the takeover
    # the header was there with the first chart, where Dash's own header is now, and the copy is gone
    assert state["firstLede"] == state["lede"] and not state["head"], state


# Before any page script: the theme in effect when the header in the page's HTML is parsed (the pre-draw and
# Dash's scripts have not run then: the parser is still waiting for plotly.js).
THEME_AT_HEADER = """
new MutationObserver(function (records, observer) {
  if (document.getElementById('frt-prehead')) {
    window.__themeAtHeader = document.documentElement.dataset.theme || null;
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("query,scheme", [("?theme=dark", "light"), ("", "dark")])
def test_a_dark_page_is_dark_from_its_first_paint(dash_duo, serve, bundled_app, query, scheme):
    """The header is painted with the page's first bytes: in the theme the URL names, else the reader's
    system setting, not light and then dark once the scripts have run."""
    duo = serve(bundled_app, None)
    emulate_media(duo, prefers_color_scheme=scheme)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": THEME_AT_HEADER})
    duo.driver.get(duo.server_url + "/" + query)
    until(lambda: duo.driver.execute_script("return window.__themeAtHeader !== undefined"), timeout=20)
    assert duo.driver.execute_script("return window.__themeAtHeader") == "dark"
    duo.wait_for_element(f"#{ids.GRAPH} .js-plotly-plot", timeout=30)
    assert duo.driver.execute_script("return document.documentElement.dataset.theme") == "dark"
