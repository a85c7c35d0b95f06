"""Share and embed in real headless Chromium: the iframe snippet in a page of another site, the exported
file opened offline, the share panel's link in a new window, and the PNG/SVG buttons."""

from __future__ import annotations

import struct
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from dashboard.app import create_app
from dashboard.export import Export, write
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve
from dashboard.view.urlstate import EmbedOptions
from dashboard.web import ids
from dashboard.web.share.links import frame_height
from tests.browser.conftest import chart_labels, click_row, viewport
from tests.conftest import xss_rows


@pytest.fixture
def app(valid_csv):
    return create_app(valid_csv)


def open_share_panel(dash_duo, url: str) -> str:
    """Open `url`, unfold "Share & embed" and return the embed code once it describes that view."""
    dash_duo.driver.get(url)
    dash_duo.wait_for_element(f"#{ids.SHARE} summary", timeout=10).click()
    until(lambda: "embed" in (dash_duo.find_element(f"#{ids.SHARE_SNIPPET}").get_attribute("value") or ""),
          timeout=10)
    return dash_duo.find_element(f"#{ids.SHARE_SNIPPET}").get_attribute("value")


def chart_ids(driver) -> list[str]:
    """Event ids of the markers drawn in the current document's chart."""
    return driver.execute_script(
        "const gd = document.querySelector('.js-plotly-plot');"
        "return gd.calcdata.flatMap(t => t.map(p => p.data || (gd.data[t[0].trace.index].customdata || [])"
        "[p.i])).filter(Boolean);")


def wait_for_chart(driver, timeout: float = 15) -> None:
    until(lambda: driver.execute_script("return !!document.querySelector('.frt-ready .scatterlayer .point')"),
          timeout=timeout)


def test_snippet_in_a_page_of_another_site_shows_the_view_and_resizes(dash_duo, serve, app, other_site):
    serve(app, None)
    snippet = open_share_panel(dash_duo, dash_duo.server_url + "/?company=IBM&context=0")
    assert "/embed?company=IBM&amp;context=0" in snippet and "embed/resize.js" in snippet
    head = ('<!DOCTYPE html><html lang="en"><head><title>An article</title><link rel="icon" href="data:,">'
            "</head>")
    article = other_site("article.html", f"{head}<body><h1>An article</h1><p>Before the chart.</p>{snippet}"
                                         "<p>After the chart.</p></body></html>")
    driver = dash_duo.driver
    driver.get(article)
    frame = dash_duo.wait_for_element("iframe[data-frt-embed]", timeout=10)
    initial = int(frame.get_attribute("height"))

    driver.switch_to.frame(frame)
    wait_for_chart(driver)
    assert sorted(chart_ids(driver)) == ["ibm-exit", "study-month"]  # only the filtered events
    assert [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".ytick text")] == ["IBM"]
    assert driver.find_element(By.CSS_SELECTOR, ".frt-footer a").get_attribute("href").endswith(
        "/?company=IBM&context=0")
    content = driver.execute_script("return Math.ceil(document.body.getBoundingClientRect().height)")
    point = driver.find_element(By.CSS_SELECTOR, ".scatterlayer .trace:nth-of-type(1) .point")
    ActionChains(driver).move_to_element(point).pause(0.3).click().perform()
    until(lambda: driver.find_element(By.CSS_SELECTOR, ".frt-details-title").text == "IBM exits", timeout=10)
    assert driver.find_element(By.CSS_SELECTOR, ".frt-details-sources a").get_attribute("href") == \
        "https://example.org/c"
    driver.find_element(By.CSS_SELECTOR, ".frt-close").click()
    until(lambda: not driver.find_element(By.ID, "frt-details").is_displayed(), timeout=10)
    driver.switch_to.default_content()

    # The resize script set the frame to the embed's own height (the snippet's guess was different).
    until(lambda: frame.get_attribute("style").find(f"height: {content}px") >= 0, timeout=10)
    assert content != initial
    assert frame.size["height"] == content
    assert dash_duo.get_logs() == []

    # Without the script the frame keeps the snippet's height and still shows the chart.
    driver.get(other_site("bare.html", head + "<body>" + snippet.splitlines()[0] + "</body></html>"))
    frame = dash_duo.wait_for_element("iframe[data-frt-embed]", timeout=10)
    driver.switch_to.frame(frame)
    wait_for_chart(driver)
    driver.switch_to.default_content()
    assert frame.size["height"] == initial
    assert dash_duo.get_logs() == []


