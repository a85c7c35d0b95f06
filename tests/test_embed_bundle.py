"""/embed and exported pages load a plotly.js bundle that can draw every trace of their figure: at a coarse
level of detail (many events) the lanes are heatmaps, which the small 'basic' bundle cannot draw."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.export import Export, html_document
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve


def figure_types(html: str) -> set[str]:
    block = html.split('<script type="application/json" id="frt-figure">', 1)[1].split("</script>", 1)[0]
    return {t.get("type", "scatter") for t in json.loads(block)["data"]}


def registered_types(bundle: str) -> set[str]:
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle)) | set(
        re.findall(r'name:"(\w+)",basePlotModule', bundle))


@pytest.fixture(scope="module")
def large_client(large_app):
    return large_app.server.test_client()


@pytest.mark.parametrize("query", ["", "?company=IBM&start=2020-06-01&end=2020-06-30"])
def test_the_embed_bundle_draws_every_trace_of_the_figure(large_client, query):
    html = large_client.get("/embed" + query).get_data(as_text=True)
    src = re.search(r'<script src="([^"]*/embed/plotly-[^"]+)"', html)[1]
    bundle = large_client.get(src).get_data(as_text=True)
    assert figure_types(html) <= registered_types(bundle), (figure_types(html), src)


def test_a_large_view_is_drawn_as_heatmap_lanes(large_client):
    assert "heatmap" in figure_types(large_client.get("/embed").get_data(as_text=True))


def test_an_exported_page_of_many_events_carries_a_bundle_that_draws_them(large_csv, tmp_path):
    html = html_document(Export(resolve("", load_dataset(large_csv)), tmp_path / "out.html"))
    assert "heatmap" in figure_types(html)
    assert figure_types(html) <= registered_types(html)


def test_a_small_view_still_gets_the_small_bundle(large_client):
    html = large_client.get("/embed?company=IBM&start=2020-06-08&end=2020-06-08").get_data(as_text=True)
    assert figure_types(html) <= {"scatter", "bar", "pie"}
    assert re.search(r'<script src="[^"]*/embed/plotly-[\d.]+-basic\.min\.js"', html)
