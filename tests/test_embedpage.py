"""The chart-only page: CSV text stays data (escaped JSON, plain-text footer), sources are checked."""

from __future__ import annotations

import json
import re

from dashboard.data.load import load_events
from dashboard.view.dataset import of_frame
from dashboard.view.shown import resolve
from dashboard.view.urlstate import EmbedOptions
from dashboard.web.embed.page import Asset, document, event_details, safe_json_text, script_json, view_page

EVIL = "</script><script>alert(1)</script>"


def test_script_json_cannot_close_its_script_element():
    text = script_json({"title": EVIL, "amp": "a & b", "sep": "\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"title": EVIL, "amp": "a & b", "sep": "\u2028"}
    assert json.loads(safe_json_text(json.dumps([EVIL]))) == [EVIL]


def test_event_details_link_only_http_sources_and_a_permalink(write_csv):
    events = load_events(write_csv("a,2020,,T,D,decision,IBM,IBM,,https://e.org/a ftp://e.org/b\n"))
    details = event_details(events, "http://h/")
    # Both kept: the page links the http(s) one and shows the other as text.
    assert details["a"]["sources"] == ["https://e.org/a", "ftp://e.org/b"]
    assert details["a"]["link"] == "http://h/?event=a"
    assert event_details(events, None)["a"]["link"] is None


def test_hostile_csv_text_stays_text_in_the_page(write_csv):
    events = load_events(write_csv(f'a,2020-06-08,,"{EVIL}","<img src=x onerror=alert(1)>",decision,IBM,IBM,,'
                                   "https://e.org\n"))
    page = view_page(resolve("q=</title><script>alert(2)</script>", of_frame(events)), root="http://h/")
    html = document(page, css=Asset(url="/c.css"), plotly=Asset(url="/p.js"), scripts=[Asset(url="/e.js")])
    assert html.count("<script") == 5  # three JSON blocks, plotly.js, the page script: nothing injected
    assert "<img" not in html and "alert(2)</script>" not in html
    blocks = dict(re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S))
    assert json.loads(blocks["frt-events"]) == {}  # the search matches nothing
    page = view_page(resolve("", of_frame(events)), root="http://h/")
    html = document(page, css=Asset(url="/c.css"), plotly=Asset(url="/p.js"), scripts=[Asset(url="/e.js")])
    blocks = dict(re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S))
    assert json.loads(blocks["frt-events"])["a"]["title"] == EVIL
    hover = json.loads(blocks["frt-figure"])["data"][0]["hovertext"][0]
    assert "&lt;/script&gt;" in hover  # escaped for plotly's label markup too


def test_page_with_header_lists_filters_and_draws_no_second_title(valid_csv):
    events = load_events(valid_csv)
    page = view_page(resolve("company=IBM&start=2020-01-01", of_frame(events)), EmbedOptions(), root=None,
                     header=True)
    assert page.filters == ["Companies: IBM", "Dates: from 1 January 2020"]
    assert not json.loads(page.figure_json)["layout"].get("title", {}).get("text")
    html = document(page, css=Asset(text="body{}"), plotly=Asset(text="var a='</script>';"),
                    scripts=[Asset(text="")])
    assert '<h1 class="frt-title">Big tech and facial recognition: IBM · from 1 January 2020</h1>' in html
    assert "var a='<\\/script>';" in html  # inlined code cannot end its element early
    footer = html.split('<footer class="frt-footer">')[1].split("</footer>")[0]
    assert "Source: frt-timeline" in footer and "<a " not in footer  # no app address given: no link
    assert "Data: latest event 11 June 2020" in footer
