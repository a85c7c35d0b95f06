"""Embeds in a host page of another site, in real headless Chromium: the layout at column widths from 1000
down to 300 px and after a resize back (one page load, the host resizes its iframes), keyboard access to
the events, and focus that stays in the host page."""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode
from urllib.request import urlopen

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.export import Export, html_document
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve
from tests.browser.conftest import LABELS, PLOTLY_DRAWS, SCREENSHOTS, cdp, viewport

HEAD = '<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,"></head>'

# Inside an embed: the boxes of its parts (px, in the frame's viewport) and what overlaps what.
GEOMETRY = """
const box = e => {
  const r = e.getBoundingClientRect();
  return {l: r.left, t: r.top, r: r.right, b: r.bottom};
};
const shown = e => e && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none'
  && e.getBoundingClientRect().width > 0;
const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
const gd = document.getElementById('frt-chart');
const area = box(gd.querySelector('.nsewdrag'));
const ticks = [...gd.querySelectorAll('.xaxislayer-above .xtick text')].filter(shown).map(box);
const lanes = [...gd.querySelectorAll('.yaxislayer-above .ytick text')].filter(shown).map(box);
// HTML, or (before they moved out of the figure) Plotly's own
const legend = document.querySelector('.frt-legend') || gd.querySelector('.legend');
const title = document.querySelector('.frt-title') || gd.querySelector('.gtitle');
const buttons = [...document.querySelectorAll('.frt-preset, .updatemenu-button')].filter(shown).map(box);
const width = document.documentElement.clientWidth;
const inside = b => b.l >= 0 && b.r <= width + 0.5;
const body = document.body.getBoundingClientRect().height;
return {
  width: width,
  legend_over_axis: shown(legend) && ticks.concat([area]).some(t => hit(box(legend), t)),
  legend_share: shown(legend) ? +(box(legend).b - box(legend).t) / body : 0,
  title_inside: !title || inside(box(title)),
  title_lines: title ? Math.round(title.getBoundingClientRect().height
                                  / parseFloat(getComputedStyle(title).lineHeight)) : 0,
  buttons: buttons.length,
  buttons_inside: buttons.every(inside),
  buttons_overlap: buttons.some((b, i) => buttons.some((o, j) => j < i && hit(b, o)))
    || (shown(title) && buttons.some(b => hit(b, box(title)))),
  lanes: lanes.length,
  lanes_overlap: lanes.some((b, i) => lanes.some((o, j) => j < i && hit(b, o))),
  plot_height: area.b - area.t,
  scrolls_sideways: document.documentElement.scrollWidth > width + 1,
};
"""


def frame_ready(driver, frame) -> None:
    driver.switch_to.frame(frame)
    until(lambda: driver.execute_script("return !!document.querySelector('.frt-ready .scatterlayer .point')"),
          timeout=20)
    driver.switch_to.default_content()


def measure(driver, frame, width: int) -> dict:
    """Resize the host's iframe to `width` px, wait for the chart to follow, and measure inside it."""
    driver.execute_script("arguments[0].style.width = arguments[1] + 'px'", frame, width)
    driver.switch_to.frame(frame)
    try:
        until(lambda: abs(driver.execute_script(
            "return document.querySelector('#frt-chart .main-svg').getBoundingClientRect().width")
            - driver.execute_script("return document.documentElement.clientWidth")) < 2, timeout=10)
        # plotly redraws on the resize event; wait until two measures in a row agree
        last: list[dict] = [{}]

        def settled() -> bool:
            now = driver.execute_script(GEOMETRY)
            same, last[0] = now == last[0], now
            return same
        until(settled, timeout=10)
        return {**last[0], "labels": driver.execute_script(LABELS, "#frt-chart")}
    finally:
        driver.switch_to.default_content()


def shoot(driver, frame, name: str) -> None:
    """The frame, down to the end of its page, as build/screenshots/`name`."""
    driver.switch_to.frame(frame)
    page = driver.execute_script("return Math.ceil(document.body.getBoundingClientRect().height)")
    driver.switch_to.default_content()
    r = driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                              "return {x: r.left, y: r.top, width: r.width, height: r.height}", frame)
    r["height"] = min(r["height"], page)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": {**r, "scale": 1}})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / name).write_bytes(base64.b64decode(shot["data"]))


