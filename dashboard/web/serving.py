"""How the page is delivered: compressed responses (each static file compressed once, not per request),
a partial plotly.js bundle with only the trace types the app draws, no script the page does not use, and
every script compiled whole, off the main thread.
"""

from __future__ import annotations

import threading
from typing import Any

from dash import Dash
from flask import Request, Response, request
from flask_compress import Compress

# plotly.js with every layout component and the only trace types the app draws, scatter and heatmap, built
# by scripts/plotly_bundle.sh from the npm package at the version plotly.py ships (1.2 MB; it evaluates in
# about a quarter of the time of plotly.js-cartesian-dist-min, which also registers box, histogram, contour,
# violin, image...). /embed and exported files load the same file. dcc.Graph uses `window.Plotly` when a page
# defines it, so the 4.8 MB full bundle (loaded on demand from `window._dashPlotlyJSURL`) is never requested.
PLOTLY_BUNDLE = "vendor/plotly-timeline.min.js"
LABELS_SCRIPT = "static/labels.js"
DRAW_SCRIPT = "static/draw.js"
STATIC_PREFIXES = ("/_dash-component-suites/",)
# Dash's packages' files. Not /assets/: Flask answers a Range request for an asset from the file itself, so
# a hint added to full responses only would make the two disagree; the assets carry it in their files.
HINTED_PREFIXES = ("/_dash-component-suites/",)
STATIC_KEY = "static:"
UNUSED_SCRIPTS = ("/dash_table/",)  # the page has no DataTable
# Dash's babel polyfill (99 KB: core-js 2, for browsers older than 2018, and regenerator-runtime) is replaced
# by regenerator-runtime alone (25 KB, scripts/regenerator_runtime.sh), the one part Dash's renderer calls in
# the browsers plotly.js 4 runs in. The polyfill took 40-50 ms of the page's main thread at load here.
DASH_POLYFILL = "/dash/deps/polyfill@"
REGENERATOR_RUNTIME = "vendor/regenerator-runtime.js"
# V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every function of the file
# while it streams in, on a background thread, instead of each one on the main thread at its first call. Our
# own scripts (dashboard/static, the vendored plotly.js, assets/) start with it; Dash's get it as served.
COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"


class StaticOnlyCache:
    """flask-compress cache backend that keeps compressed static files (keyed by their fingerprinted URL,
    so a new version is a new key) and never a dynamic response. Bounded: static URLs are few."""

    def __init__(self, limit: int = 64) -> None:
        self._store: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._limit = limit

    def get(self, key: str) -> bytes | None:
        return self._store.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.partition(";")[2].startswith(STATIC_KEY):
            with self._lock:
                if key in self._store or len(self._store) < self._limit:
                    self._store[key] = value


def compress_cache_key(request: Request) -> str:
    """Static component-suite files are cached by URL; anything else is compressed per response."""
    if request.method == "GET" and request.path.startswith(STATIC_PREFIXES):
        return STATIC_KEY + request.full_path
    return "dynamic"


def enable_compression(app: Dash) -> None:
    """br, zstd or gzip, as the client accepts; responses under 500 bytes are sent as they are."""
    server = app.server
    server.config.setdefault("COMPRESS_CACHE_BACKEND", StaticOnlyCache)
    server.config.setdefault("COMPRESS_CACHE_KEY", compress_cache_key)
    server.config.setdefault(
        "COMPRESS_MIMETYPES",
        [
            "text/html",
            "text/css",
            "text/csv",
            "application/json",
            "application/javascript",
            "text/javascript",
        ],
    )
    Compress(server)


