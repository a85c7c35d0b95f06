"""In headless Chromium (Selenium, from the `test` extra): navigation until the chart is drawn, and the
bytes transferred. A fresh browser (empty cache) for every run."""

from __future__ import annotations

import statistics
import tempfile
import time
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException

from dashboard.web import ids


# Records when the chart first shows data, from navigation start (ms): plotly has laid out its data and the
# first SVG marker or heatmap image (the level of detail's density lanes) exists, or for WebGL traces (the
# baseline's px.scatter switches to scattergl above 1,000 points) the first frame after plotly laid them out.
# `selector` names the chart: the page's graph or its pre-drawn first chart (web/predraw.py), or any chart.
def probe(selector: str) -> str:
    return f"""
(function () {{
  function drawn(gd) {{
    const data = gd && gd._fullData ? gd._fullData : [];
    return data.length && (gd.querySelector('.scatterlayer .trace .point, .heatmaplayer image')
                           || data.some(t => t.type === 'scattergl' && t.visible !== false));
  }}
  function check() {{
    if (drawn(document.querySelector('{selector}'))) {{
      window.__chartDrawn = performance.now();
    }} else {{
      requestAnimationFrame(check);
    }}
  }}
  requestAnimationFrame(check);
}})();
"""


PROBE = probe(f"#{ids.GRAPH} .js-plotly-plot, #frt-predraw .js-plotly-plot")

TRANSFERRED = """
const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
return {
  bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
  decoded: entries.reduce((n, e) => n + (e.decodedBodySize || 0), 0),
  urls: entries.map(e => [e.name, e.transferSize, e.decodedBodySize]),
};
"""


def _driver(profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options)


def page_load(url: str, runs: int, timeout_s: float = 60) -> dict[str, Any]:
    """Median ms from navigation start until the chart's first marker exists, bytes transferred
    (compressed, as on the wire) and decoded, and the resources of the last run."""
    drawn: list[float] = []
    last: dict[str, Any] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            driver = _driver(profile)
            try:
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
                driver.set_page_load_timeout(timeout_s)
                driver.set_script_timeout(timeout_s)
                driver.get(url)
                deadline = time.monotonic() + timeout_s
                value = None
                while value is None and time.monotonic() < deadline:
                    try:  # a page busy drawing answers late; the probe's time is what counts
                        value = driver.execute_script("return window.__chartDrawn || null")
                    except WebDriverException:
                        value = None
                    if value is None:
                        time.sleep(0.05)
                drawn.append(float("inf") if value is None else float(value))
                time.sleep(0.5)  # late requests (the async chunk of dcc.Graph) finish
                last = driver.execute_script(TRANSFERRED)
                last["console"] = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
            finally:
                driver.quit()
    return {"ms": statistics.median(drawn), **last}
