"""Repeated requests to the pure endpoints are replayed from the cache, byte for byte, per encoding."""

from __future__ import annotations

import gzip

from dashboard.app import create_app
from dashboard.web import responsecache


def test_a_repeated_request_is_replayed_with_the_same_bytes_and_headers(valid_csv):
    client = create_app(valid_csv).server.test_client()
    first = client.get("/api/events.json?company=IBM", headers={"Accept-Encoding": "gzip"})
    second = client.get("/api/events.json?company=IBM", headers={"Accept-Encoding": "gzip"})
    assert "X-Cache" not in first.headers and second.headers["X-Cache"] == "hit"
    assert second.get_data() == first.get_data()
    assert second.headers["Content-Encoding"] == "gzip"
    assert b"ibm-exit" in gzip.decompress(second.get_data())
    assert second.headers["X-Content-Type-Options"] == "nosniff"  # security headers on every answer


def test_the_key_is_the_whole_request(valid_csv):
    client = create_app(valid_csv).server.test_client()
    client.get("/api/events.json?company=IBM")
    assert "X-Cache" not in client.get("/api/events.json?company=Amazon").headers
    plain = client.get("/api/events.json?company=IBM")
    assert plain.headers["X-Cache"] == "hit" and "Content-Encoding" not in plain.headers
    assert (
        "X-Cache"
        not in client.get("/api/events.json?company=IBM", headers={"Accept-Encoding": "gzip"}).headers
    )


def test_callbacks_are_keyed_by_their_body(valid_csv):
    from tests.dash_requests import render_body

    app = create_app(valid_csv)
    client = app.server.test_client()

    def post(search: str):
        return client.post("/_dash-update-component", json=render_body(app, search))

    ibm = post("?company=IBM")
    assert ibm.status_code == 200 and "X-Cache" not in ibm.headers
    assert post("?company=IBM").headers["X-Cache"] == "hit"
    amazon = post("?company=Amazon")
    assert "X-Cache" not in amazon.headers and amazon.get_data() != ibm.get_data()


def test_static_files_and_unknown_paths_are_not_kept(valid_csv):
    client = create_app(valid_csv).server.test_client()
    for _ in range(2):
        response = client.get("/assets/style.css")
    assert "X-Cache" not in response.headers
    client.get("/no-such-page")
    assert "X-Cache" not in client.get("/no-such-page").headers


def test_it_can_be_turned_off(valid_csv, monkeypatch):
    assert responsecache.enabled({}) and not responsecache.enabled({"FRT_RESPONSE_CACHE": "0"})
    monkeypatch.setenv("FRT_RESPONSE_CACHE", "0")
    client = create_app(valid_csv).server.test_client()
    client.get("/api/events.json")
    assert "X-Cache" not in client.get("/api/events.json").headers