def test_exported_html_works_offline_with_hover_and_zoom(dash_duo, valid_csv, tmp_path):
    out = tmp_path / "june-2020.html"
    write(Export(shown=resolve("category=decision", load_dataset(valid_csv)), out=out))
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    try:
        driver.get(out.as_uri())
        wait_for_chart(driver)
        assert sorted(chart_ids(driver)) == ["amazon-pause", "ibm-exit", "ms-no-police"]
        assert driver.find_element(By.TAG_NAME, "h1").text == "Big tech and facial recognition: decision"
        assert driver.find_element(By.CSS_SELECTOR, ".frt-filters").text == "Categories: decision"
        point = driver.find_element(By.CSS_SELECTOR, ".scatterlayer .trace:nth-of-type(2) .point")
        ActionChains(driver).move_to_element(point).pause(0.3).perform()
        # one read: Plotly redraws the hover label, and an element handle could go stale mid-read
        hover = ("return [...document.querySelectorAll('.hoverlayer .hovertext')]"
                 ".map(t => t.textContent).join()")
        until(lambda: "Category: decision" in driver.execute_script(hover), timeout=10)
        x_range = "return document.querySelector('.js-plotly-plot').layout.xaxis.range"
        before = driver.execute_script(x_range)
        button = next(b for b in driver.find_elements(By.CSS_SELECTOR, ".frt-preset")
                      if b.text == "Protest weeks: May–July 2020")
        button.click()
        until(lambda: driver.execute_script(x_range) == ["2020-05-01", "2020-07-31"], timeout=10)
        assert before != ["2020-05-01", "2020-07-31"]
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": False, "latency": 0, "downloadThroughput": -1,
                                "uploadThroughput": -1})
    assert dash_duo.get_logs() == []


def test_share_link_opened_in_a_new_window_restores_the_view(dash_duo, serve, app):
    serve(app, "/?category=decision")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    click_row(dash_duo, "amazon-pause")
    dash_duo.wait_for_text_to_equal("#details-title", "Amazon pauses", timeout=10)
    dash_duo.find_element(f"#{ids.SHARE} summary").click()
    link_box = dash_duo.find_element(f"#{ids.SHARE_LINK}")
    until(lambda: "event=amazon-pause" in (link_box.get_attribute("value") or ""), timeout=10)
    link = link_box.get_attribute("value")
    assert parse_qs(urlsplit(link).query) == {"category": ["decision"], "event": ["amazon-pause"]}
    dash_duo.find_element(f"#{ids.SHARE_COPY_LINK}").click()
    # "Link copied." where the clipboard may be written, else how to copy by hand; never an error.
    until(lambda: dash_duo.find_element(f"#{ids.SHARE_STATUS}").text in (
        "Link copied.", "Select the text and press Ctrl+C (⌘C on a Mac) to copy it."), timeout=10)

    first = dash_duo.driver.current_window_handle
    dash_duo.driver.switch_to.new_window("window")
    dash_duo.driver.get(link)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "3 of 7 events", timeout=10)
    dash_duo.wait_for_text_to_equal("#details-title", "Amazon pauses", timeout=10)
    assert dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.CATEGORIES} input:checked')].map(i => i.value)"
    ) == ["decision"]
    dash_duo.driver.close()
    dash_duo.driver.switch_to.window(first)
    assert dash_duo.get_logs() == []


def test_embed_options_change_the_snippet(dash_duo, serve, app):
    serve(app, None)
    open_share_panel(dash_duo, dash_duo.server_url + "/?company=Amazon")
    dash_duo.find_element(f"#{ids.SHARE_THEME} input[value='dark']").click()
    dash_duo.find_element(f"#{ids.SHARE_WIDTH} input[value='640']").click()
    height = dash_duo.find_element(f"#{ids.SHARE_HEIGHT}")
    height.send_keys("360\n")
    def snippet_text() -> str:
        return dash_duo.find_element(f"#{ids.SHARE_SNIPPET}").get_attribute("value")

    until(lambda: "height=360" in snippet_text(), timeout=10)
    snippet = snippet_text()
    assert "embed?company=Amazon&amp;height=360&amp;theme=dark" in snippet
    options = EmbedOptions(height=360, theme="dark")
    assert 'width="640"' in snippet and f'height="{frame_height(360, options)}"' in snippet
    preview = dash_duo.find_element(f"#{ids.SHARE_PREVIEW}").get_attribute("href")
    assert preview.endswith("/embed?company=Amazon&height=360&theme=dark")
    assert dash_duo.get_logs() == []


