"""oEmbed 1.0: the rich JSON response for a view URL, the spec's status codes, discovery links."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from dashboard.app import create_app
from dashboard.view.urlstate import MIN_FIT
from dashboard.web.share.links import frame_height


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
    assert data["height"] == frame_height(300)


def test_maxwidth_and_maxheight_are_respected(client):
    """The frame never grows past maxheight: the embed page fits in it (its `maxheight`) and resize.js stops
    there (data-frt-max-height); the answer's height is the frame's."""
    for limit in (320, 200, MIN_FIT):
        data = ask(client, "http://localhost/", maxwidth="500", maxheight=str(limit)).get_json()
        assert data["type"] == "rich" and data["width"] == 500 and data["height"] <= limit
        src = unescape(re.search(r'<iframe src="([^"]+)"', data["html"])[1])
        assert parse_qs(urlsplit(src).query)["maxheight"] == [str(limit)]
        assert f'data-frt-max-height="{limit}"' in data["html"]
        assert f'height="{data["height"]}"' in data["html"]
    ignored = ask(client, "http://localhost/", maxwidth="wide").get_json()
    assert ignored["width"] == 800 and "data-frt-max-height" not in ignored["html"]


def test_a_maxheight_no_chart_fits_in_gets_a_link_not_a_frame_past_it(client):
    """maxheight=100 once answered height 100 with a chart drawn at its 200 px minimum inside."""
    for limit in ("100", "80", str(MIN_FIT - 1)):
        data = ask(client, "http://localhost/?company=IBM", maxheight=limit).get_json()
        assert data["type"] == "link" and "html" not in data and "height" not in data
        assert data["url"] == "http://localhost/?company=IBM"
        assert data["title"] == "Big tech and facial recognition: IBM"


def test_an_event_embed_is_titled_by_its_event(client):
    data = ask(client, "http://localhost/?event=ibm-exit").get_json()
    assert data["title"] == "Big tech and facial recognition: a timeline · IBM exits"
    assert 'title="Big tech and facial recognition: a timeline · IBM exits"' in data["html"]
    page = client.get("/embed?event=ibm-exit").get_data(as_text=True)
    assert "<title>Big tech and facial recognition: a timeline · IBM exits</title>" in page


def test_what_cannot_be_shown_is_said_not_dropped(client):
    data = ask(client, "http://localhost/?event=no-such-event&step=4&company=IBM").get_json()
    assert data["notices"] == ["There is no event with id 'no-such-event' in this data.",
                               "There is no guided tour for this data."]
    assert data["title"] == "Big tech and facial recognition: IBM"
    assert "notices" not in ask(client, "http://localhost/?company=IBM").get_json()
    page = client.get("/embed?event=no-such-event").get_data(as_text=True)
    notice = "There is no event with id &#x27;no-such-event&#x27; in this data."
    assert f'<p class="frt-notice">{notice}</p>' in page


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "LOCALHOST"])
def test_the_same_view_by_another_loopback_name_is_that_view(client, host):
    """The app at http://localhost/ is the app at http://127.0.0.1/: one view, not a 404."""
    data = ask(client, f"http://{host}/?company=IBM").get_json()
    assert data["title"] == "Big tech and facial recognition: IBM"
    src = unescape(re.search(r'<iframe src="([^"]+)"', data["html"])[1])
    assert src == "http://localhost/embed?company=IBM"  # always the app's own address
    assert ask(client, f"http://{host}:8051/?company=IBM").status_code == 404  # another port: another app


def test_a_view_of_the_configured_public_url_is_matched_by_its_path(valid_csv):
    client = create_app(valid_csv, public_url="https://timeline.example.org/frt").server.test_client()
    data = ask(client, "https://timeline.example.org/frt/embed?company=IBM").get_json()
    assert 'src="https://timeline.example.org/frt/embed?company=IBM"' in data["html"]
    assert ask(client, "https://timeline.example.org/?company=IBM").status_code == 404  # not under its root


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
