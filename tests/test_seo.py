"""What search engines read: a description of the view on the page and on /embed, and a real robots.txt."""

from __future__ import annotations

import re
from html import unescape

import pytest

from dashboard.app import create_app
from dashboard.data.load import bundled_path


@pytest.fixture(scope="module")
def client():
    return create_app(bundled_path()).server.test_client()


def description(html: str) -> str:
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return unescape(found[0])


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_page_and_embed_describe_the_whole_timeline(client, path):
    text = description(client.get(path).get_data(as_text=True))
    assert text.startswith("Big tech and facial recognition")
    assert re.search(r"\b(\d+) of \1 events\b", text)  # every event, counted


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_the_description_follows_the_filters_in_the_url(client, path):
    html = client.get(path + "?company=IBM&start=2020-06-01&end=2020-06-30").get_data(as_text=True)
    text = description(html)
    assert "IBM" in text and "June 2020" in text
    assert not re.search(r"\b(\d+) of \1 events\b", text)


def test_a_search_term_is_text_in_the_description_never_markup(client):
    html = client.get('/embed?q="><script>alert(1)</script>').get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert '"><script>alert(1)</script>' in description(html)


def test_robots_txt_is_plain_text_that_allows_the_views(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    assert "<html" not in body.lower()
    lines = [line.strip() for line in body.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert not any(line in ("Disallow: /", "Disallow: /embed") for line in lines)