def test_png_and_svg_buttons_save_the_publication_image_of_the_view(dash_duo, serve, app, tmp_path):
    """The buttons give the CLI's image of the view on screen (zoom too): title, filter line, legend,
    source line with the view's address, no range slider; the SVG names itself in <title>."""
    serve(app, None)
    dash_duo.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": str(tmp_path)})
    view = "?company=IBM&context=0&zoom=2020-05-01..2020-07-31"
    dash_duo.driver.get(dash_duo.server_url + "/" + view)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "2 of 7 events", timeout=10)
    dash_duo.find_element(f"#{ids.DOWNLOAD_SVG}").click()
    svg = tmp_path / "frt-timeline-ibm.svg"
    until(lambda: svg.exists() and svg.stat().st_size > 0, timeout=15)
    root = ElementTree.fromstring(svg.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == "Big tech and facial recognition: IBM"
    text = "".join(root.itertext())
    assert "Companies: IBM" in text and "Context lanes: hidden" in text  # the filter line
    assert f"Source: frt-timeline ({dash_duo.server_url}/{view})" in text
    assert "Categorydecisionresearch" in text  # the legend
    assert not root.findall(".//*[@class='rangeslider-container']")
    ticks = ["".join(g.itertext()) for g in root.iter("{http://www.w3.org/2000/svg}g")
             if g.get("class") == "xtick"]
    assert ticks[0].startswith("May") and ticks[-1].startswith("Jul"), ticks  # the zoomed window
    dash_duo.find_element(f"#{ids.DOWNLOAD_PNG}").click()
    png = tmp_path / "frt-timeline-ibm.png"
    until(lambda: png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", timeout=15)
    dash_duo.wait_for_text_to_equal(f"#{ids.DOWNLOAD_STATUS}", "Saved frt-timeline-ibm.png", timeout=10)
    width, _ = struct.unpack(">II", png.read_bytes()[16:24])
    assert width == 2400  # 1200 px, drawn at twice the density
    assert dash_duo.get_logs() == []


def test_hostile_csv_text_in_an_embed_shows_as_text_and_never_runs(dash_duo, serve, xss_csv):
    rows = {r["id"]: r for r in xss_rows()}
    serve(create_app(xss_csv), None)
    driver = dash_duo.driver
    driver.get(dash_duo.server_url + "/embed")
    wait_for_chart(driver, timeout=30)
    assert sorted(chart_ids(driver)) == sorted(rows)
    title = driver.title
    points = driver.find_elements(By.CSS_SELECTOR, ".scatterlayer .trace .point")
    for point in points[:: max(1, len(points) // 6)]:  # a spread of markers: hover, click, read the panel
        ActionChains(driver).move_to_element(point).pause(0.2).click().perform()
        until(lambda: driver.find_element(By.ID, "frt-details").is_displayed(), timeout=10)
        shown = driver.find_element(By.CSS_SELECTOR, ".frt-details-title").text
        row = next(r for r in rows.values() if " ".join(r["title"].split()) == " ".join(shown.split()))
        anchors = driver.find_elements(By.CSS_SELECTOR, ".frt-details-sources a")
        links = [a.get_attribute("href") for a in anchors]
        assert links == [row["sources"].split()[0]]  # only the https source is a link; the other is text
        driver.find_element(By.CSS_SELECTOR, ".frt-close").click()
    injected = driver.execute_script(
        "return document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick],iframe,object,img,"
        "a[href^=\"javascript:\" i],#frt-chart svg a').length")
    assert injected == 0
    assert driver.execute_script("return window.__pwned === undefined") and driver.title == title
    assert dash_duo.get_logs() == []


def test_an_embed_on_a_phone_keeps_its_labels_off_the_lane_names(dash_duo, serve, bundled_csv):
    serve(create_app(bundled_csv), None)
    viewport(dash_duo, 375)
    dash_duo.driver.get(dash_duo.server_url + "/embed")
    drawn = "return !!document.querySelector('.frt-ready .scatterlayer .point')"
    until(lambda: dash_duo.driver.execute_script(drawn), timeout=20)
    labels = chart_labels(dash_duo, "#frt-chart")
    assert labels["lanes"] > 10 and labels["shown"] >= 1, labels
    assert labels["outside"] == labels["over_lanes"] == labels["over_labels"] == 0, labels
    assert dash_duo.get_logs() == []
