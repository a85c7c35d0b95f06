"""Accessibility in real headless Chromium: axe-core finds nothing, a keyboard alone does everything, a
screen reader gets landmarks, headings, the chart's name and summary, and one announcement per change."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.data import schema
from dashboard.data.load import load_events
from dashboard.view.story import load_story
from dashboard.web import ids

from ..conftest import DATA, ROOT
from .conftest import active, axe_violations, emulate_media, press, tab_to, viewport, wait_for_focus
from .test_story import check_step

# The fixture's events in date order: study-month (Feb 2018), city-ban (2019), floyd-killed, protest-wave,
# ibm-exit, amazon-pause, ms-no-police (May-June 2020).
FOCUS_RING = ("e => { const s = getComputedStyle(e);"
              " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }")


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def query(dash_duo) -> dict[str, list[str]]:
    return parse_qs(urlsplit(dash_duo.driver.current_url).query, keep_blank_values=True)


def wait_for_url(dash_duo, predicate) -> None:
    until(lambda: predicate(query(dash_duo)), timeout=10)


def box(group: str, value: str) -> str:
    """CSS selector of a filter checkbox (a native checkbox in Dash's checklist)."""
    checklist = "companies" if group == "company" else "categories"
    return f"#filter-{checklist} input[type=checkbox][value='{value}']"


def live_text(dash_duo) -> str:
    # Read in one script call: the page re-renders, and element handles would go stale mid-read.
    return dash_duo.driver.execute_script("return document.getElementById(arguments[0]).textContent",
                                          ids.LIVE)


def details_event(dash_duo) -> str | None:
    return dash_duo.driver.execute_script(
        "const t = document.getElementById(arguments[0]); return t && t.dataset.event", ids.DETAILS_TITLE)



def total(path) -> int:
    """The number of events in the bundled file (it grows with every data release)."""
    from dashboard.data.load import load_events

    return len(load_events(path))

@pytest.mark.parametrize(("theme", "width"), [("light", 1280), ("dark", 1280), ("light", 375), ("dark", 375)])
def test_axe_finds_no_violations_on_the_page_with_details_open(
    dash_duo, serve, bundled_csv, axe_source, theme, width
):
    serve(create_app(bundled_csv), None)
    viewport(dash_duo, width)
    dash_duo.driver.get(dash_duo.server_url + f"/?theme={theme}&event=ibm-exits-general-purpose-frt")
    dash_duo.wait_for_element(f"#{ids.DETAILS_TITLE}", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"{total(bundled_csv)} of {total(bundled_csv)} events",
                                    timeout=30)
    assert dash_duo.driver.execute_script("return document.documentElement.dataset.theme") == theme
    if width <= 900:  # the filter drawer open too
        dash_duo.find_element(f"#{ids.FILTERS_TOGGLE}").click()
        until(lambda: dash_duo.find_element(f"#{ids.FILTERS_PANEL}").is_displayed(), timeout=10)
    violations = axe_violations(dash_duo.driver, axe_source)
    assert violations == [], json.dumps(violations, indent=1)
    assert dash_duo.get_logs() == []


def test_axe_finds_no_violations_with_the_system_dark_theme_and_no_selection(
    dash_duo, serve, bundled_csv, axe_source
):
    serve(create_app(bundled_csv), None)
    emulate_media(dash_duo, prefers_color_scheme="dark")
    dash_duo.driver.get(dash_duo.server_url + "/?company=IBM&q=police")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"of {total(bundled_csv)} events", timeout=10)
    assert dash_duo.driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    violations = axe_violations(dash_duo.driver, axe_source)
    assert violations == [], json.dumps(violations, indent=1)
    assert dash_duo.get_logs() == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_timeline(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    press(dash_duo, Keys.TAB)
    assert active(dash_duo, "e => e.className") == "skip-link"
    assert active(dash_duo, "e => e.textContent") == "Skip to the timeline"
    rect = active(dash_duo, "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width]; }")
    assert rect[0] >= 0 and rect[1] >= 0 and rect[2] > 0, "the skip link shows when focused"
    assert active(dash_duo, FOCUS_RING)
    press(dash_duo, Keys.ENTER)
    wait_for_focus(dash_duo, "e => e.id", "timeline-section")
    press(dash_duo, Keys.TAB)  # the next stop is inside the timeline: its first zoom button
    assert active(dash_duo, "e => e.closest('#timeline-section') !== null")
    assert dash_duo.get_logs() == []


def test_keyboard_alone_filters_walks_events_in_date_order_and_opens_and_closes_details(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)

    # Filter: Tab to the "Research" checkbox, Space unticks it.
    tab_to(dash_duo, box("category", "research"))
    assert active(dash_duo, FOCUS_RING)
    press(dash_duo, Keys.SPACE)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "6 of 7 events", timeout=10)
    others = len(schema.CATEGORIES) - 1  # every category but research
    wait_for_url(dash_duo, lambda q: "research" not in q.get("category", []) and len(q["category"]) == others)
    until(lambda: active(dash_duo, "e => e.checked") is False, timeout=10)

    # The chart's keyboard mode: Left/Right walk the events in date order; the URL and details follow.
    tab_to(dash_duo, f"#{ids.CHART_KEYS}")
    assert active(dash_duo, FOCUS_RING)
    steps = [(Keys.ARROW_RIGHT, "city-ban"), (Keys.ARROW_RIGHT, "floyd-killed"),
             (Keys.ARROW_RIGHT, "protest-wave"), (Keys.ARROW_LEFT, "floyd-killed"),
             (Keys.END, "ms-no-police"), (Keys.HOME, "city-ban"), (Keys.ARROW_RIGHT, "floyd-killed")]
    for key, expected in steps:
        press(dash_duo, key)
        wait_for_url(dash_duo, lambda q, e=expected: q.get("event") == [e])
        until(lambda e=expected: details_event(dash_duo) == e, timeout=10)
    assert active(dash_duo) == ids.CHART_KEYS, "arrow keys keep focus on the chart"
    until(lambda: live_text(dash_duo) == "Event 2 of 6: A man is killed by police, 25 May 2020.", timeout=10)
    assert dash_duo.find_element(f"#{ids.CHART_KEYS}").get_attribute("data-selected") == "floyd-killed"

    # Enter opens the details (focus moves in); Escape closes them and focus returns to the chart.
    press(dash_duo, Keys.ENTER)
    wait_for_focus(dash_duo, "e => e.id + ':' + e.dataset.event", f"{ids.DETAILS_TITLE}:floyd-killed")
    assert active(dash_duo, FOCUS_RING)
    press(dash_duo, Keys.ESCAPE)
    wait_for_url(dash_duo, lambda q: "event" not in q)
    wait_for_focus(dash_duo, "e => e.id", ids.CHART_KEYS)
    until(lambda: live_text(dash_duo) == "Details closed.", timeout=10)
    # The panel closes (out of the layout) and holds its hint again.
    until(lambda: dash_duo.driver.execute_script(
        "const p = document.getElementById(arguments[0]); return !p.classList.contains('open')"
        " && !p.getClientRects().length && p.textContent.includes('Click an event')", ids.DETAILS_PANEL),
        timeout=10)

    # The table: Tab to the first event, Down arrow to the next, Enter opens it, Escape returns to the row.
    tab_to(dash_duo, ".events-table .row-button")
    assert active(dash_duo, "e => e.closest('tr').dataset.event") == "city-ban"
    press(dash_duo, Keys.ARROW_DOWN)
    assert active(dash_duo, "e => e.closest('tr').dataset.event") == "floyd-killed"
    press(dash_duo, Keys.ENTER)
    wait_for_url(dash_duo, lambda q: q.get("event") == ["floyd-killed"])
    wait_for_focus(dash_duo, "e => e.id + ':' + e.dataset.event", f"{ids.DETAILS_TITLE}:floyd-killed")
    press(dash_duo, Keys.ESCAPE)
    wait_for_url(dash_duo, lambda q: "event" not in q)
    wait_for_focus(dash_duo, "e => e.closest('tr') && e.closest('tr').dataset.event", "floyd-killed")
    assert active(dash_duo, FOCUS_RING)

    # Shift+Tab walks back up to the filters; Enter on "Reset all filters" restores the default view.
    tab_to(dash_duo, f"#{ids.RESET}", backwards=True)
    press(dash_duo, Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    wait_for_url(dash_duo, lambda q: q == {})
    assert dash_duo.get_logs() == []


def test_zoom_buttons_and_keys_change_the_visible_range(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    span = "() => { const r = window.frt.timeline.range(); return r ? r[1] - r[0] : null; }"
    until(lambda: dash_duo.driver.execute_script(f"return ({span})()") is not None, timeout=10)
    before = dash_duo.driver.execute_script(f"return ({span})()")
    # Plotly's own modebar buttons are keyboard buttons too; its upload-to-a-server "Share chart" is removed.
    titles = [b.get_attribute("aria-label") for b in dash_duo.find_elements(".modebar button")]
    assert "Zoom in" in titles and not [t for t in titles if t.startswith("Share")]
    tab_to(dash_duo, f"#{ids.CHART_TOOLBAR} [data-zoom=in]")
    press(dash_duo, Keys.ENTER)
    until(lambda: abs(dash_duo.driver.execute_script(f"return ({span})()") - before / 2) < 86400000,
          timeout=10)
    tab_to(dash_duo, f"#{ids.CHART_KEYS}")
    press(dash_duo, "-")
    until(lambda: abs(dash_duo.driver.execute_script(f"return ({span})()") - before) < 86400000, timeout=10)
    tab_to(dash_duo, f"#{ids.CHART_TOOLBAR} [data-range^='2020-01-01']", backwards=True)  # "2020"
    press(dash_duo, Keys.ENTER)
    until(lambda: dash_duo.driver.execute_script("return window.frt.timeline.range()[0]")
          == dash_duo.driver.execute_script("return Date.UTC(2020, 0, 1)"), timeout=10)
    assert dash_duo.get_logs() == []


def test_zoom_buttons_on_a_days_axis_count_days(dash_duo, serve, app):
    """With `anchor`, the x-axis counts days since that event: "2020" shows 1 January to 31 December 2020 as
    days since 25 May 2020, and zooming in keeps counting days."""
    serve(app, "/?anchor=floyd-killed")
    until(lambda: dash_duo.driver.execute_script(
        "const g = document.querySelector('#timeline .js-plotly-plot');"
        "return g && g._fullLayout && g._fullLayout.xaxis.type") == "linear", timeout=10)
    until(lambda: dash_duo.find_element(f"#{ids.CHART_TOOLBAR}").get_attribute("data-day0") == "2020-05-25",
          timeout=10)
    tab_to(dash_duo, f"#{ids.CHART_TOOLBAR} [data-range^='2020-01-01']")
    press(dash_duo, Keys.ENTER)
    until(lambda: dash_duo.driver.execute_script("return window.frt.timeline.range()") == [-145, 221],
          timeout=10)
    tab_to(dash_duo, f"#{ids.CHART_TOOLBAR} [data-zoom=in]")
    press(dash_duo, Keys.ENTER)
    until(lambda: dash_duo.driver.execute_script("return window.frt.timeline.range()") == [-53.5, 129.5],
          timeout=10)  # half of the 366 days, around the same middle
    assert dash_duo.get_logs() == []


def test_landmarks_headings_chart_name_and_summary(dash_duo, serve, app):
    serve(app, "/?event=ibm-exit")
    dash_duo.wait_for_text_to_equal(f"#{ids.DETAILS_TITLE}", "IBM exits", timeout=10)
    landmarks = dash_duo.driver.execute_script("""
        const q = s => [...document.querySelectorAll(s)];
        return {
          banner: q('header').filter(e => !e.closest('main, section, article, aside, nav')).length,
          main: q('main').length,
          search: q('[role=search]').map(e => e.getAttribute('aria-label')),
          regions: q('section[aria-label], section[aria-labelledby]').filter(e => e.checkVisibility())
            .map(e => e.getAttribute('aria-label')
                      || document.getElementById(e.getAttribute('aria-labelledby')).textContent),
          contentinfo: q('footer').filter(e => !e.closest('main, section, article, aside, nav')).length,
        };""")
    assert landmarks == {"banner": 1, "main": 1, "search": ["Filters"],
                         "regions": ["Timeline", "Event details", "Events in this view"], "contentinfo": 1}
    headings = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('h1, h2, h3')].filter(h => h.checkVisibility())"
        ".map(h => h.tagName + ' ' + h.textContent)")
    assert headings == ["H1 Big tech and facial recognition: a timeline",
                        "H2 Filters", "H2 Timeline", "H2 IBM exits", "H3 Sources", "H2 Events in this view"]
    chart = dash_duo.find_element(f"#{ids.CHART_KEYS}")
    assert chart.get_attribute("role") == "application"
    assert chart.get_attribute("aria-label") == "Timeline chart"
    description = dash_duo.driver.execute_script(
        "return arguments[0].getAttribute('aria-describedby').split(' ')"
        ".map(i => document.getElementById(i).textContent).join(' ')", chart)
    assert description.startswith(
        "7 events from February 2018 to June 2021; 3 companies: Amazon, IBM, Microsoft; "
        "3 context events (no company); by category: 3 decision, 1 protest, 1 legislation, 1 research, "
        "1 incident. Keyboard: on the chart, Left and Right arrows")
    # The table is the full text alternative: every event in view, with its date, title, actor and category.
    rows = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.events-table tbody tr')]"
        ".map(r => [...r.cells].map(c => c.textContent))")
    assert len(rows) == 7
    assert ["8 June 2020" in r[0] or "June 8, 2020" in r[0] for r in rows].count(True) == 1
    assert [r[1:] for r in rows if r[1] == "IBM exits"] == [["IBM exits", "IBM", "IBM", "decision"]]
    assert dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.events-table thead th')].every(th => th.scope === 'col')")
    assert dash_duo.get_logs() == []


