"""Links and embed code of a view: app roots, which URLs are views of the app, the iframe snippet."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html import unescape

import pytest

from dashboard.view.filters import Filters
from dashboard.view.urlstate import EmbedOptions, View, parse, parse_embed
from dashboard.web.share.links import embed_url, frame_height, iframe_snippet, kind_of, root_of, view_url

VIEW = View(Filters(companies=("IBM",), start=date(2020, 5, 1)))


@pytest.mark.parametrize("url, root", [
    ("http://h:8050/?company=IBM", "http://h:8050/"),
    ("http://h:8050/", "http://h:8050/"),
    ("http://h", "http://h/"),
    ("https://h/frt/?x=1", "https://h/frt/"),
    ("https://h/frt/embed?x=1", "https://h/frt/"),
    ("http://h/embed", "http://h/"),
])
def test_root_of(url, root):
    assert root_of(url) == root


@pytest.mark.parametrize("url, kind", [
    ("http://h:8050/?company=IBM", "page"),
    ("http://H:8050", "page"),
    ("http://h:8050/embed?theme=dark", "embed"),
    ("https://h:8050/", "page"),  # behind a TLS proxy the scheme differs; the host decides
    ("http://other:8050/?company=IBM", None),
    ("http://h:8051/", None),
    ("http://h:8050/api/events.json", None),
    ("javascript:alert(1)", None),
    ("ftp://h:8050/", None),
    ("", None),
])
def test_kind_of(url, kind):
    assert kind_of(url, "http://h:8050/") == kind


def test_view_and_embed_urls_carry_the_view():
    assert view_url("http://h/", VIEW) == "http://h/?company=IBM&start=2020-05-01"
    url = embed_url("http://h/", VIEW, EmbedOptions(height=300, theme="dark"))
    assert url == "http://h/embed?company=IBM&start=2020-05-01&height=300&theme=dark"
    query = url.split("?", 1)[1]
    assert parse(query)[0] == replace(VIEW, theme="dark")
    assert parse_embed(query)[0] == EmbedOptions(height=300, theme="dark")


def test_the_page_link_leaves_the_theme_to_the_reader():
    assert view_url("http://h/", replace(VIEW, theme="dark", event="x")) == "http://h/?company=IBM&start=2020-05-01&event=x"


def test_snippet_is_an_iframe_of_the_view_and_the_resize_script():
    snippet = iframe_snippet("http://h/", VIEW, EmbedOptions(height=300), title='A "quoted" <title>',
                             height=frame_height(300))
    frame, script = snippet.splitlines()
    src = unescape(re.search(r'src="([^"]+)"', frame)[1])
    assert src == "http://h/embed?company=IBM&start=2020-05-01&height=300"
    assert 'title="A &quot;quoted&quot; &lt;title&gt;"' in frame
    assert f'height="{frame_height(300)}"' in frame and 'width="100%"' in frame and "data-frt-embed" in frame
    assert script == '<script async src="http://h/embed/resize.js"></script>'


def test_snippet_without_script_and_with_a_fixed_width():
    snippet = iframe_snippet("http://h/", VIEW, EmbedOptions(), title="t", height=400, width=640,
                             script=False)
    assert "<script" not in snippet
    assert 'width="640"' in snippet and "max-width:100%" in snippet