def test_an_embed_survives_narrow_columns_and_a_resize(dash_duo, serve, bundled_csv, other_site):
    serve(create_app(bundled_csv), None)
    root = dash_duo.server_url
    # The bundled data's embed (19 lanes) as tall as it needs, and a short one (200 px chart).
    style = "border:0;width:{}px;height:{}px"
    # ...and what an oEmbed consumer that asked for at most 320 x 200 px pastes, resize script included.
    asked = urlencode({"url": root + "/?company=IBM&company=Amazon", "maxwidth": 320, "maxheight": 200})
    with urlopen(f"{root}/oembed?{asked}") as response:
        oembed = json.load(response)["html"]
    host = other_site("host.html", f"{HEAD}<body style='margin:0'>"
                      f"<iframe id='tall' src='{root}/embed' style='{style.format(1000, 1250)}'></iframe>"
                      f"<iframe id='short' src='{root}/embed?height=200' style='{style.format(400, 520)}'>"
                      f"</iframe><div id='oembed'>{oembed}</div></body></html>")
    driver = dash_duo.driver
    driver.set_window_size(1500, 1500)  # the whole frame on screen, for the screenshots
    driver.get(host)
    tall, short = driver.find_element(By.ID, "tall"), driver.find_element(By.ID, "short")
    frame_ready(driver, tall)
    frame_ready(driver, short)
    limited = driver.find_element(By.CSS_SELECTOR, "#oembed iframe")
    frame_ready(driver, limited)
    # The page inside fits the consumer's 200 px, and resize.js never grows the frame past it.
    until(lambda: "height: " in (limited.get_attribute("style") or ""), timeout=10)  # resized
    assert limited.size["height"] <= 200
    driver.switch_to.frame(limited)
    assert driver.execute_script("return document.body.getBoundingClientRect().height") <= 200
    driver.switch_to.default_content()
    seen = {}
    for width in (1000, 480, 1000, 640, 320):
        m = seen[width] = measure(driver, tall, width)
        assert not m["legend_over_axis"], (width, m)
        assert m["title_inside"] and m["buttons_inside"] and not m["buttons_overlap"], (width, m)
        assert m["buttons"] == 3 and m["lanes"] == 19 and not m["lanes_overlap"], (width, m)
        assert not m["scrolls_sideways"], (width, m)
        # Plotly's buttons (top right, from 640 px) never sit over a key moment's or the band's label.
        assert m["labels"]["under_modebar"] == 0 and m["labels"]["over_labels"] == 0, (width, m)
        if width >= 640:  # the buttons are there, and both labels kept
            assert m["labels"]["modebar"] > 0 and m["labels"]["shown"] >= 2, (width, m)
        if width in (320, 480, 1000):
            shoot(driver, tall, f"embed-{width}.png")
    assert seen[320]["title_lines"] >= 2  # the title wraps instead of running off the frame
    for width in (300, 360, 400):
        m = measure(driver, short, width)
        assert not m["lanes_overlap"] and m["lanes"] >= 5, (width, m)  # every other lane name, or fewer
        assert not m["legend_over_axis"] and m["legend_share"] < 0.3, (width, m)
        assert m["plot_height"] >= 90, (width, m)
    assert dash_duo.get_logs() == []


