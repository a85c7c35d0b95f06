"""The page's HTML carries the first chart of the URL's view (web/predraw.py), the very figure the render
callback then draws; and told that the browser pre-drew it, the callback sends no second figure."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.app import create_app
from dashboard.web import ids
from tests.conftest import ROOT
from tests.dash_requests import body, callback_key

QUERIES = ["", "?category=legal&category=protest", "?company=IBM&zoom=2019-06-01..2020-12-31",
           "?theme=dark&q=ban"]


@pytest.fixture(scope="module")
def app():
    return create_app(ROOT / "events.csv")


def first_chart(app, query: str) -> dict:
    page = app.server.test_client().get("/" + query).get_data(as_text=True)
    found = re.search(r'<script type="application/json" id="frt-first">(.*?)</script>', page, re.S)
    assert found is not None, "the page carries no first chart"
    assert page.index('id="frt-predraw"') < page.index('id="react-entry-point"')
    return json.loads(found.group(1))


def graph_config(app) -> dict:
    graph = next(c for c in app.layout._traverse() if getattr(c, "id", None) == ids.GRAPH)
    return graph.config


def render(app, query: str, theme: str, figure_key: object = None) -> dict:
    request = body(app, callback_key(app, f"{ids.GRAPH}.figure"),
                   {"url.search": query, "url.pathname": "/",
                    f"{ids.THEME}.data": theme, f"{ids.FIGURE_KEY}.data": figure_key},
                   changed=[])
    answer = app.server.test_client().post("/_dash-update-component", json=request)
    assert answer.status_code in (200, 204)
    return answer.get_json()["response"] if answer.status_code == 200 else {}


@pytest.mark.parametrize("query", QUERIES)
def test_the_page_html_holds_the_figure_the_render_callback_draws(app, query):
    first = first_chart(app, query)
    theme = "dark" if "theme=dark" in query else "light"
    assert first["theme"] == theme
    drawn = render(app, query, theme)
    assert first["figure"] == drawn[ids.GRAPH]["figure"]
    # Dash's graph keeps the config the page drew with: a callback that sent another would make plotly.js
    # throw the drawing away and plot it anew
    assert first["config"] == graph_config(app) and "config" not in drawn[ids.GRAPH]
    assert first["style"] == drawn[ids.GRAPH]["style"]
    # the key the page seeds is the callback's own, marked as drawn already
    assert first["seed"] == "predrawn:" + drawn[ids.FIGURE_KEY]["data"]


def test_the_first_chart_follows_the_view(app):
    every = first_chart(app, "")["figure"]
    legal = first_chart(app, "?category=legal")["figure"]
    zoomed = first_chart(app, "?zoom=2020-06-01..2020-06-30")["figure"]
    dark = first_chart(app, "?theme=dark")["figure"]
    names = {t.get("name") for t in legal["data"]}
    assert len(legal["data"]) < len(every["data"]) and "legal" in names
    assert zoomed["layout"]["xaxis"]["range"][0].startswith("2020-06-01")
    assert dark["layout"]["paper_bgcolor"] != every["layout"]["paper_bgcolor"]


@pytest.mark.parametrize("query", QUERIES[:2])
def test_a_predrawn_chart_is_not_sent_again(app, query):
    first = first_chart(app, query)
    theme = first["theme"]
    answer = render(app, query, theme, first["seed"])
    assert ids.GRAPH not in answer or "figure" not in answer[ids.GRAPH]  # no figure, no config: kept as drawn
    assert answer[ids.FIGURE_KEY]["data"] == first["seed"].removeprefix("predrawn:")
    assert answer[ids.COUNT]["children"]  # the rest of the page is answered as before


def test_a_view_other_than_the_predrawn_one_gets_its_figure(app):
    seed = first_chart(app, "")["seed"]
    answer = render(app, "?category=legal", "light", seed)
    assert answer[ids.GRAPH]["figure"]["data"]


def test_csv_text_in_the_first_chart_cannot_close_its_script(tmp_path, xss_csv):
    page = create_app(xss_csv).server.test_client().get("/").get_data(as_text=True)
    block = re.search(r'<script type="application/json" id="frt-first">(.*?)</script>', page, re.S)
    assert block is not None
    assert "<" not in block.group(1)  # no CSV text can end the block or start markup
    assert "script" in json.dumps(json.loads(block.group(1)))  # the text itself is kept (escaped), as data


def test_plotly_and_the_predraw_run_first_and_dash_waits(app):
    """The browser fetches, evaluates and draws with plotly.js alone: React, Dash's renderer, its components
    and the page's assets are in an inert template (never fetched while plotly.js is), which the renderer's
    script loads in their order once the page is parsed, and then starts Dash with the pre-draw's hooks."""
    page = app.server.test_client().get("/").get_data(as_text=True)
    later = re.search(r'<template id="frt-dash-scripts">(.*?)</template>', page, re.S)
    assert later is not None
    loaded = re.findall(r'<script src="([^"]+)"', page.replace(later.group(0), ""))
    first = ["plotly-timeline", "labels", "draw", "predraw"]
    assert [b.rsplit("/", 1)[1].split(".")[0] for b in loaded] == first
    names = re.findall(r'<script src="([^"]+)"', later.group(1))
    assert "defer" not in later.group(1) and len(names) > 10
    assert names.index(next(n for n in names if "react-dom" in n)) < names.index(
        next(n for n in names if "dash_renderer" in n))
    assert any("/assets/clientside.js" in n for n in names)
    renderer = re.search(r'<script id="_dash-renderer"[^>]*>(.*?)</script>', page, re.S)
    assert renderer is not None and "DOMContentLoaded" in renderer.group(1)
    assert "frt-dash-scripts" in renderer.group(1) and "frt.predraw.hooks" in renderer.group(1)


def test_the_header_is_in_the_page_html_before_any_script_runs(app):
    """The title and the lede are painted with the first bytes of the page, not after React has built it."""
    page = app.server.test_client().get("/").get_data(as_text=True)
    head = re.search(r'<div id="frt-prehead" class="predraw-head" aria-hidden="true" inert>(.*?)</div>'
                     r'<div id="frt-predraw"', page, re.S)
    assert head, page[:2000]
    assert page.index('id="frt-prehead"') < page.index('id="react-entry-point"')
    text = re.sub(r"<[^>]+>", " ", head[1])
    assert "Big tech and facial recognition: a timeline" in text and "What big tech decided" in text
    assert "events from" in text  # what data is shown
    assert " id=" not in head[1]  # never an id of an element Dash renders


def test_a_file_name_in_the_header_copy_is_text(tmp_path):
    path = tmp_path / "<img src=x onerror=alert(1)>.csv"
    path.write_text((ROOT / "events.csv").read_text(encoding="utf-8"), encoding="utf-8")
    page = create_app(path).server.test_client().get("/").get_data(as_text=True)
    head = page.split('id="frt-prehead"', 1)[1].split('id="frt-predraw"', 1)[0]
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in head and "<img" not in head
