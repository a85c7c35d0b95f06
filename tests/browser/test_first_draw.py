"""A chart's first drawing (static/draw.js, `frt.firstDraw`), on the page (its pre-drawn chart) and in
`/embed`: the frame and the data are drawn in two tasks, so the browser can answer the reader in between
instead of holding its main thread for the whole drawing, and the frame alone is never seen."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from dashboard.app import create_app

from .conftest import cdp, on_plotly_calls

# Before any page script: each plotly call of the first drawing (how many traces it draws, and whether the
# chart is visible as it starts), and a task of the highest priority a page can queue (the priority of the
# reader's input), queued as the frame is drawn: it runs between the two steps when they are two tasks, and
# only after both when they are one.
STEPS = "window.__steps = [];" + on_plotly_calls(before="""
          var traces = Array.isArray(data) ? data.length : null;
          window.__steps.push([name, traces, getComputedStyle(gd).visibility]);
          if (name === 'newPlot' && traces === 0) {
            scheduler.postTask(function () { window.__steps.push(['input']); }, {priority: 'user-blocking'});
          }""")


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_the_first_drawing_lets_the_reader_in_between_and_shows_only_the_whole_chart(dash_duo, serve,
                                                                                      bundled_csv, path):
    duo = serve(create_app(bundled_csv), None)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": STEPS})
    duo.driver.get(duo.server_url + path)
    until(lambda: duo.driver.execute_script(
        "return !!document.querySelector('.js-plotly-plot .scatterlayer .point')"), timeout=30)
    until(lambda: len(duo.driver.execute_script("return window.__steps")) >= 3, timeout=10)
    steps = duo.driver.execute_script("return window.__steps")
    frame, between, data = steps[:3]
    assert frame[:2] == ["newPlot", 0] and data[0] == "react" and data[1] > 0, steps
    assert between == ["input"], steps  # the main thread was free between the frame and the data
    assert frame[2] == data[2] == "hidden", steps  # nothing painted until the chart is whole
    shown = duo.driver.execute_script(
        "const gd = document.querySelector('.js-plotly-plot');"
        "return [getComputedStyle(gd).visibility, gd.querySelectorAll('.scatterlayer .point').length]")
    assert shown[0] == "visible" and shown[1] > 0, shown
    assert duo.get_logs() == []


# Before any page script: plotly.js fails to draw the data (the frame is drawn).
FAILING = on_plotly_calls(before="""
          if (name === 'react' && Array.isArray(data) && data.length && !window.__failed) {
            window.__failed = true;
            return Promise.reject(new Error('no drawing'));
          }""")


def test_a_first_drawing_that_fails_shows_what_it_drew(dash_duo, serve, bundled_csv):
    """Not an empty space held for a chart that will never come: the frame (axes, lanes) is shown."""
    duo = serve(create_app(bundled_csv), None)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": FAILING})
    duo.driver.get(duo.server_url + "/embed")
    until(lambda: duo.driver.execute_script("return window.__failed === true"), timeout=30)
    shown = "const gd = document.querySelector('.js-plotly-plot');" \
            "return gd && getComputedStyle(gd).visibility === 'visible' && !!gd.querySelector('.ytick')"
    until(lambda: duo.driver.execute_script(shown), timeout=10)


# Every marker of the chart against the colour its trace asks for, as the browser itself reads that colour.
MARKER_COLOURS = """
const gd = document.querySelector('.js-plotly-plot');
const probe = document.createElement('span');
document.body.appendChild(probe);
const read = c => { probe.style.color = ''; probe.style.color = c;
                    const m = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
                    return [`rgb(${m[0]}, ${m[1]}, ${m[2]})`, m.length > 3 ? m[3] : 1]; };
let checked = 0;
const wrong = [];
gd.querySelectorAll('.scatterlayer .trace').forEach(group => {
  const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
  if (!trace || !trace.marker || typeof trace.marker.color !== 'string') return;
  const [fill, alpha] = read(trace.marker.color);
  group.querySelectorAll('.point').forEach(p => {
    checked++;
    if (p.style.fill !== fill || Math.abs(Number(p.style.fillOpacity || 1) - alpha) > 1e-6) {
      wrong.push([trace.name, trace.marker.color, p.style.fill, p.style.fillOpacity]);
    }
  });
});
probe.remove();
return {checked: checked, wrong: wrong.slice(0, 5)};
"""


@pytest.mark.parametrize("query", ["", "?theme=dark"])
def test_every_marker_is_drawn_in_its_traces_colour(dash_duo, serve, bundled_csv, query):
    """plotly.js's colour module is changed as it is bundled (scripts/plotly_bundle.sh remembers each colour
    string's parsed form): every marker still has its trace's colour and opacity, in either theme."""
    duo = serve(create_app(bundled_csv), None)
    duo.driver.get(duo.server_url + "/embed" + query)
    ready = "return !!document.querySelector('.frt-ready .point')"
    until(lambda: duo.driver.execute_script(ready), timeout=30)
    result = duo.driver.execute_script(MARKER_COLOURS)
    assert result["checked"] > 100 and result["wrong"] == [], result
