"""A forged Host header can neither poison the response cache nor name another site in a page: absolute URLs
come from the configured public URL (`FRT_PUBLIC_URL`), and TRUSTED_HOSTS refuses other hosts."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.web import urls
from tests.conftest import DATA

VIEW = "/?company=Amazon&x=1"
EVIL = "attacker.example"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.delenv("FRT_PUBLIC_URL", raising=False)
    monkeypatch.delenv("FRT_TRUSTED_HOSTS", raising=False)
    return create_app(DATA / "valid.csv").server.test_client()


def test_a_forged_host_does_not_reach_the_next_reader_of_the_page(client):
    forged = client.get(VIEW, headers={"Host": EVIL})
    assert forged.status_code == 200
    for _ in range(2):  # a later reader, with the app's own host, never gets the forged page from the cache
        page = client.get(VIEW).get_data(as_text=True)
        assert EVIL not in page and 'href="http://localhost/oembed?' in page


def test_a_forged_host_does_not_reach_the_next_reader_of_api_and_callbacks(client):
    client.get("/api/events.json?company=IBM", headers={"Host": EVIL})
    assert "X-Cache" not in client.get("/api/events.json?company=IBM").headers  # another entry


@pytest.fixture
def public(monkeypatch):
    monkeypatch.setenv("FRT_PUBLIC_URL", "https://timeline.example.org/frt")
    monkeypatch.delenv("FRT_TRUSTED_HOSTS", raising=False)
    return create_app(DATA / "valid.csv").server.test_client()


def test_with_a_public_url_pages_name_it_whatever_the_host(public):
    page = public.get(VIEW, headers={"Host": EVIL}).get_data(as_text=True)
    assert EVIL not in page
    link = 'href="https://timeline.example.org/frt/oembed?url=https%3A%2F%2Ftimeline.example.org%2Ffrt%2F%3F'
    assert link in page
    embed = public.get("/embed?company=IBM", headers={"Host": EVIL}).get_data(as_text=True)
    assert EVIL not in embed and "https://timeline.example.org/frt/oembed?" in embed
    answer = public.get("/oembed", query_string={"url": "https://timeline.example.org/frt/?company=IBM"},
                        headers={"Host": EVIL}).get_json()
    assert answer["provider_url"] == "https://timeline.example.org/frt/"
    assert 'src="https://timeline.example.org/frt/embed?company=IBM' in answer["html"]
    assert EVIL not in answer["html"]
    forged_view = public.get("/oembed", query_string={"url": f"http://{EVIL}/?company=IBM"},
                             headers={"Host": EVIL})
    assert forged_view.status_code == 404  # a view of another site is not a view of this app


def test_trusted_hosts_refuse_any_other_host(monkeypatch):
    monkeypatch.setenv("FRT_TRUSTED_HOSTS", "timeline.example.org, .example.net")
    client = create_app(DATA / "valid.csv").server.test_client()
    for host in ("timeline.example.org", "www.example.net"):
        assert client.get(VIEW, headers={"Host": host}).status_code == 200
    for path in (VIEW, "/api/events.json", "/embed"):
        refused = client.get(path, headers={"Host": EVIL})
        assert refused.status_code == 400 and "oembed" not in refused.get_data(as_text=True)
    assert create_app(DATA / "valid.csv", trusted_hosts="").server.test_client().get(
        "/", headers={"Host": EVIL}).status_code == 200  # an empty argument: any host


@pytest.mark.parametrize("value", ["ftp://example.org/", "https://", "https://example.org/?x=1",
                                   "https://example.org/#top", "example.org", "https://user@example.org/",
                                   "https://exa\u202emple.org/"])
def test_a_public_url_must_be_an_http_root(value):
    with pytest.raises(ValueError, match="not a public address"):
        urls.parse_public_url(value)


def test_a_public_url_is_normalised_to_its_root():
    assert urls.parse_public_url("HTTPS://Timeline.Example.org/frt") == "https://timeline.example.org/frt/"
    assert urls.parse_public_url("  ") is None
    assert urls.parse_trusted_hosts("a.org, .b.org c.org") == ["a.org", ".b.org", "c.org"]
