"""Serving safely, through app.server.test_client(): headers and the CSP on every route, generic errors,
request limits, and the check that turns malformed callback requests into 400s."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from dash import Dash, html

from dashboard.app import create_app
from dashboard.data.limits import MAX_REQUEST_BYTES
from dashboard.web import security
from dashboard.web.layout import THEME_SCRIPT
from tests.dash_requests import body, callback_key, example_requests, prop_id, render_body

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@pytest.fixture(scope="module")
def app(request):
    from tests.conftest import DATA

    return create_app(DATA / "valid.csv")


@pytest.fixture
def client(app):
    return app.server.test_client()


def csp(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def assert_safe_headers(response, *, frameable: bool = False) -> None:
    for name, value in ALWAYS.items():
        assert response.headers.get(name) == value
    policy = csp(response)
    assert policy["default-src"] in (["'self'"], ["'none'"])
    assert policy.get("object-src", policy["default-src"]) == ["'none'"]  # else default-src applies
    assert policy["base-uri"] == ["'none'"]
    loose = {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"}
    assert not loose & set(policy["script-src"])
    if frameable:  # any site (no directive, or *) or the sites the operator listed; never X-Frame-Options
        assert policy.get("frame-ancestors", ["*"]) and "X-Frame-Options" not in response.headers
    else:
        assert policy["frame-ancestors"] == ["'self'"] and response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_every_route_answers_with_the_security_headers(app, client):
    requests = example_requests(app, client)
    rules = {rule.rule for rule in app.server.url_map.iter_rules()}
    assert {r[0] for r in requests} == rules  # every route is covered
    assert len(rules) >= 12
    frameable = app.server.config["FRAMEABLE_PATHS"]
    for rule, method, url, data in requests:
        response = client.open(url, method=method, json=data)
        assert response.status_code < 500, (rule, response.status_code)
        path = url.split("?")[0]
        assert_safe_headers(response, frameable=any(path == p or path.startswith(p.rstrip("/") + "/")
                                                    for p in frameable))


@pytest.mark.parametrize("method, url, status", [
    ("GET", "/assets/no-such-file.css", 404),
    ("GET", "/static/x", 404),
    ("POST", "/api/events.json", 405),
    ("POST", security.CALLBACK_PATH, 400),
])
def test_error_responses_carry_the_headers_too(client, method, url, status):
    response = client.open(url, method=method, json={"output": "nothing"})
    assert response.status_code == status
    assert_safe_headers(response)


def test_script_src_allows_exactly_the_inline_scripts_the_page_has(client):
    response = client.get("/")
    page = response.get_data(as_text=True)
    inline = [m.group(2) for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page, re.S)
              if "application/json" not in m.group(1)]
    assert inline, "Dash's renderer starts from an inline script"
    hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline}
    assert set(csp(response)["script-src"]) == {"'self'", *hashes}
    assert csp(response)["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp(response)["img-src"] == ["'self'", "blob:", "data:"]
    assert csp(response)["connect-src"] == ["'self'"]


def test_a_frameable_path_may_be_framed_and_keeps_the_rest_of_the_policy():
    app = Dash(__name__)
    app.layout = html.Div("x")
    app.server.add_url_rule("/embed", "embed", lambda: "embedded")
    security.install(app, frameable_paths=("/embed",))
    client = app.server.test_client()
    assert_safe_headers(client.get("/embed"), frameable=True)
    assert_safe_headers(client.get("/"))


def test_a_request_for_a_clientside_callback_gets_400(monkeypatch, app, client):
    monkeypatch.setitem(app.callback_map, "browser-only.children", {"inputs": [], "state": []})
    response = client.post(security.CALLBACK_PATH, json={"output": "browser-only.children", "inputs": []})
    assert response.status_code == 400
    assert "runs in the browser" in response.get_data(as_text=True)


def test_a_real_callback_request_is_answered(app, client):
    response = client.post(security.CALLBACK_PATH, json=render_body(app, "?company=IBM&context=0"))
    assert response.status_code == 200
    assert "2 of 7 events" in response.get_data(as_text=True)


def test_pattern_matching_callback_request_passes_the_check(app, client):
    key = "table-sort.data"  # sort: its input is every column's sort button
    button = {"column": "title", "type": "sort-button"}
    data = body(app, key, {}, patterns={"n_clicks": [(button, 1)]}, changed=[prop_id(button, "n_clicks")])
    response = client.post(security.CALLBACK_PATH, json=data)
    assert response.status_code == 200
    assert response.get_json()["response"]["table-sort"]["data"] == {"column": "title", "ascending": True}


@pytest.mark.parametrize("data, reason", [
    (None, "not a JSON object"),
    ([], "not a JSON object"),
    ({}, "unknown callback output"),
    ({"output": "timeline.nothing"}, "unknown callback output"),
    ("render-no-inputs", "inputs do not match"),
    ("render-wrong-state", "state does not match"),
    ("render-no-outputs", "outputs do not match"),
    ("render-bad-changed", "changedPropIds"),
    ("render-unhashable-changed", "changedPropIds"),
])
def test_malformed_callback_requests_get_400_not_500(app, client, data, reason):
    if isinstance(data, str):
        good = render_body(app)
        data = {
            "render-no-inputs": {**good, "inputs": []},
            "render-wrong-state": {**good, "state": [{"id": 1}]},
            "render-no-outputs": {**good, "outputs": {"id": "x", "property": "y"}},
            "render-bad-changed": {**good, "changedPropIds": ["123.n_clicks"]},
            "render-unhashable-changed": {**good, "changedPropIds": [["x"]]},
        }[data]
    response = client.post(security.CALLBACK_PATH, json=data)
    assert response.status_code == 400
    assert reason in response.get_data(as_text=True)


@pytest.mark.parametrize("depth", [33, 100, 990, 5000])
@pytest.mark.parametrize("shape", ["[{}]", '{{"a":{}}}'])
def test_deeply_nested_callback_json_gets_400_and_no_traceback(client, caplog, depth, shape):
    inner = "0"
    for _ in range(depth):
        inner = shape.format(inner)
    with caplog.at_level(logging.DEBUG):
        response = client.post(security.CALLBACK_PATH, data=inner, content_type="application/json")
    assert response.status_code == 400
    assert "nests more than" in response.get_data(as_text=True)
    assert "Traceback" not in caplog.text and "RecursionError" not in caplog.text


def test_deep_nesting_inside_a_valid_callback_body_gets_400(app, client):
    value: object = "x"
    for _ in range(990):
        value = [value]
    data = render_body(app)
    data["inputs"][0]["value"] = value
    response = client.post(security.CALLBACK_PATH, json=data)
    assert response.status_code == 400


@pytest.mark.parametrize("raw", [b"null", b"1", b'"x"', b"[]", b"true", b"\xff\xfe", b"{", b"1e999999",
                                 b"9" * 5000, b'{"output": "\\ud800"}', b"[" * 20 + b"]" * 19])
def test_malformed_callback_json_of_any_type_gets_400(client, raw):
    response = client.post(security.CALLBACK_PATH, data=raw, content_type="application/json")
    assert response.status_code == 400


def test_callback_bodies_as_deep_as_the_page_sends_pass(app, client):
    data = render_body(app)
    nested: object = "x"
    for _ in range(security.MAX_JSON_DEPTH - 4):  # body > inputs > item > value > ...
        nested = [nested]
    data["inputs"][0]["value"] = nested
    assert not security.deeper_than(data, security.MAX_JSON_DEPTH)
    assert client.post(security.CALLBACK_PATH, json=data).status_code == 200


def test_a_request_for_a_browser_side_callback_gets_400_not_500(app, client):
    key = callback_key(app, "pending-events.data")  # the upload's size check runs in the browser
    response = client.post(security.CALLBACK_PATH, json=body(app, key))
    assert response.status_code == 400
    assert "runs in the browser" in response.get_data(as_text=True)


def test_a_failing_callback_returns_a_generic_error_without_a_traceback(app, client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret-internal-detail")

    monkeypatch.setattr("dashboard.web.components.details", broken)
    with caplog.at_level(logging.ERROR):  # a view not asked for before (answers are replayed from a cache)
        response = client.post(security.CALLBACK_PATH, json=render_body(app, "?q=failing-callback"))
    text = response.get_data(as_text=True)
    assert response.status_code == 500
    assert text == security.GENERIC_ERROR
    assert "Traceback" not in text and "secret-internal-detail" not in text and ".py" not in text
    assert_safe_headers(response)
    assert "secret-internal-detail" in caplog.text  # the operator still sees it in the log


def test_a_failing_route_returns_a_generic_error_without_a_traceback(client, monkeypatch):
    monkeypatch.setattr("dashboard.web.api.request_shown", lambda *a: 1 / 0)
    response = client.get("/api/events.json?q=failing-route")  # not asked before: answers are replayed
    assert response.status_code == 500
    assert response.get_data(as_text=True) == security.GENERIC_ERROR
    assert_safe_headers(response)


def test_debug_is_off_even_when_flask_debug_is_set(monkeypatch, valid_csv):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    server = create_app(valid_csv).server
    assert server.debug is False
    monkeypatch.setattr("dashboard.web.api.request_shown", lambda *a: 1 / 0)
    response = server.test_client().get("/api/events.json")
    assert response.status_code == 500 and "ZeroDivisionError" not in response.get_data(as_text=True)


def test_a_request_over_the_size_limit_gets_413(client):
    response = client.post(security.CALLBACK_PATH, data=b"x" * (MAX_REQUEST_BYTES + 1),
                           content_type="application/json")
    assert response.status_code == 413
    assert_safe_headers(response)


def test_a_request_just_under_the_limit_is_read(client):
    padding = "x" * (MAX_REQUEST_BYTES - 1000)
    response = client.post(security.CALLBACK_PATH, json={"output": padding})
    assert response.status_code == 400  # read and refused by the callback check, not by the size limit


@pytest.mark.parametrize("value", ["https://a.org; script-src *", "'unsafe-inline'", "https://a.org\r\nX: y",
                                   "none https://a.org", "javascript:"])
def test_frame_ancestors_rejects_what_is_not_a_site(value):
    with pytest.raises(ValueError):
        security.parse_frame_ancestors(value)


def test_frame_ancestors_accepts_hosts_schemes_and_keywords():
    assert security.parse_frame_ancestors("") == ()
    assert security.parse_frame_ancestors("self, https://a.org:8443 b.org") == (
        "'self'", "https://a.org:8443", "b.org")
    assert security.parse_frame_ancestors("https:") == ("'self'", "https:")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))


def tags_of(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


PAYLOAD_Q = "\"'><script>window.__pwned=1</script><img src=x onerror=alert(1)>"


def test_oembed_html_is_one_iframe_with_the_payload_only_inside_escaped_attributes(client):
    page = "http://localhost/?" + urlencode({"q": PAYLOAD_Q, "company": "IBM"})
    response = client.get("/oembed", query_string={"url": page, "format": "json"})
    assert response.status_code == 200
    assert_safe_headers(response)
    data = response.get_json()
    assert PAYLOAD_Q in data["title"]  # plain text in JSON; the consumer escapes it
    tags = tags_of(data["html"])
    assert [t for t, _ in tags] == ["iframe", "script"]
    iframe, script = tags[0][1], tags[1][1]
    assert iframe["title"] == data["title"]
    assert iframe["src"].startswith("http://localhost/embed?") and "<" not in iframe["src"]
    assert script["src"] == "http://localhost/embed/resize.js"
    assert set(iframe) <= {"src", "title", "width", "height", "style", "loading", "data-frt-embed"}


def test_the_pages_oembed_discovery_link_keeps_the_payload_in_its_attribute(client):
    html = client.get("/?" + urlencode({"q": PAYLOAD_Q})).get_data(as_text=True)
    head = html.split("</head>")[0]
    links = [a for t, a in tags_of(head) if t == "link" and a.get("type") == "application/json+oembed"]
    assert len(links) == 1 and PAYLOAD_Q in (links[0]["title"] or "")
    # the one script in the head is the template's own theme script, nothing from the query
    assert [t for t, _ in tags_of(head)].count("script") == 1 and f"<script>{THEME_SCRIPT}</script>" in head
    assert "<img" not in head
