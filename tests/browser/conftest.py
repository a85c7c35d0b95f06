"""Browser-test helpers: start the app on a free port (several suites run side by side), axe-core, Chrome
DevTools emulation (viewport, media, language) and key presses."""

from __future__ import annotations

import base64
import os
import random
import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots the tests take; build/ is ignored by git. docs/screenshots/ holds a committed set.
SCREENSHOTS = Path(os.environ.get("FRT_SCREENSHOTS", ROOT / "build" / "screenshots"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# One port per test process, outside the range the kernel hands out for port 0 (free_port(), other programs):
# each test's server in this process answers at the same origin, so Chrome's HTTP cache and its cache of
# compiled scripts keep plotly.js, Dash's renderer and the app's assets (all at fingerprinted addresses) from
# one test to the next. A page load then costs about 0.6 s less. Pages themselves are never taken from the
# cache: see _revalidate_pages.
_ORIGIN_PORTS = random.Random(os.getpid()).sample(range(20_000, 32_000), 20)


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug's server binds
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def origin_port() -> int:
    """This process's port (see _ORIGIN_PORTS), or the next of its spares if something else holds it."""
    return next((p for p in _ORIGIN_PORTS if _bindable(p)), None) or free_port()


def _revalidate_pages(wsgi):
    """WSGI middleware: what the app lets browsers keep for a while at a fixed address (/embed, 5 minutes) is
    revalidated instead (the ETag names the content), since the next test's app, at the same origin (see
    _ORIGIN_PORTS), answers the same address with other data. This holds for 304 answers too (they repeat
    the Cache-Control header). Files at fingerprinted addresses (Dash's component suites, `?v=` and `?m=`
    versions, `immutable` bundles) keep their caching."""

    def app(environ, start_response):
        versioned = (environ.get("PATH_INFO", "").startswith("/_dash-component-suites/")
                     or any(p.startswith(("v=", "m=")) for p in environ.get("QUERY_STRING", "").split("&")))

        def start(status, headers, exc_info=None):
            cache = next((v for k, v in headers if k.lower() == "cache-control"), "")
            if not versioned and "immutable" not in cache and "no-store" not in cache:
                headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
                headers.append(("Cache-Control", "no-cache"))
            return start_response(status, headers, exc_info)

        return wsgi(environ, start)

    return app


class _OneChrome(DashComposite):
    """dash[testing]'s `dash_duo` on one Chrome per test process: each test gets a tab with no emulation,
    media, touch or download settings of its own, no cookies, no session storage and a drained console log,
    instead of a fresh browser, which saves starting and quitting Chrome (2-3 s) per test. The last test's tab
    is reset and kept when that test passed and left nothing a reset cannot undo (see `release_tab`), which
    saves a renderer process per test (about 0.35 s of Chrome's CPU); otherwise a new tab replaces it."""

    driver_of_process = None
    window_size: dict[str, int] = {}
    tab_reusable = False  # set by `release_tab` after each test
    lasting_override = False  # set by a test that changed what a reset cannot undo (accept_language)

    def _try_get_webdriver(self):
        driver = type(self).driver_of_process
        if driver is not None:
            try:
                if type(self).tab_reusable:
                    self._reset_tab(driver)
                else:
                    self._fresh_tab(driver)
                type(self).tab_reusable = type(self).lasting_override = False
                return driver
            except WebDriverException:  # the last test crashed or hung it: start another
                _quit(driver)
        driver = super()._try_get_webdriver()
        if driver is not None:
            type(self).driver_of_process = driver
            type(self).window_size = driver.get_window_size()
        return driver

    def _fresh_tab(self, driver) -> None:
        old = driver.window_handles
        driver.switch_to.new_window("tab")
        tab = driver.current_window_handle
        for handle in old:
            driver.switch_to.window(handle)
            driver.close()
        driver.switch_to.window(tab)
        self._clear(driver)

    def _reset_tab(self, driver) -> None:
        """Undo what a test may have set on its tab (the helpers below set these; what they cannot undo,
        a test marks with `lasting_override`)."""
        driver.switch_to.default_content()
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        self._clear(driver)

    def _clear(self, driver) -> None:
        size = type(self).window_size
        driver.set_window_size(size["width"], size["height"])
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        driver.execute_cdp_cmd("Browser.setDownloadBehavior",  # browser-wide: a test may set its own
                               {"behavior": "allow", "downloadPath": self._download_path})
        driver.get_log("browser")  # what earlier tests logged is theirs

    def release_tab(self, passed: bool) -> None:
        """After a test: leave the tab on about:blank, and keep it for the next test only if the test passed,
        opened no other window, set nothing lasting, and ended on its own server's page (whose session
        storage, an upload's rows, is cleared here) or a blank one."""
        driver = self.driver
        reusable = passed and not type(self).lasting_override and len(driver.window_handles) == 1
        if reusable:
            driver.switch_to.default_content()
            url, own = driver.current_url, self._url.rstrip("/")
            if own and (url == own or url.startswith(own + "/")):
                driver.execute_script("sessionStorage.clear()")
            elif not url.startswith(("about:blank", "data:")):
                reusable = False
        driver.get("about:blank")
        type(self).tab_reusable = reusable

    def __exit__(self, exc_type, exc_val, traceback):
        pass  # the next test reuses the browser; the session's end quits it


def _quit(driver) -> None:
    try:
        driver.quit()
    except WebDriverException:
        pass
    _OneChrome.driver_of_process = None
    _OneChrome.tab_reusable = False


_PASSED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when in ("setup", "call"):
        item.stash[_PASSED] = item.stash.get(_PASSED, True) and report.passed
    return report


@pytest.fixture(scope="session", autouse=True)
def _quit_chrome_at_the_end():
    yield
    if _OneChrome.driver_of_process is not None:
        _quit(_OneChrome.driver_of_process)


@pytest.fixture
def dash_duo(request, dash_thread_server, tmpdir):
    """dash[testing]'s fixture of the same name, on the process's one Chrome (see _OneChrome)."""
    with _OneChrome(
        server=dash_thread_server,
        browser=request.config.getoption("webdriver"),
        remote=request.config.getoption("remote"),
        remote_url=request.config.getoption("remote_url"),
        headless=request.config.getoption("headless"),
        options=request.config.hook.pytest_setup_options(),
        download_path=tmpdir.mkdir("download").strpath,
        percy_assets_root=request.config.getoption("percy_assets"),
        percy_finalize=request.config.getoption("nopercyfinalize"),
        pause=request.config.getoption("pause"),
    ) as dc:
        yield dc
        # Quiet the tab (about:blank) before the app's server thread stops: a request arriving while dash's
        # runner kills the server's threads can leave it waiting forever.
        try:
            dc.release_tab(request.node.stash.get(_PASSED, False))
        except WebDriverException:
            _quit(dc.driver)
        _stop_now(dash_thread_server)


def _stop_now(runner) -> None:
    """What dash's ThreadedRunner.stop does (it raises SystemExit in the server's threads and waits for them),
    without waiting up to 0.5 s for the server to wake from its select(): a connection wakes it at once."""
    if not runner.started:
        return
    runner.thread.kill()
    try:
        socket.create_connection(("127.0.0.1", runner.port), timeout=1).close()
    except OSError:
        pass
    runner.thread.join(timeout=runner.stop_timeout)
    if runner.thread.is_alive():
        return  # dash's own stop, after the test, tries again and says so
    runner.started = False


@pytest.fixture
def serve(dash_duo):
    """serve(app, path) starts `app` on a free port in a thread, in a 1280 x 1000 window, opens `path` (a page
    of the Dash app; None: open nothing, for a test that emulates a device first or opens /embed) and returns
    dash_duo."""

    def start(app, path: str | None = "/"):
        # a desktop window: filters beside the chart, not in the drawer
        dash_duo.driver.set_window_size(1280, 1000)
        app.server.wsgi_app = _revalidate_pages(app.server.wsgi_app)
        dash_duo.start_server(app, navigate=False, port=origin_port())
        dash_duo._url = dash_duo.server.url  # dash_duo.server_url without its page load
        if path is not None:  # one page load: the test's own URL, not "/" first
            dash_duo.wait_for_page(dash_duo.server_url + path)
        return dash_duo

    return start


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the signature is the standard library's)
        pass


@pytest.fixture
def other_site(tmp_path):
    """publish(name, html) puts a page on a second local web server (another origin, like a reader's blog)
    and returns its URL."""
    root = tmp_path / "other-site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def publish(name: str, html: str) -> str:
        (root / name).write_text(html, encoding="utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/{name}"

    yield publish
    server.shutdown()
    server.server_close()

@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` in the repository root (.ci/run does) to install "
                    "axe-core")
    return AXE.read_text(encoding="utf-8")


def axe_violations(driver, source: str, *, within: tuple[str, ...] = ()) -> list[dict]:
    """Inject axe-core into the page and run every rule it runs by default (WCAG A/AA and best practices),
    and WCAG 2.2's target-size (24 px targets or room around them), which axe leaves off by default.
    `within`: CSS selectors of the only parts to audit, when the rest of the page was audited in the same
    state already (axe's contrast checks are the slow part)."""
    if not driver.execute_script("return !!window.axe"):  # once per page: the source is 0.5 MB
        driver.execute_script(source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const context = arguments[0].length ? {include: arguments[0].map(s => [s])} : document;"
        "axe.run(context, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}).then("
        "  r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))),"
        "  e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));",
        list(within),
    )


# DevTools commands whose effect outlives the page and that a tab reset does not undo: the next test gets a
# new tab (a script added here would run in every page the tab opens, such as test_predraw's Plotly counter).
LASTING = frozenset({"Page.addScriptToEvaluateOnNewDocument", "Emulation.setUserAgentOverride"})


def cdp(dash_duo, command: str, params: dict | None = None) -> dict:
    if command in LASTING:
        _OneChrome.lasting_override = True
    return dash_duo.driver.execute_cdp_cmd(command, params or {})


def emulate_media(dash_duo, media: str = "", **features: str) -> None:
    """CSS media type ('print', 'screen' or '') and features such as prefers_color_scheme='dark'."""
    cdp(dash_duo, "Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": k.replace("_", "-"), "value": v} for k, v in features.items()]})


def viewport(dash_duo, width: int, height: int = 900, *, mobile: bool | None = None) -> None:
    mobile = width < 700 if mobile is None else mobile
    cdp(dash_duo, "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    cdp(dash_duo, "Emulation.setTouchEmulationEnabled", {"enabled": mobile, "maxTouchPoints": 5})


def full_page_screenshot(dash_duo, path: Path, *, max_height: int = 3000) -> None:
    """The whole page (up to max_height px) as it lays out in the current viewport, as a PNG."""
    size = cdp(dash_duo, "Page.getLayoutMetrics")["cssContentSize"]
    shot = cdp(dash_duo, "Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height),
                 "scale": 1}})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


def accept_language(dash_duo, language: str) -> None:
    """What navigator.languages says (the reader's language preference)."""
    agent = dash_duo.driver.execute_script("return navigator.userAgent")
    cdp(dash_duo, "Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": language})


def press(dash_duo, *keys: str) -> None:
    """Key presses sent to whatever has focus, as a keyboard user types them."""
    ActionChains(dash_duo.driver).send_keys(*keys).perform()


def active(dash_duo, script: str = "e => e.id"):
    """Evaluate `script` on document.activeElement."""
    return dash_duo.driver.execute_script(f"return ({script})(document.activeElement)")


def tab_to(dash_duo, selector: str, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    seen = []
    for _ in range(limit):
        if backwards:
            ActionChains(dash_duo.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            press(dash_duo, Keys.TAB)
        reached = dash_duo.driver.execute_script(  # one round trip: null there, else where focus is
            "const e = document.activeElement; return e.matches(arguments[0]) ? null"
            " : e.tagName + '#' + e.id + ' ' + (e.textContent || '').slice(0, 20)", selector)
        if reached is None:
            return
        seen.append(reached)
    raise AssertionError(f"{limit} Tab presses never reached {selector}; focus went to {seen[:30]}")


def wait_for_focus(dash_duo, script: str, expected) -> None:
    try:
        until(lambda: active(dash_duo, script) == expected, timeout=10)
    except Exception as exc:
        found = active(dash_duo, "e => e.tagName + '#' + e.id + ' ' + (e.textContent || '').slice(0, 40)")
        raise AssertionError(f"focus never matched {expected!r}: it is on {found}") from exc


def click_row(dash_duo, event_id: str) -> None:
    """Click an event in the table as a reader would: once the page has settled (the table renders after the
    chart, from its own callback), then wait until the table shows that event selected."""
    until(dash_duo._wait_for_callbacks, timeout=30)
    row = f'.events-table tr[data-event="{event_id}"]'
    dash_duo.find_element(f"{row} .row-button").click()
    until(lambda: dash_duo.driver.execute_script(
        "const r = document.querySelector(arguments[0]);"
        " return !!r && r.classList.contains('selected')", row),
        timeout=30)


def on_plotly_calls(before: str = "", after: str = "") -> str:
    """JavaScript, before any page script: when plotly.js defines `window.Plotly`, each call of its newPlot
    and react runs `before` first and `after` last, with `name`, `gd`, `data` and (after) `done`, the call's
    answer."""
    return """
(function () {
  var plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get: function () { return plotly; },
    set: function (P) {
      plotly = P;
      ['newPlot', 'react'].forEach(function (name) {
        var call = P[name];
        P[name] = function (gd, data) {
          /* before */
          var done = call.apply(this, arguments);
          /* after */
          return done;
        };
      });
    }});
})();
""".replace("/* before */", before).replace("/* after */", after)


# Before any page script: count plotly's draws of the chart (each Plotly.newPlot/react call with data that
# reaches plotly: the first drawing's frame, drawn with no data to settle the margins, is not one; and every
# `plotly_beforeplot`, which plotly fires at the start of each full redraw), its redraws after the first draw
# (`plotly_afterplot`: a resize to the same size redrew the whole chart), and every animation frame after the
# chart first showed data in which no chart with data is on screen.
PLOTLY_DRAWS = """
(function () {
  var log = window.__draws = {calls: 0, beforeplot: 0, afterplot: 0, shown: false, blank: 0};
  window.__watch = function (gd) {
    if (gd.__counted || typeof gd.on !== 'function') return;
    gd.__counted = true;
    gd.on('plotly_beforeplot', function () { log.beforeplot++; });
    gd.on('plotly_afterplot', function () { log.afterplot++; });  // any redraw, a resize's too
  };
  function frame() {
    // a marker on screen (plotly leaves those out of the window's range in the DOM, undisplayed)
    var drawn = [].some.call(document.querySelectorAll('.js-plotly-plot .scatterlayer .trace .point'),
                             function (p) { return p.getBoundingClientRect().width > 0; });
    if (drawn) { log.shown = true; } else if (log.shown) { log.blank++; }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
""" + on_plotly_calls(after="""
          var traces = Array.isArray(data) ? data : (data && data.data) || [];
          if (traces.length) {
            window.__draws.calls++;
            Promise.resolve(done).then(function () { window.__watch(gd); });
          }""")
# The chart's labels on the data (key moments, the protest band): how many are shown, and how many of those
# run outside the plot area, cover a lane name, cover a label drawn before them or lie under the modebar's
# buttons (displayed, even while faded out: they appear over the label when the pointer comes).
LABELS = """
const gd = document.querySelector(arguments[0]);
const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
const lanes = [...gd.querySelectorAll('.yaxislayer-above .ytick text')].map(t => t.getBoundingClientRect());
const buttons = [...gd.querySelectorAll('.modebar-btn')].map(b => b.getBoundingClientRect())
  .filter(b => b.width);
const shown = [...gd.querySelectorAll('.annotation')]
  .filter(a => getComputedStyle(a).visibility !== 'hidden')
  .filter(a => gd._fullLayout.annotations[Number(a.getAttribute('data-index'))].xref === 'x')
  .map(a => (a.querySelector('.annotation-text-g') || a).getBoundingClientRect());
const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
return {shown: shown.length,
        outside: shown.filter(r => r.left < area.left - 1 || r.right > area.right + 1).length,
        over_lanes: shown.filter(r => lanes.some(t => hit(r, t))).length,
        over_labels: shown.filter((r, i) => shown.some((o, j) => j < i && hit(r, o))).length,
        under_modebar: shown.filter(r => buttons.some(b => hit(r, {left: b.left + 1, top: b.top + 1,
                                                                  right: b.right - 1, bottom: b.bottom - 1})))
          .length,
        modebar: buttons.length, lanes: lanes.length};
"""


def chart_labels(dash_duo, chart: str) -> dict[str, int]:
    """LABELS for the Plotly chart at the CSS selector `chart` (the app's graph or an embed's)."""
    return dash_duo.driver.execute_script(LABELS, chart)
