"""oEmbed 1.0: the rich JSON response for a view URL, the spec's status codes, discovery links."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from dashboard.app import create_app


@pytest.fixture
def client(valid_csv):
    return create_app(valid_csv).server.test_client()


def ask(client, url: str, **params: str):
    query = "&".join([f"url={quote(url, safe='')}"] + [f"{k}={v}" for k, v in params.items()])
    return client.get("/oembed?" + query)


def test_rich_response_for_a_view_url(client):
    response = ask(client, "http://localhost/?company=IBM&context=0")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "Big tech and facial recognition: IBM"
    assert data["provider_name"] == "frt-timeline" and data["provider_url"] == "http://localhost/"
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    src = unescape(re.search(r'<iframe src="([^"]+)"', data["html"])[1])
    assert src == "http://localhost/embed?company=IBM&context=0"
    assert f'height="{data["height"]}"' in data["html"] and f'width="{data["width"]}"' in data["html"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_embed_urls_are_views_too_and_keep_their_options(client):
    data = ask(client, "http://localhost/embed?company=Amazon&theme=dark&height=300").get_json()
    assert "theme=dark" in data["html"] and "height=300" in data["html"]
    assert data["height"] == 300 + 44


def test_maxwidth_and_maxheight_are_respected(client):
    data = ask(client, "http://localhost/", maxwidth="500", maxheight="320").get_json()
    assert data["width"] == 500 and data["height"] <= 320
    src = unescape(re.search(r'<iframe src="([^"]+)"', data["html"])[1])
    assert parse_qs(urlsplit(src).query)["height"] == [str(320 - 44)]
    tiny = ask(client, "http://localhost/", maxwidth="120", maxheight="100").get_json()
    assert tiny["width"] <= 120 and tiny["height"] <= 100
    ignored = ask(client, "http://localhost/", maxwidth="wide").get_json()
    assert ignored["width"] == 800


@pytest.mark.parametrize("fmt", ["xml", "XML", "yaml"])
def test_formats_other_than_json_are_501(client, fmt):
    assert ask(client, "http://localhost/", format=fmt).status_code == 501


def test_json_format_may_be_asked_for_explicitly(client):
    assert ask(client, "http://localhost/", format="json").status_code == 200


@pytest.mark.parametrize("url", ["http://evil.example/?company=IBM", "http://localhost/api/events.json",
                                 "http://localhost:8051/", "javascript:alert(1)", "not a url"])
def test_urls_that_are_not_views_of_this_app_are_404(client, url):
    assert ask(client, url).status_code == 404


def test_missing_url_is_400(client):
    assert client.get("/oembed").status_code == 400


def test_pages_carry_the_discovery_link(client):
    for path in ("/?company=IBM", "/embed?company=IBM"):
        head = client.get(path).get_data(as_text=True).split("</head>")[0]
        link = re.search(
            r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)" title="([^"]+)">', head)
        assert link, path
        endpoint = urlsplit(unescape(link[1]))
        assert endpoint.path == "/oembed"
        assert parse_qs(endpoint.query) == {"url": ["http://localhost" + path], "format": ["json"]}
        assert link[2] == "Big tech and facial recognition: IBM"
        assert ask(client, parse_qs(endpoint.query)["url"][0]).status_code == 200


def test_a_tour_step_url_embeds_that_step():
    from .conftest import DATA

    client = create_app(DATA / "related.csv", story_path=DATA / "story.csv").server.test_client()
    data = ask(client, "http://localhost/?step=2").get_json()
    assert data["title"] == "Big tech and facial recognition: The week"
    src = unescape(re.search(r'<iframe src="([^"]+)"', data["html"])[1])
    assert src == "http://localhost/embed?step=2"
    page = client.get("/?step=2").get_data(as_text=True)
    assert 'title="Big tech and facial recognition: The week"' in page  # the discovery link names the step
