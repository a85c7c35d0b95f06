"""Small screens, touch, print, reduced motion and the reader's language, in real headless Chromium.

The screenshot test writes build/screenshots/{375,768,1280}.png (FRT_SCREENSHOTS overrides the folder);
docs/screenshots/ holds a committed set.
"""

from __future__ import annotations

import pytest
from dash.testing.errors import TestingTimeoutError
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.web import ids

from .conftest import (
    SCREENSHOTS,
    accept_language,
    cdp,
    chart_labels,
    emulate_media,
    full_page_screenshot,
    viewport,
)

OVERFLOW = "return [document.documentElement.scrollWidth, window.innerWidth]"
RANGE = "return window.frt && window.frt.timeline && window.frt.timeline.range()"
# The chart has stopped changing (nothing in it redrawn for 400 ms), as when a reader starts to drag.
# dcc.Graph draws a new figure, then redraws it about 100 ms later to fit the box that the same callback
# resized; a drag started before that redraw is lost in it.
SETTLED = """
if (!window.frtTestDrawn) {
  window.frtTestDrawn = performance.now();
  new MutationObserver(() => { window.frtTestDrawn = performance.now(); })
    .observe(document.getElementById('timeline'), {subtree: true, childList: true, attributes: true});
}
return performance.now() - window.frtTestDrawn > 400;
"""


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def displayed(dash_duo, selector: str) -> bool:
    return dash_duo.driver.execute_script(
        "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0"
        " && getComputedStyle(e).visibility !== 'hidden'", selector)


@pytest.mark.parametrize("width", [375, 1280])
def test_chart_labels_never_cover_lane_names_or_each_other(dash_duo, serve, bundled_csv, width):
    serve(create_app(bundled_csv), None)
    viewport(dash_duo, width)
    dash_duo.driver.get(dash_duo.server_url + "/")
    dash_duo.wait_for_element(f"#{ids.GRAPH} .cartesianlayer .point", timeout=30)
    until(lambda: dash_duo.driver.execute_script(SETTLED), timeout=20)
    labels = chart_labels(dash_duo, f"#{ids.GRAPH} .js-plotly-plot")
    assert labels["lanes"] > 10 and labels["shown"] >= 2, labels  # the band and a key moment at least
    assert labels["outside"] == labels["over_lanes"] == labels["over_labels"] == 0, labels
    if width < 480:  # Plotly's modebar would cover the top of a phone's chart; the toolbar has its actions
        assert not displayed(dash_duo, f"#{ids.GRAPH} .modebar-container")
    else:  # a view whose story label ends at the right edge: it slides clear of Plotly's buttons there
        dash_duo.driver.execute_script("Plotly.relayout(document.querySelector(arguments[0]), {'xaxis.range':"
                                       " ['2019-09-01', '2020-06-21']})", f"#{ids.GRAPH} .js-plotly-plot")
        until(lambda: dash_duo.driver.execute_script(SETTLED), timeout=20)
        labels = chart_labels(dash_duo, f"#{ids.GRAPH} .js-plotly-plot")
        assert labels["modebar"] > 0 and labels["shown"] >= 1, labels
        assert labels["under_modebar"] == labels["outside"] == labels["over_labels"] == 0, labels


@pytest.mark.parametrize("width", [375, 768, 1280])
def test_no_horizontal_scrolling_and_a_screenshot_at_each_width(dash_duo, serve, bundled_csv, width):
    serve(create_app(bundled_csv), None)
    viewport(dash_duo, width)
    dash_duo.driver.get(dash_duo.server_url
                        + "/?start=2020-04-01&end=2021-06-30&event=ibm-exits-general-purpose-frt")
    dash_duo.wait_for_element(f"#{ids.DETAILS_TITLE}", timeout=30)
    dash_duo.wait_for_element(f"#{ids.GRAPH} .cartesianlayer .point", timeout=30)
    scroll_width, inner_width = dash_duo.driver.execute_script(OVERFLOW)
    assert scroll_width <= inner_width, f"the page scrolls sideways at {width} px"
    # The chart fits the screen, the details and table are there.
    chart_right = dash_duo.driver.execute_script(
        "return document.querySelector('#timeline .main-svg').getBoundingClientRect().right")
    assert chart_right <= inner_width
    # Nothing spills over the chart's neighbours: the details start below it or beside it, or (a phone) slide
    # up over the bottom of the screen as a sheet (once the chart has made room for them: a resize).
    def spills() -> list | None:
        svg_bottom, details_top, details_left, chart_right, sheet = dash_duo.driver.execute_script(
            "const s = document.querySelector('#timeline .main-svg').getBoundingClientRect();"
            "const e = document.getElementById('details-panel'); const d = e.getBoundingClientRect();"
            "return [s.bottom, d.top, d.left, s.right,"
            " getComputedStyle(e).position === 'fixed' && d.bottom <= innerHeight + 1 && d.top >= 0];")
        fits = svg_bottom <= details_top or chart_right <= details_left or (width < 600 and sheet)
        return None if fits else [svg_bottom, details_top, details_left, chart_right, sheet]

    try:
        until(lambda: spills() is None, timeout=10)
    except TestingTimeoutError:
        raise AssertionError(f"the details overlap the chart [svg bottom, details top, details left, chart"
                             f" right, sheet]: {spills()}") from None
    assert displayed(dash_duo, f"#{ids.DETAILS_TITLE}") and displayed(dash_duo, ".events-table")
    full_page_screenshot(dash_duo, SCREENSHOTS / f"{width}.png")
    assert (SCREENSHOTS / f"{width}.png").stat().st_size > 10_000
    if width <= 900:
        # Filters are collapsed into a drawer; the button opens it, and still nothing scrolls sideways.
        assert not displayed(dash_duo, f"#{ids.FILTERS_PANEL}")
        toggle = dash_duo.find_element(f"#{ids.FILTERS_TOGGLE}")
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        until(lambda: displayed(dash_duo, f"#{ids.FILTERS_PANEL}"), timeout=10)
        assert toggle.get_attribute("aria-expanded") == "true"
        scroll_width, inner_width = dash_duo.driver.execute_script(OVERFLOW)
        assert scroll_width <= inner_width
    else:
        assert displayed(dash_duo, f"#{ids.FILTERS_PANEL}")
        assert not displayed(dash_duo, f"#{ids.FILTERS_TOGGLE}")
    assert dash_duo.get_logs() == []


