"""A URL with a bidi control or another invisible character is plain text, never a link: its visible text
could otherwise lie about where it leads (`https://example.org/‮exe.pdf` reads as '...fdp.exe')."""

from __future__ import annotations

import pytest
from dash import html

from dashboard.app import create_app
from dashboard.data.load import read_report
from dashboard.data.safe import hidden_character, is_http_url
from dashboard.web import components
from tests.conftest import write_rows

TRICKS = {
    "right-to-left override": "https://example.org/\u202egpj.exe",
    "left-to-right embedding": "https://example.org/\u202aa",
    "right-to-left isolate": "https://example.org/\u2067x\u2069",
    "zero-width space": "https://exa\u200bmple.org/",
    "zero-width joiner": "https://example.org/a\u200db",
    "word joiner": "https://example.org/\u2060",
    "soft hyphen": "https://exam\u00adple.org/",
    "byte order mark": "https://example.org/\ufeff",
    "right-to-left mark": "https://example.org/\u200f",
    "Arabic letter mark": "https://example.org/\u061c",
    "Hangul filler": "https://example.org/\u3164",
    "variation selector": "https://example.org/a\ufe0f",
    "tag character": "https://example.org/\U000e0041",
    "no-break space": "https://example.org/a\u00a0b",
    "ideographic space": "https://example.org/a\u3000b",
    "line separator": "https://example.org/a\u2028b",
}


@pytest.mark.parametrize("name", sorted(TRICKS))
def test_a_url_with_a_hidden_character_is_not_a_link(name):
    url = TRICKS[name]
    assert not is_http_url(url)
    assert hidden_character(url) is not None
    item = components.source_item(url)
    assert not any(isinstance(child, html.A) for child in item.children)


@pytest.mark.parametrize("url", ["https://example.org/a?b=c#d", "https://hi.wikipedia.org/wiki/हिन्दी",
                                 "https://th.wikipedia.org/wiki/ภาษาไทย", "https://пример.рф/",
                                 "https://example.org/café", "http://example.org:8080/x"])
def test_visible_non_ascii_urls_stay_links(url):
    assert is_http_url(url)
    assert isinstance(components.source_item(url).children, html.A)


def test_the_details_panel_and_the_validator_treat_a_bidi_url_as_text(tmp_path):
    url = TRICKS["right-to-left override"]
    path = write_rows(tmp_path / "bidi.csv", [{
        "id": "bidi", "date": "2020-06-08", "title": "Bidi", "description": "d", "category": "decision",
        "actor": "IBM", "sources": f"https://example.org/ok {url}"}])
    report = read_report(path)
    assert not report.errors
    assert any("U+202E RIGHT-TO-LEFT OVERRIDE" in str(w) and "shown as plain text" in str(w)
               for w in report.warnings)
    app = create_app(path)
    from tests.dash_requests import render_body

    response = app.server.test_client().post("/_dash-update-component", json=render_body(app, "?event=bidi"))
    assert response.status_code == 200
    hrefs = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("href"), str):
                hrefs.append(node["href"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(response.get_json())
    assert "https://example.org/ok" in hrefs and not any("\u202e" in h for h in hrefs)
    assert "not an http(s) link; shown as text" in response.get_data(as_text=True)