def test_a_view_change_is_announced_once_with_the_count_and_range(dash_duo, serve, app):
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    assert live_text(dash_duo) == "", "nothing is announced on load: the reader is reading the page"
    dash_duo.driver.execute_script("""
        window.__said = [];
        const region = document.getElementById(arguments[0]);
        new MutationObserver(() => window.__said.push(region.textContent))
          .observe(region, {childList: true, subtree: true, characterData: true});""", ids.LIVE)
    dash_duo.find_element(box("category", "research")).click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "6 of 7 events", timeout=10)
    until(lambda: dash_duo.driver.execute_script("return window.__said.length") >= 1, timeout=10)
    said = "Showing 6 of 7 events, January 2019 to June 2021."
    assert dash_duo.driver.execute_script("return window.__said") == [said]
    # One live region says it: the visible count is not live as well, and the table is not read out.
    live = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')]"
        ".filter(e => e.textContent.includes('6 of 7')).map(e => e.id)")
    assert live == [ids.LIVE]
    assert dash_duo.get_logs() == []


def test_dark_theme_follows_the_system_and_the_toggle_writes_the_url(dash_duo, serve, app):
    serve(app, None)
    emulate_media(dash_duo, prefers_color_scheme="dark")
    dash_duo.driver.get(dash_duo.server_url + "/?category=decision")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    script = ("return [document.documentElement.dataset.theme,"
              " getComputedStyle(document.body).backgroundColor,"
              " document.querySelector('#timeline .main-svg').style.background,"
              " document.getElementById(arguments[0]).textContent]")
    until(lambda: dash_duo.driver.execute_script(script, ids.THEME_TOGGLE)[2].startswith("rgb(21, 24, 28)"),
          timeout=10)
    assert dash_duo.driver.execute_script(script, ids.THEME_TOGGLE)[:2] == ["dark", "rgb(21, 24, 28)"]
    assert dash_duo.driver.execute_script(script, ids.THEME_TOGGLE)[3] == "Light theme"  # what a press does
    dash_duo.find_element(f"#{ids.THEME_TOGGLE}").send_keys(Keys.ENTER)
    wait_for_url(dash_duo, lambda q: q == {"category": ["decision"], "theme": ["light"]})
    until(lambda: dash_duo.driver.execute_script(script, ids.THEME_TOGGLE)[2]
          .startswith("rgb(255, 255, 255)"), timeout=10)
    assert dash_duo.driver.execute_script(script, ids.THEME_TOGGLE)[:2] == ["light", "rgb(255, 255, 255)"]
    assert dash_duo.driver.execute_script(script, ids.THEME_TOGGLE)[3] == "Dark theme"
    # Filtering keeps the chosen theme in the URL.
    dash_duo.find_element(box("category", "protest")).click()
    wait_for_url(dash_duo, lambda q: q == {"category": ["decision", "protest"], "theme": ["light"]})
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_embed_page(dash_duo, serve, bundled_csv, axe_source, theme):
    serve(create_app(bundled_csv), None)
    dash_duo.driver.get(dash_duo.server_url
                        + f"/embed?company=IBM&company=Amazon&start=2020-05-01&theme={theme}")
    until(lambda: dash_duo.driver.execute_script(
        "return document.querySelectorAll('.main-svg .point').length > 0"), timeout=30)
    violations = axe_violations(dash_duo.driver, axe_source)
    assert violations == [], json.dumps(violations, indent=1)
    assert dash_duo.get_logs() == []