def test_keyboard_walks_the_events_and_an_event_link_leaves_the_host_focus_alone(dash_duo, serve, valid_csv,
                                                                                  other_site, tmp_path):
    serve(create_app(valid_csv), None)
    root = dash_duo.server_url
    # An exported view on the host's own site (same origin: nothing stops a script there from taking
    # focus) and the app's /embed (another origin), both opening an event's details.
    view = "company=Amazon&company=IBM&company=Microsoft&context=0&theme=dark"
    shown = resolve(view + "&event=amazon-pause", load_dataset(valid_csv))
    page = html_document(Export(shown=shown, out=tmp_path / "v.html", root=root + "/"))
    exported = other_site("view.html", page)
    filler = "<p style='height:600px'>An article.</p>"
    style = "border:0;width:700px;height:650px"
    frames = (f"<iframe id='same' src='{exported}' title='Exported' style='{style}'></iframe>"
              f"<iframe id='embed' src='{root}/embed?{view}&event=ibm-exit' title='Timeline' style='{style}'>"
              "</iframe>")
    host = other_site("article.html", f"{HEAD}<body><label>Search <input id='search'></label>{filler}"
                      f"{frames}{filler}</body></html>")
    driver = dash_duo.driver
    driver.get(host)
    driver.execute_script("window.scrollTo(0, 120)")
    for name, event in (("same", "Amazon pauses"), ("embed", "IBM exits")):
        frame = driver.find_element(By.ID, name)
        frame_ready(driver, frame)
        driver.switch_to.frame(frame)
        until(lambda title=event: driver.find_element(By.CSS_SELECTOR, ".frt-details-title").text == title,
              timeout=10)
        driver.switch_to.default_content()
    # The embeds opened their events' details, and the host page kept its focus (the reader's next Tab
    # starts where it did) and its scroll position.
    assert driver.execute_script("return document.activeElement === document.body")
    assert driver.execute_script("return window.scrollY") == 120

    # Tab from the host page into the embed and on to the chart; the arrows walk its events by date.
    driver.find_element(By.ID, "search").click()
    frame = driver.find_element(By.ID, "embed")
    driver.switch_to.frame(frame)
    for _ in range(20):
        if driver.execute_script("return document.activeElement.id") == "frt-chart":
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.execute_script("return document.activeElement.id") == "frt-chart"
    status = driver.find_element(By.ID, "frt-status")
    ActionChains(driver).send_keys(Keys.END).perform()
    until(lambda: status.get_attribute("textContent").startswith("Microsoft says no, 11 June 2020"),
          timeout=10)
    ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
    until(lambda: "Amazon pauses" in status.get_attribute("textContent"), timeout=10)
    assert "(event 3 of 4)" in status.get_attribute("textContent")
    # read in one script: Plotly redraws the hover label, and an element handle could go stale mid-read
    hover = "return [...document.querySelectorAll('.hoverlayer .hovertext')].map(t => t.textContent).join()"
    until(lambda: "Amazon pauses" in driver.execute_script(hover), timeout=10)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    until(lambda: driver.find_element(By.CSS_SELECTOR, ".frt-details-title").text == "Amazon pauses",
          timeout=10)
    assert driver.execute_script("return document.activeElement.className") == "frt-close"
    opens = driver.find_element(By.LINK_TEXT, "Open in frt-timeline").get_attribute("href")
    assert opens == f"{root}/?{view}&event=amazon-pause"  # the embed's whole view, and its event
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    until(lambda: not driver.find_element(By.ID, "frt-details").is_displayed(), timeout=10)
    assert driver.execute_script("return document.activeElement.id") == "frt-chart"
    driver.switch_to.default_content()
    assert dash_duo.get_logs() == []


def test_an_embed_keeps_the_charts_room_before_plotly_draws_it(dash_duo, serve, bundled_csv):
    """What is under the chart (the legend, the footer) is painted where it stays: with plotly.js not (yet)
    there, the chart's box already has the drawn chart's height (Lighthouse counted a layout shift of 0.13
    on /embed, the legend moving down as the chart appeared)."""
    duo = serve(create_app(bundled_csv), None)
    where = "return document.querySelector('.frt-legend').getBoundingClientRect().top + window.scrollY"
    cdp(duo, "Network.enable")
    cdp(duo, "Network.setBlockedURLs", {"urls": ["*plotly*"]})
    try:
        duo.driver.get(duo.server_url + "/embed")
        until(lambda: duo.driver.execute_script("return document.readyState") == "complete", timeout=20)
        assert duo.driver.execute_script("return !window.Plotly")  # the chart is not drawn
        before = duo.driver.execute_script(where)
    finally:
        cdp(duo, "Network.setBlockedURLs", {"urls": []})
    duo.driver.get(duo.server_url + "/embed")
    until(lambda: duo.driver.execute_script("return !!document.querySelector('#frt-chart .main-svg')"),
          timeout=20)
    after = duo.driver.execute_script(where)
    assert abs(before - after) <= 1, (before, after)


def test_an_embed_on_a_phone_is_drawn_once_with_a_phones_axis_labels(dash_duo, serve, bundled_csv):
    """A narrow column's smaller axis labels are in the first drawing: before, a relayout after it drew the
    whole chart a second time on every phone (a third of the embed's main-thread time at load)."""
    duo = serve(create_app(bundled_csv), None)
    viewport(duo, 375)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": PLOTLY_DRAWS})
    duo.driver.get(duo.server_url + "/embed")
    drawn = "return !!document.querySelector('.frt-ready .scatterlayer .point')"
    until(lambda: duo.driver.execute_script(drawn), timeout=20)
    draws = duo.driver.execute_script("return window.__draws")
    assert draws["calls"] == 1 and draws["beforeplot"] == draws["afterplot"] == 0, draws  # one drawing
    sizes = duo.driver.execute_script(
        "return [...document.querySelectorAll('#frt-chart .xtick text, #frt-chart .ytick text')]"
        ".map(t => t.style.fontSize)")
    assert len(sizes) > 10 and set(sizes) == {"10px"}, sizes
    assert duo.get_logs() == []
