"""The `/embed` route: any view as a chart-only page for iframes, the files it loads, and its framing policy.

`/embed` takes the page's parameters plus `height`, `theme`, `legend` and `title` (see urlstate). It is a
plain HTML page with plotly.js and a small script (no Dash renderer, no callbacks), so it loads much less
than the full app. Unlike the rest of the app, which only the app itself may frame, other sites may frame it
(security.py sets that policy, `--frame-ancestors` narrows it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import parse_qs

from flask import Blueprint, Flask, Response, request
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from dashboard.text.describe import embed_title
from dashboard.view import urlstate
from dashboard.web import urls
from dashboard.web.embed import page as embedpage
from dashboard.web.embed.oembed import discovery_link
from dashboard.web.state import request_shown

BLUEPRINT = "embed"
PAGE_CACHE = 64  # rendered /embed pages kept per process (at most about 230 KB each)
STATIC = Path(__file__).resolve().parents[2] / "static"  # dashboard/static
# The page's partial plotly.js (web/serving.py, scripts/plotly_bundle.sh): scatter and heatmap traces, the
# heatmap being the level of detail's density lanes for views of many events.
TIMELINE = STATIC.parent / "vendor" / "plotly-timeline.min.js"
TIMELINE_TRACES = frozenset({"scatter", "heatmap"})
BUNDLES = {"timeline": TIMELINE}
# Bundles that embed pages of earlier versions name (an embed page is cached for 5 minutes, and during a
# rolling deploy an old server's page may ask a new one): the timeline bundle draws what they drew.
FORMER_KINDS = ("basic", "cartesian")


@cache
def _bundle(kind: str) -> Path | None:
    """A vendored partial plotly.js when it is the version plotly.py's figures are written for, else None
    (and the full bundle is used)."""
    path = BUNDLES[kind]
    try:
        with open(path, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return None
    match = re.search(rb"plotly\.js \((\w+) - minified\) v(\d+\.\d+\.\d+)", head)
    ok = match is not None and match[1].decode() == kind and match[2].decode() == get_plotlyjs_version()
    return path if ok else None


def bundle_kind(trace_types: Iterable[str] = ()) -> str:
    """The bundle that draws these trace types: 'timeline' (the app's own), or 'full' for any other trace
    type or when the vendored bundle is not plotly.py's version."""
    if set(trace_types) <= TIMELINE_TRACES and _bundle("timeline"):
        return "timeline"
    return "full"


def figure_trace_types(figure_json: str) -> set[str]:
    """The trace types of a figure given as plotly JSON (a trace without a type is a scatter)."""
    return {trace.get("type") or "scatter" for trace in json.loads(figure_json).get("data", [])}


def plotly_js(trace_types: Iterable[str] = ()) -> str:
    """plotly.js for pages outside the app: the smallest vendored bundle that draws `trace_types`, else
    plotly.py's full one."""
    kind = bundle_kind(trace_types)
    path = _bundle(kind) if kind != "full" else None
    return path.read_text(encoding="utf-8") if path else get_plotlyjs()


def plotly_path(trace_types: Iterable[str] = ()) -> str:
    """The versioned path of plotly.js for embeds, so browsers may cache it for good."""
    kind = bundle_kind(trace_types)
    return f"/embed/plotly-{get_plotlyjs_version()}{'' if kind == 'full' else '-' + kind}.min.js"


@lru_cache(maxsize=3)
def _plotly(kind: str) -> tuple[bytes, bytes]:
    """plotly.js, and gzipped once per process (the timeline bundle: 1.2 MB -> 0.4 MB; full: 4.8 MB ->
    1.4 MB)."""
    path = _bundle(kind) if kind != "full" else None
    body = (path.read_text(encoding="utf-8") if path else get_plotlyjs()).encode("utf-8")
    return body, gzip.compress(body, compresslevel=6, mtime=0)


@cache
def _static(name: str) -> tuple[bytes, str]:
    body = (STATIC / name).read_bytes()
    return body, hashlib.sha256(body).hexdigest()[:12]


def _respond(body: bytes, mimetype: str, *, cache: str, gzipped: bytes | None = None) -> Response:
    """A response that is gzipped when the client accepts it; conditional (ETag) and cacheable."""
    use_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    if use_gzip and gzipped is None and len(body) > 1024:
        gzipped = gzip.compress(body, compresslevel=6, mtime=0)
    response = Response(gzipped if use_gzip and gzipped is not None else body, mimetype=mimetype)
    if use_gzip and gzipped is not None:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = cache
    response.add_etag()
    response.make_conditional(request)  # 304 when the ETag matches
    return response


def register_embed(server: Flask) -> None:
    """Add `/embed` and its files to `server` (security.install makes them frameable by other sites).
    `/embed?step=N` shows step N of the guided tour, with its title and highlighted events."""
    bp = Blueprint(BLUEPRINT, __name__)

    @lru_cache(maxsize=PAGE_CACHE)
    def render(root: str, prefix: str, url: str, query: str) -> tuple[bytes, bytes]:
        """The page (and its gzip) for one address; cached, since the data never changes while serving."""
        args = parse_qs(query, keep_blank_values=True)
        shown = request_shown(args)
        options, more = urlstate.parse_embed(args)
        head = discovery_link(url, root, embed_title(shown))
        content = embedpage.view_page(shown, options, root=root, notices=more, head=head)
        html = embedpage.document(
            content,
            css=embedpage.Asset(url=f"{prefix}/embed/embed.css?v={_static('embed.css')[1]}"),
            plotly=embedpage.Asset(url=prefix + plotly_path(figure_trace_types(content.figure_json))),
            scripts=[embedpage.Asset(url=f"{prefix}/embed/{name}?v={_static(name)[1]}")
                     for name in embedpage.SCRIPTS],
        ).encode("utf-8")
        return html, gzip.compress(html, compresslevel=6, mtime=0)

    @bp.get("/embed")
    def page() -> Response:
        query = request.query_string.decode("utf-8", "replace")
        html, gzipped = render(urls.root(), request.script_root, urls.here(), query)
        return _respond(html, "text/html", cache="public, max-age=300", gzipped=gzipped)

    @bp.get("/embed/<name>")
    def files(name: str) -> Response:
        bundles = {plotly_path(kinds).rsplit("/", 1)[1]: bundle_kind(kinds)
                   for kinds in ((), ("heatmap",))}
        if bundle_kind() == "timeline":
            bundles |= {f"plotly-{get_plotlyjs_version()}-{kind}.min.js": "timeline" for kind in FORMER_KINDS}
        if name in bundles:
            body, gzipped = _plotly(bundles[name])
            return _respond(body, "text/javascript", cache="public, max-age=31536000, immutable",
                            gzipped=gzipped)
        kinds = {**{name: "text/javascript" for name in embedpage.SCRIPTS}, "resize.js": "text/javascript",
                 "embed.css": "text/css"}
        if name not in kinds:
            return Response("Not found", status=404, mimetype="text/plain")
        # resize.js has a fixed address (it is pasted into other sites), so it is cached for a day only.
        max_age = 86400 if name == "resize.js" else 31536000
        return _respond(_static(name)[0], kinds[name], cache=f"public, max-age={max_age}")

    server.register_blueprint(bp)
