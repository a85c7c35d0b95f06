"""Remake the committed first-screen screenshots in docs/screenshots/ with headless Chromium.

    python3 scripts/screenshots.py [NAME ...]   # default: light dark tour-step phone embed 1280 768 375

Starts the app on the bundled data (this checkout's package) on a free port, opens each view at its
size, waits until the page stops changing, and writes docs/screenshots/NAME.png. light/dark/tour-step/phone
are the first screen (the viewport); 1280/768/375 and embed are the whole page (up to 3000 px tall). The
embed-320/480/1000 images come from tests/browser/test_embed_layout.py (FRT_SCREENSHOTS=docs/screenshots).
Run optipng after.
"""
from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
# name: (path, width, height, mobile, whole page)
SHOTS: dict[str, tuple[str, int, int, bool, bool]] = {
    "light": ("/?theme=light", 1280, 800, False, False),
    "dark": ("/?theme=dark", 1280, 800, False, False),
    "tour-step": ("/?step=6&theme=light", 1280, 800, False, False),
    "phone": ("/?theme=light", 375, 740, True, False),
    "embed": ("/embed?theme=light", 640, 480, False, True),
    "1280": ("/?theme=light", 1280, 800, False, True),
    "768": ("/?theme=light", 768, 1024, False, True),
    "375": ("/?theme=light", 375, 740, True, True),
}
# True once a chart is drawn and nothing in the page has changed for 700 ms.
SETTLED = """
if (!window.shotChanged) { window.shotChanged = performance.now();
  new MutationObserver(() => { window.shotChanged = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true}); }
return document.querySelector('.main-svg') !== null && performance.now() - window.shotChanged > 700;"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def browser() -> webdriver.Chrome:
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--disable-background-networking", "--no-first-run", "--disable-sync",
                "--lang=en-GB"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options)


def settle(driver: webdriver.Chrome, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if driver.execute_script(SETTLED):
                return
        except Exception:  # the page is still loading
            pass
        time.sleep(0.2)


def shoot(base: str, name: str) -> None:
    path, width, height, mobile, whole = SHOTS[name]
    driver = browser()
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        if mobile:
            driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled",
                                   {"enabled": True, "maxTouchPoints": 1})
        driver.get(base + path)
        settle(driver, 20)
        # No classic scrollbar eating 15 px of the width (phones and most laptops overlay theirs).
        driver.execute_script("document.documentElement.style.scrollbarWidth = 'none';"
                              "window.shotChanged = performance.now();")
        settle(driver, 10)
        params: dict = {"format": "png"}
        if whole:
            size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
            params.update(captureBeyondViewport=True, clip={
                "x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 3000), "scale": 1})
        data = driver.execute_cdp_cmd("Page.captureScreenshot", params)["data"]
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{name}.png").write_bytes(base64.b64decode(data))
        print(f"wrote docs/screenshots/{name}.png ({width}x{height}{', whole page' if whole else ''})")
    finally:
        driver.quit()


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in SHOTS]
    if unknown:
        print(f"unknown screenshot(s): {', '.join(unknown)}; known: {', '.join(SHOTS)}", file=sys.stderr)
        return 2
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        for name in names or list(SHOTS):
            shoot(base, name)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
