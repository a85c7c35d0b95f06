"""Only the app's own paths answer: unknown paths are 404 (Dash's catch-all would serve the whole app at any
path), and only /embed and its files may be framed by other sites (never the app, never below /embed)."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.web import security
from tests.conftest import DATA


@pytest.fixture(scope="module")
def client():
    return create_app(DATA / "valid.csv").server.test_client()


def framed_by_anyone(response) -> bool:
    policy = response.headers["Content-Security-Policy"]
    return "frame-ancestors *" in policy and "X-Frame-Options" not in response.headers


@pytest.mark.parametrize("path", ["/nonexistent", "/embed/x/y?company=IBM", "/embed/x/", "/index.html",
                                  "/api", "/api/nope.json", "/_dash-layout/x", "/%2e%2e/etc/passwd"])
def test_unknown_paths_are_404_without_the_app(client, path):
    response = client.get(path)
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "_dash-config" not in body and "DashRenderer" not in body
    assert not framed_by_anyone(response)


def test_below_embed_nothing_is_frameable_but_its_files(client):
    assert framed_by_anyone(client.get("/embed?company=IBM"))
    assert framed_by_anyone(client.get("/embed/embed.css"))
    nested = client.get("/embed/x/y?company=IBM")
    assert nested.status_code == 404 and nested.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in nested.headers["Content-Security-Policy"]


def test_the_app_itself_is_served_at_its_root_only_and_never_framed_by_others(client):
    page = client.get("/")
    assert page.status_code == 200 and "DashRenderer" in page.get_data(as_text=True)
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_frameable_path_takes_a_path_and_the_files_directly_below_it():
    paths = ("/embed",)
    assert security.frameable_path("/embed", paths) and security.frameable_path("/embed/a.js", paths)
    for path in ("/embed/x/y", "/embedded", "/", "/embed/x/"):
        assert not security.frameable_path(path, paths), path