def test_touch_drag_pans_and_pinch_zooms_the_chart(dash_duo, serve, app):
    serve(app, None)
    viewport(dash_duo, 375, 800, mobile=True)
    dash_duo.driver.get(dash_duo.server_url + "/?start=2020-05-01&end=2020-07-31")
    dash_duo.wait_for_element(f"#{ids.GRAPH} .cartesianlayer .point", timeout=10)
    until(lambda: dash_duo.driver.execute_script(RANGE), timeout=10)
    until(lambda: dash_duo.driver.execute_script(SETTLED), timeout=10)
    box = dash_duo.driver.execute_script(
        "const r = document.querySelector('#timeline .nsewdrag').getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2, r.width];")
    x, y, w = box
    before = dash_duo.driver.execute_script(RANGE)
    # One finger dragged to the left moves the view later in time.
    cdp(dash_duo, "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 6):
        cdp(dash_duo, "Input.dispatchTouchEvent",
            {"type": "touchMove", "touchPoints": [{"x": x - step * w / 10, "y": y}]})
    cdp(dash_duo, "Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    until(lambda: dash_duo.driver.execute_script(RANGE)[0] > before[0] + 86400000, timeout=10,
          msg=str(dash_duo.driver.execute_script(
              "const e = document.elementFromPoint(arguments[0], arguments[1]);"
              "return [e && e.outerHTML.slice(0, 200),"
              " document.querySelectorAll('#timeline .nsewdrag').length,"
              " window.frt.timeline.range(), arguments[2]]", x, y, before)))
    panned = dash_duo.driver.execute_script(RANGE)
    assert abs((panned[1] - panned[0]) - (before[1] - before[0])) < 86400000, "a drag pans, it does not zoom"
    # Two fingers spreading apart zoom in around them.
    cdp(dash_duo, "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [
        {"x": x - 20, "y": y, "id": 1}, {"x": x + 20, "y": y, "id": 2}]})
    for step in range(1, 6):
        cdp(dash_duo, "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [
            {"x": x - 20 - step * 10, "y": y, "id": 1}, {"x": x + 20 + step * 10, "y": y, "id": 2}]})
    cdp(dash_duo, "Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    until(lambda: (lambda r: r[1] - r[0])(dash_duo.driver.execute_script(RANGE))
          < (panned[1] - panned[0]) * 0.6, timeout=10)
    zoomed = dash_duo.driver.execute_script(RANGE)
    # The fingers were on the chart as soon as it was drawn: what the page loads after that (the graph's
    # config, the share panel) leaves the reader's view alone.
    until(lambda: dash_duo.redux_state_rqs == [], timeout=10)
    # The URL keeps the zoom to within 0.1% of the window (whole days, hours or minutes: timeline.js
    # formatZoom), and the chart may take the URL's value: the same view, less than a pixel away.
    after = dash_duo.driver.execute_script(RANGE)
    width = zoomed[1] - zoomed[0]
    assert all(abs(a - z) <= width * 0.001 for a, z in zip(after, zoomed, strict=True)), (
        "the pan and zoom were undone", after, zoomed)
    scroll_width, inner_width = dash_duo.driver.execute_script(OVERFLOW)
    assert scroll_width <= inner_width
    assert dash_duo.get_logs() == []


