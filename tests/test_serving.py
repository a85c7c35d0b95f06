"""Delivery: the partial plotly.js bundle instead of the full one, no dash_table script, compressed
responses, static files compressed once."""

from __future__ import annotations

import gzip
import re

import pytest

from dashboard.app import create_app
from dashboard.web.serving import (
    COMPILE_HINT,
    PLOTLY_BUNDLE,
    StaticOnlyCache,
    compress_cache_key,
    swap_polyfill,
)


@pytest.fixture
def client(valid_csv):
    return create_app(valid_csv).server.test_client()


def scripts(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_page_loads_the_partial_plotly_bundle_not_the_full_one(client):
    srcs = scripts(client)
    bundle = [s for s in srcs if "vendor/plotly-timeline" in s]
    assert len(bundle) == 1
    assert not any("plotly.min.js" in s or "package_data/plotly" in s for s in srcs)
    body = client.get(bundle[0]).get_data()
    assert b"plotly.js (timeline - minified)" in body[:200] and b"window.Plotly = Plotly" in body
    # it comes before the Dash renderer, so dcc.Graph finds window.Plotly and never fetches the full bundle
    assert srcs.index(bundle[0]) < next(i for i, s in enumerate(srcs) if "dash_renderer" in s)


def test_every_script_of_the_page_and_the_embed_is_compiled_whole_as_it_streams_in(client):
    """Each starts with V8's compile hint, so the browser compiles it on a background thread while it
    downloads, not function by function on the main thread as the page starts (Dash's files get it as they
    are served, compressed or not; a rebuilt plotly.js bundle keeps it)."""
    page = scripts(client)
    embed = re.findall(r'<script src="([^"]+)"', client.get("/embed").get_data(as_text=True))
    assert len(page) > 15 and len(embed) >= 4
    for src in page + embed:
        for encoding in ("identity", "gzip"):
            response = client.get(src, headers={"Accept-Encoding": encoding})
            assert response.status_code == 200, src
            body = response.get_data()
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            assert body.startswith(COMPILE_HINT), (src, encoding)


def test_a_script_asked_for_in_part_or_by_head_agrees_with_the_whole(client):
    """A Range request (a resumed download) gets the bytes the full response sends, and a HEAD request its
    length: the compile hint is in the asset files themselves, and added to Dash's files for either method."""
    srcs = scripts(client)
    asset = next(s for s in srcs if "/assets/" in s)
    whole = client.get(asset, headers={"Accept-Encoding": "identity"}).get_data()
    part = client.get(asset, headers={"Range": "bytes=0-99", "Accept-Encoding": "identity"})
    assert part.status_code == 206 and part.get_data() == whole[:100]
    assert int(part.headers["Content-Range"].rsplit("/", 1)[1]) == len(whole)
    react = next(s for s in srcs if "react-dom" in s)
    plain = {"Accept-Encoding": "identity"}
    length = len(client.get(react, headers=plain).get_data())
    assert int(client.head(react, headers=plain).headers["Content-Length"]) == length


def test_no_dash_table_script(client):
    assert not any("dash_table" in s for s in scripts(client))


def test_the_page_loads_regenerator_runtime_in_place_of_dashs_babel_polyfill(client):
    """Dash's renderer calls `regeneratorRuntime`; the rest of Dash's polyfill (core-js 2, for browsers older
    than those plotly.js 4 runs in) was 74 KB more to fetch and run at every load. The runtime comes where the
    polyfill came: before React and Dash's renderer (the browser tests run the page on it)."""
    srcs = scripts(client)
    assert not any("polyfill@" in s for s in srcs), srcs
    runtime = [i for i, s in enumerate(srcs) if "/vendor/regenerator-runtime." in s]
    assert len(runtime) == 1, srcs
    assert runtime[0] < min(i for i, s in enumerate(srcs) if "/react@" in s or "dash_renderer" in s)
    assert b"regeneratorRuntime = runtime" in client.get(srcs[runtime[0]]).get_data()


def test_a_dash_without_the_polyfill_keeps_the_runtime_where_it_was():
    tags = ['<script src="/a/react@18.js"></script>',
            '<script src="/d/vendor/regenerator-runtime.v1.js"></script>']
    assert swap_polyfill("\n".join(tags)) == "\n".join(tags)


def test_static_files_are_compressed_once_and_served_from_the_cache(client, monkeypatch):
    import flask_compress.flask_compress as fc

    calls = []
    real = fc._compress_data
    monkeypatch.setattr(fc, "_compress_data", lambda *a: calls.append(a[2]) or real(*a))
    bundle = next(s for s in scripts(client) if "vendor/plotly-timeline" in s)
    first = client.get(bundle, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    assert len(first.get_data()) < 600_000  # 1.2 MB raw
    assert gzip.decompress(first.get_data()).startswith(COMPILE_HINT + b"/**\n* plotly.js (timeline")
    second = client.get(bundle, headers={"Accept-Encoding": "gzip"})
    assert second.get_data() == first.get_data()
    assert calls == ["gzip"]  # the second response came from the cache
    assert first.headers["Cache-Control"] == "max-age=31536000"  # fingerprinted: browsers keep it a year


def test_dynamic_responses_are_compressed_but_never_cached():
    cache = StaticOnlyCache()
    cache.set("gzip;dynamic", b"x")
    cache.set("gzip;static:/_dash-component-suites/a.js?", b"y")
    assert cache.get("gzip;dynamic") is None
    assert cache.get("gzip;static:/_dash-component-suites/a.js?") == b"y"


def test_cache_key_separates_static_from_dynamic(valid_csv):
    app = create_app(valid_csv)
    with app.server.test_request_context("/_dash-component-suites/dash/x.js?v=1"):
        from flask import request

        assert compress_cache_key(request).startswith("static:")
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        from flask import request

        assert compress_cache_key(request) == "dynamic"


def test_api_json_is_compressed_for_clients_that_accept_it(client):
    response = client.get("/api/events.json", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert b'"events"' in gzip.decompress(response.get_data())
    assert client.get("/api/events.json").headers.get("Content-Encoding") is None


def test_bundle_path_is_inside_the_package():
    from pathlib import Path

    import dashboard

    assert (Path(dashboard.__file__).parent / PLOTLY_BUNDLE).stat().st_size > 500_000


def test_the_vendored_bundle_is_the_version_plotly_py_ships():
    from pathlib import Path

    from plotly.offline import get_plotlyjs_version

    import dashboard

    head = (Path(dashboard.__file__).parent / PLOTLY_BUNDLE).read_text(encoding="utf-8")[:200]
    assert f"plotly.js (timeline - minified) v{get_plotlyjs_version()}" in head