def test_axe_finds_no_violations_with_the_share_panel_open(dash_duo, serve, bundled_csv, axe_source):
    serve(create_app(bundled_csv), "/?company=IBM")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"of {total(bundled_csv)} events", timeout=30)
    dash_duo.find_element(f"#{ids.SHARE} summary").click()
    until(lambda: "embed" in (dash_duo.find_element(f"#{ids.SHARE_SNIPPET}").get_attribute("value") or ""),
          timeout=10)
    violations = axe_violations(dash_duo.driver, axe_source)
    assert violations == [], json.dumps(violations, indent=1)
    assert dash_duo.get_logs() == []


# Every live region's text as it changes (role=status/alert/log imply aria-live): what a screen reader says.
LISTEN = """
window.__said = [];
if (window.__listening) return;
window.__listening = true;
const regions = [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')]
  .filter(e => e.getAttribute('aria-live') !== 'off');
regions.forEach((region, i) => {
  let last = region.textContent;
  new MutationObserver(() => {
    if (region.textContent !== last && region.textContent.trim()) {
      window.__said.push((region.id || region.className || 'region ' + i) + ': ' + region.textContent);
    }
    last = region.textContent;
  }).observe(region, {childList: true, subtree: true, characterData: true});
});
"""


def settled(dash_duo) -> None:
    until(lambda: dash_duo._wait_for_callbacks(), timeout=30)