def test_print_shows_chart_table_and_url_without_controls(dash_duo, serve, app):
    """Paper gets content only, in dark ink on white even from the dark theme."""
    serve(app, "/?company=IBM&context=0&event=ibm-exit&theme=dark")
    dash_duo.wait_for_text_to_equal(f"#{ids.DETAILS_TITLE}", "IBM exits", timeout=10)
    assert not displayed(dash_duo, ".print-url"), "the URL line is for paper only"
    emulate_media(dash_duo, "print")
    until(lambda: displayed(dash_duo, ".print-url"), timeout=10)
    for control in (f"#{ids.FILTERS_PANEL}", f"#{ids.CHART_TOOLBAR}", ".modebar-container",
                    f"#{ids.THEME_TOGGLE}", ".downloads", f"#{ids.DETAILS_CLOSE}", ".skip-link",
                    ".keys-help", ".time-toggle", "#details-anchor", ".cite-box"):
        assert not displayed(dash_duo, control), f"{control} is printed"
    for content in (f"#{ids.GRAPH} .main-svg", ".events-table", f"#{ids.DETAILS_TITLE}",
                    f"#{ids.CHART_SUMMARY}", ".source-link"):
        assert displayed(dash_duo, content), f"{content} is not printed"
    url_line = dash_duo.find_element(".print-url").text
    assert url_line == "This view: " + dash_duo.driver.current_url
    assert url_line.endswith("/?company=IBM&context=0&event=ibm-exit&theme=dark")
    assert dash_duo.driver.execute_script(
        "return document.querySelectorAll('.events-table tbody tr').length") == 2
    # a source link's text is its address: not printed twice as "URL (URL)"
    assert dash_duo.driver.execute_script(
        "return getComputedStyle(document.querySelector('.source-link'), '::after').content") == "none"
    paper, ink, outline = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('#{ids.GRAPH} .js-plotly-plot');"
        "return [getComputedStyle(gd.querySelector('.main-svg')).backgroundColor,"
        "  getComputedStyle(gd.querySelector('.ytick text')).fill,"
        "  getComputedStyle(gd.querySelector('.scatterlayer .point')).stroke]")
    assert (paper, ink, outline) == ("rgb(255, 255, 255)", "rgb(26, 26, 26)", "rgb(26, 26, 26)")
    assert dash_duo.get_logs() == []


def test_reduced_motion_turns_off_transitions_and_animations(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    duration = "return getComputedStyle(document.querySelector('.small-button')).transitionDuration"
    assert dash_duo.driver.execute_script(duration) != "0s", "buttons fade by default"
    emulate_media(dash_duo, prefers_reduced_motion="reduce")
    until(lambda: dash_duo.driver.execute_script(duration) == "0s", timeout=10)
    # Zooming and filtering start no animation at all (Plotly transitions included).
    dash_duo.find_element(f"#{ids.CHART_TOOLBAR} [data-zoom=in]").click()
    dash_duo.find_element(f"#{ids.COMPANIES_NONE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    assert dash_duo.driver.execute_script(
        "return document.getAnimations().filter(a => a.playState === 'running').length") == 0
    assert dash_duo.driver.execute_script(
        "const gd = document.querySelector('#timeline .js-plotly-plot');"
        "return !(gd.layout.transition && gd.layout.transition.duration)")
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("language", ["en-US", "de-DE"])
def test_event_dates_are_written_one_way_whatever_the_browser_language(dash_duo, serve, app, language):
    """A US browser re-worded the details and table ("June 10, 2020") but not the hover ("10 June 2020")."""
    serve(app, None)
    accept_language(dash_duo, language)
    dash_duo.driver.get(dash_duo.server_url + "/?event=amazon-pause")
    dash_duo.wait_for_text_to_equal(f"#{ids.DETAILS_TITLE}", "Amazon pauses", timeout=10)
    hover_script = (
        "const gd = document.querySelector('#timeline .js-plotly-plot');"
        "for (const t of (gd && gd.data) || []) { const i = (t.customdata || []).indexOf('amazon-pause');"
        "  if (i >= 0) return t.hovertext[i]; }")
    until(lambda: dash_duo.driver.execute_script(hover_script), timeout=15)
    span = "10 June 2020 – 10 June 2021"
    assert f"<br>{span}<br>" in dash_duo.driver.execute_script(hover_script)
    assert dash_duo.find_element(".details-when").text == span
    cells_script = (
        "return Object.fromEntries([...document.querySelectorAll('.events-table tbody tr')]"
        ".map(r => [r.dataset.event, r.cells[0].textContent]))")
    until(lambda: "amazon-pause" in dash_duo.driver.execute_script(cells_script), timeout=15)
    cells = dash_duo.driver.execute_script(cells_script)
    assert (cells["amazon-pause"], cells["study-month"], cells["city-ban"]) == (span, "February 2018", "2019")
    assert dash_duo.find_element(f"#{ids.COUNT}").text == "7 of 7 events, February 2018 to June 2021"
    assert dash_duo.get_logs() == []
