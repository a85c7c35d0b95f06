"""Benchmark: what the full page `/` and the chart-only `/embed` cost a reader, for the same view.

Starts the app under gunicorn on a free port (the bundled events.csv), loads each page several times in
headless Chromium with the cache disabled, and prints medians: requests made, bytes over the wire and
decoded, and the time from navigation until the chart's first marker is drawn.

    python scripts/bench_embed.py [--runs 7] [--view '?company=IBM&start=2020-05-01']

Needs the test extra (selenium) and the server extra (gunicorn), plus Chromium and chromedriver.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from selenium import webdriver

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VIEW = "?company=IBM&company=Amazon&company=Microsoft&start=2020-05-01&end=2020-07-31"
# Runs before any page script: note when the first marker of the chart appears.
WATCH_CHART = """
(function () {
  function check() {
    if (document.querySelector('.scatterlayer .point')) { window.__chartAt = performance.now(); return; }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
"""
TOTALS = """
const nav = performance.getEntriesByType('navigation')[0];
const res = performance.getEntriesByType('resource');
const sum = (xs, k) => xs.reduce((a, x) => a + (x[k] || 0), 0);
return {requests: 1 + res.length, transfer: nav.transferSize + sum(res, 'transferSize'),
        decoded: nav.decodedBodySize + sum(res, 'decodedBodySize'), chart: window.__chartAt,
        html: nav.responseEnd - nav.requestStart, load: nav.loadEventEnd};
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
                             "dashboard.app:server"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/embed", timeout=5).read()
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
            return proc
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.terminate()
                raise SystemExit("the app did not start") from None
            time.sleep(0.2)


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1280,900"):
        options.add_argument(arg)
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_CHART})
    return driver


def measure(driver: webdriver.Chrome, url: str) -> dict[str, float]:
    """One cold load: wait for the chart, then for the network to go quiet, then read the totals."""
    driver.get("about:blank")
    driver.get(url)
    deadline = time.monotonic() + 60
    while driver.execute_script("return window.__chartAt === undefined"):
        if time.monotonic() > deadline:
            raise SystemExit(f"no chart drawn at {url}")
        time.sleep(0.02)
    count, quiet_since = -1, time.monotonic()
    while time.monotonic() - quiet_since < 1.0:  # late requests (Dash callbacks) still count
        now = driver.execute_script("return performance.getEntriesByType('resource').length")
        if now != count:
            count, quiet_since = now, time.monotonic()
        time.sleep(0.1)
    return driver.execute_script(TOTALS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--view", default=DEFAULT_VIEW)
    args = parser.parse_args()
    port = free_port()
    server = start_server(port)
    driver = browser()
    base = f"http://127.0.0.1:{port}"
    pages = {"/ (full app)": base + "/" + args.view, "/embed": base + "/embed" + args.view}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
    try:
        for url in pages.values():  # one warm-up load each (server caches, gzip of plotly.js)
            measure(driver, url)
        for _ in range(args.runs):  # alternate, so background load on the machine hits both alike
            for name, url in pages.items():
                results[name].append(measure(driver, url))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(f"frt-timeline page weight and load time, median of {args.runs} cold loads (cache disabled)")
    print(f"view: {args.view}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, load average {load} at the end; "
          "gunicorn -w 2 on 127.0.0.1; headless Chromium")
    print()
    print(f"{'page':<14}{'requests':>9}{'transferred':>14}{'decoded':>12}{'HTML (ms)':>11}"
          f"{'chart drawn (ms)':>18}{'min-max (ms)':>15}")
    for name in pages:
        charts = [r["chart"] for r in results[name]]
        print(f"{name:<14}{med(name, 'requests'):>9.0f}{med(name, 'transfer') / 1024:>11.0f} KB"
              f"{med(name, 'decoded') / 1024:>9.0f} KB{med(name, 'html'):>11.1f}{med(name, 'chart'):>18.0f}"
              f"{min(charts):>8.0f}-{max(charts):.0f}")
    full, embed = pages
    sooner = med(full, "chart") - med(embed, "chart")
    print()
    print(f"/embed transfers {med(full, 'transfer') / med(embed, 'transfer'):.1f}x fewer bytes in "
          f"{med(full, 'requests') - med(embed, 'requests'):.0f} fewer requests, and draws the chart "
          f"{med(full, 'chart') / med(embed, 'chart'):.1f}x sooner ({sooner:.0f} ms).")


if __name__ == "__main__":
    main()