@pytest.mark.parametrize(("theme", "width", "keyboard"), [("light", 1280, True), ("dark", 375, False)],
                         ids=["light-1280-keyboard", "dark-375-next"])
def test_walk_the_tour_axe_finds_nothing_each_step_shows_its_view_and_is_announced_once(
    dash_duo, serve, bundled_csv, axe_source, theme, width, keyboard
):
    """Walk the whole tour in one page load: at 1280 px in the light theme with the keyboard alone (Enter on
    "Take the tour", the arrow keys, one step back and forth at step 2 and at the end, Enter on "Finish"),
    and at 375 px in the dark theme with taps on Next. At every step the page shows the step's view (URL,
    title, counter, count, companies, highlights, axis: test_story.check_step), axe finds nothing, with the
    step's event details and citation open at step 6, one live region speaks once, and the theme holds.
    The page is audited whole at step 1; later steps audit what a step changes (the tour card, the chart, the
    details), as the filters and the table keep their markup (axe's contrast checks are the slow part)."""
    events = load_events(bundled_csv)
    story = load_story(ROOT / "story.csv", events)
    serve(create_app(bundled_csv), None)
    viewport(dash_duo, width)
    if keyboard:
        dash_duo.driver.get(dash_duo.server_url + f"/?theme={theme}")
        dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"{len(events)} of {len(events)} events", timeout=30)
        dash_duo.find_element(f"#{ids.TOUR_START}").send_keys(Keys.ENTER)  # a link: Enter follows it
    else:
        dash_duo.driver.get(dash_duo.server_url + f"/?step=1&theme={theme}")
    dash_duo.wait_for_contains_text(f"#{ids.TOUR_COUNTER}", "step 1 of", timeout=30)
    assert int(dash_duo.find_element(f"#{ids.TOUR_COUNTER}").text.rsplit(" ", 1)[1]) == len(story)
    found: dict[str, list[dict]] = {}
    spoken: dict[int, list[str]] = {}
    for step in story.steps:
        number = step.number
        if number > 1:
            dash_duo.driver.execute_script(LISTEN)
            if keyboard:
                press(dash_duo, Keys.ARROW_RIGHT)
            else:  # on a phone a step's event details cover the lower screen: the reader scrolls Next up
                link = dash_duo.find_element(f"#{ids.TOUR_NEXT}")
                dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", link)
                link.click()
            dash_duo.wait_for_contains_text(f"#{ids.TOUR_COUNTER}", f"step {number} of", timeout=30)
        settled(dash_duo)
        if number > 1:
            until(lambda: dash_duo.driver.execute_script("return window.__said.length") >= 1, timeout=10)
            spoken[number] = dash_duo.driver.execute_script("return window.__said")
        check_step(dash_duo, events, story, step, theme=[theme])
        parts = () if number == 1 else (f"#{ids.TOUR_BAR}", "#timeline-section", f"#{ids.DETAILS_PANEL}")
        found[f"step {number}"] = axe_violations(dash_duo.driver, axe_source, within=parts)
        if not theme_is(dash_duo, theme):
            found[f"step {number}"].append({"id": "theme lost", "theme": theme_of(dash_duo)})
        if keyboard and number == 2:  # one step back and forward again
            press(dash_duo, Keys.ARROW_LEFT)
            check_step(dash_duo, events, story, story.steps[0], theme=[theme])
            press(dash_duo, Keys.ARROW_RIGHT)
            check_step(dash_duo, events, story, step, theme=[theme])
        if number == 6:  # the step's event opened from the tour, and its citation
            link = dash_duo.find_element(f"#{ids.TOUR_EVENTS} a")
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", link)
            link.click()
            dash_duo.wait_for_element(f"#{ids.DETAILS_TITLE}", timeout=30)
            cite = dash_duo.find_element(f"#{ids.DETAILS} .cite-box summary")
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cite)
            cite.click()
            until(lambda: dash_duo.find_element(f"#{ids.DETAILS} .citation").is_displayed(), timeout=10)
            found["step 6, details and citation open"] = axe_violations(dash_duo.driver, axe_source,
                                                                        within=parts)
    assert {k: v for k, v in found.items() if v} == {}, json.dumps(found, indent=1)
    many = {n: said for n, said in spoken.items() if len(said) != 1 or "step" not in said[0].lower()}
    assert many == {}, f"one announcement per step, naming the step: {json.dumps(many, indent=1)}"
    if keyboard:
        last = story.steps[-1]
        finish = dash_duo.find_element(f"#{ids.TOUR_NEXT}")
        assert finish.text == "Finish the tour"
        press(dash_duo, Keys.ARROW_RIGHT)  # the arrow stops at the last step...
        press(dash_duo, Keys.ARROW_LEFT)  # ...(so this goes back one, and the URL shows it)
        check_step(dash_duo, events, story, story.steps[-2], theme=[theme])
        press(dash_duo, Keys.ARROW_RIGHT)
        check_step(dash_duo, events, story, last, theme=[theme])
        finish.send_keys(Keys.ENTER)  # ...and Finish is followed on purpose
        until(lambda: "step" not in query(dash_duo), timeout=10)
        dash_duo.wait_for_contains_text(f"#{ids.TOUR_RESUME}", f"Back to the tour (step {len(story)}",
                                        timeout=10)
        assert query(dash_duo).get("start") == [last.view.filters.start.isoformat()]
    assert dash_duo.get_logs() == []


