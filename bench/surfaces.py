"""Every surface in headless Chromium: `/embed`, an exported HTML file, and a filter change on the page.

A fresh browser (empty cache) per load; the chart counts as drawn as bench.browser.probe says.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from selenium.common.exceptions import WebDriverException

from bench.browser import TRANSFERRED, _driver, probe
from dashboard.web import ids

# Any plotly chart on the page (the page's #timeline, /embed's #frt-chart, an exported file's).
PROBE = probe(".js-plotly-plot")

# After the page is drawn: untick one category and time it until plotly has drawn the new figure (Dash
# hands plotly a new data array for a new figure; a resize redraws the old one).
FILTER_CHANGE = f"""
const [value, done] = [arguments[0], arguments[arguments.length - 1]];
const gd = document.querySelector('#{ids.GRAPH} .js-plotly-plot');
const box = [...document.querySelectorAll('#{ids.CATEGORIES} input')].find(i => i.value === value);
if (!gd || !box) {{ done(null); return; }}
const before = gd.data;
const t0 = performance.now();
gd.on('plotly_afterplot', () => {{ if (gd.data !== before) done(performance.now() - t0); }});
box.click();
setTimeout(() => done(-1), 20000);
"""


def _wait(driver: Any, expression: str, timeout_s: float) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:  # a page busy drawing answers late
            value = driver.execute_script(f"return {expression}")
        except WebDriverException:
            value = None
        if value is not None:
            return value
        time.sleep(0.05)
    return None


def chart_load(url: str, runs: int, timeout_s: float = 60) -> dict[str, Any]:
    """Median ms from navigation until any plotly chart is drawn, and the bytes of the last load."""
    drawn: list[float] = []
    last: dict[str, Any] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            driver = _driver(profile)
            try:
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
                driver.set_page_load_timeout(timeout_s)
                driver.get(url)
                value = _wait(driver, "window.__chartDrawn || null", timeout_s)
                drawn.append(float("inf") if value is None else float(value))
                time.sleep(0.3)
                last = driver.execute_script(TRANSFERRED)
                last["console"] = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
            finally:
                driver.quit()
    return {"ms": statistics.median(drawn), "all_ms": drawn, **last}


def export_file(events: Path, folder: Path) -> dict[str, Any]:
    """`frt-timeline export` of every event to a self-contained HTML file: its size, the part that is the
    figure and the events' details (the rest is plotly.js and the page's scripts), and gzipped."""
    from dashboard.export import Export, write
    from dashboard.view.dataset import load_dataset
    from dashboard.view.shown import resolve

    out = folder / "export.html"
    dataset = load_dataset(events)
    started = time.perf_counter()
    write(Export(resolve("", dataset), out))
    write_ms = (time.perf_counter() - started) * 1000
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    blocks = text.split('type="application/json"')[1:]
    data = sum(len(block.split("</script>", 1)[0].encode()) for block in blocks)
    return {"path": out, "bytes": len(raw), "data_bytes": data, "gzip": len(gzip.compress(raw, 6)),
            "write_ms": write_ms}


def filter_change(url: str, categories: list[str], timeout_s: float = 60) -> dict[str, Any]:
    """For each category (a view the server has not been asked for: a cache miss), load the page, wait
    for the chart, untick the category and time it from the click until plotly has drawn the new figure."""
    times: list[float] = []
    for value in categories:
        with tempfile.TemporaryDirectory() as profile:
            driver = _driver(profile)
            try:
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
                driver.set_script_timeout(30)
                driver.get(url)
                if _wait(driver, "window.__chartDrawn || null", timeout_s) is None:
                    times.append(float("inf"))
                    continue
                time.sleep(1.0)  # the table and the other callbacks of the first load settle
                ms = driver.execute_async_script(FILTER_CHANGE, value)
                times.append(float("inf") if ms is None or ms < 0 else float(ms))
            finally:
                driver.quit()
    return {"ms": statistics.median(times), "all_ms": times}