def compile_eagerly(app: Dash) -> None:
    """Dash's scripts (React, its renderer, its components) start with COMPILE_HINT. Their
    first run builds the whole page, so nearly every function is called at load; compiled lazily, on the
    main thread, they held it ~0.1 s longer on this machine (Lighthouse's total blocking time on `/`:
    ~2.6 s -> ~1.9 s with our own scripts hinted too). Registered after flask-compress, so it runs before
    it: the hinted file is the one compressed and cached."""

    @app.server.after_request
    def hint(response: Response) -> Response:
        if (request.method in ("GET", "HEAD") and response.status_code == 200 and request.path.endswith(".js")
                and request.path.startswith(HINTED_PREFIXES)):
            body = response.get_data()
            if not body.startswith(COMPILE_HINT):
                response.set_data(COMPILE_HINT + body)
        return response


def use_partial_plotly(app: Dash) -> None:
    """Serve the partial bundle from the package, before Dash's renderer, as a fingerprinted file."""
    app.scripts.append_script({"relative_package_path": PLOTLY_BUNDLE, "namespace": "dashboard"})


def use_shared_scripts(app: Dash) -> None:
    """Scripts the page shares with /embed and exported pages (dashboard/static): the chart's labels and its
    first drawing."""
    for script in (LABELS_SCRIPT, DRAW_SCRIPT):
        app.scripts.append_script({"relative_package_path": script, "namespace": "dashboard"})


def use_regenerator_runtime(app: Dash) -> None:
    """Serve regenerator-runtime from the package as a fingerprinted file; `swap_polyfill` puts its tag in
    the place of Dash's polyfill."""
    app.scripts.append_script({"relative_package_path": REGENERATOR_RUNTIME, "namespace": "dashboard"})


def swap_polyfill(scripts: str) -> str:
    """Dash's polyfill tag replaced by regenerator-runtime's, in its place (before React and Dash's renderer).
    Left as it is if either is missing (a Dash without the polyfill keeps regenerator-runtime's tag)."""
    lines = scripts.split("\n")
    ours = [line for line in lines if REGENERATOR_RUNTIME.rsplit(".", 1)[0] + "." in line]
    if not ours or not any(DASH_POLYFILL in line for line in lines):
        return scripts
    return "\n".join(ours[0] if DASH_POLYFILL in line else line for line in lines if line not in ours)


def drop_unused_scripts(app: Dash) -> None:
    """Leave out the script tags of component libraries the page does not use (dash_table), and load
    regenerator-runtime in the place of Dash's polyfill."""
    interpolate = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        scripts = swap_polyfill(kwargs.get("scripts", ""))
        kwargs["scripts"] = "\n".join(
            line for line in scripts.split("\n") if not any(name in line for name in UNUSED_SCRIPTS)
        )
        return interpolate(**kwargs)

    app.interpolate_index = interpolate_index  # type: ignore[method-assign, assignment]


def serve_favicon(app: Dash) -> None:
    """`/favicon.ico`, which browsers ask for on pages that name no icon (/embed): Dash's own icon,
    instead of a 404 in the console (unknown paths are 404 since Dash's catch-all route no longer answers)."""
    app.server.add_url_rule("/favicon.ico", "favicon", lambda: app._serve_default_favicon())


ROBOTS_TXT = """# frt-timeline: every view of the timeline may be indexed; its callbacks are not pages.
User-agent: *
Allow: /
Disallow: /_dash-update-component
"""


def serve_robots(app: Dash) -> None:
    """`/robots.txt` as text/plain (crawlers and Lighthouse read it; unknown paths are 404, and before that
    Dash answered it with the app's HTML, which no crawler can parse)."""
    app.server.add_url_rule(
        "/robots.txt", "robots", lambda: Response(ROBOTS_TXT, mimetype="text/plain",
                                                  headers={"Cache-Control": "public, max-age=86400"}))


def optimise_delivery(app: Dash) -> None:
    serve_favicon(app)
    serve_robots(app)
    enable_compression(app)
    compile_eagerly(app)
    use_partial_plotly(app)
    use_shared_scripts(app)
    use_regenerator_runtime(app)
    drop_unused_scripts(app)