def theme_of(dash_duo) -> str:
    return dash_duo.driver.execute_script("return document.documentElement.dataset.theme")


def theme_is(dash_duo, theme: str) -> bool:
    return theme_of(dash_duo) == theme


def test_axe_finds_no_violations_in_the_upload_panel_with_warnings_and_errors_in_both_themes(
    dash_duo, serve, valid_csv, axe_source
):
    """One page load: the upload panel open, a file loaded with warnings, a file refused with errors, each in
    the light and the dark theme (the theme button changes the theme in place)."""
    serve(create_app(valid_csv))
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    found: dict[str, list[dict]] = {}

    def check(state: str, theme: str) -> None:
        if not theme_is(dash_duo, theme):
            dash_duo.find_element(f"#{ids.THEME_TOGGLE}").click()
            until(lambda: theme_is(dash_duo, theme), timeout=10)
        settled(dash_duo)
        found[f"{state} ({theme})"] = axe_violations(dash_duo.driver, axe_source)

    dash_duo.find_element(f"#{ids.UPLOAD_PANEL} > summary").click()
    check("upload panel open", "light")
    check("upload panel open", "dark")
    dash_duo.find_element(f"#{ids.UPLOAD_EVENTS} input[type=file]").send_keys(str(DATA / "timelinejs.csv"))
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_RESULT}", "Warnings (4)", timeout=15)
    check("a file loaded with warnings", "dark")
    check("a file loaded with warnings", "light")
    dash_duo.find_element(f"#{ids.UPLOAD_EVENTS} input[type=file]").send_keys(
        str(DATA / "timelinejs_errors.csv"))
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_RESULT}", "was not loaded: 8 problems", timeout=15)
    check("a file refused with errors", "light")
    check("a file refused with errors", "dark")
    assert {k: v for k, v in found.items() if v} == {}, json.dumps(found, indent=1)
    assert dash_duo.get_logs() == []
