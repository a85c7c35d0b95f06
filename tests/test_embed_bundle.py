"""/embed, exported pages and the page load one partial plotly.js bundle that draws every trace of their
figure: scatter traces, and at a coarse level of detail (many events) heatmap lanes. It registers nothing
else: every trace type a bundle registers costs evaluation time on every page load."""

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


def test_a_small_view_and_a_large_one_load_the_same_bundle(large_client):
    """One file for every view: a browser that drew one view has plotly.js cached for the next."""
    small = large_client.get("/embed?company=IBM&start=2020-06-08&end=2020-06-08").get_data(as_text=True)
    large = large_client.get("/embed").get_data(as_text=True)
    assert figure_types(small) == {"scatter"} and "heatmap" in figure_types(large)
    srcs = [re.search(r'<script src="([^"]*/embed/plotly-[^"]+)"', html)[1] for html in (small, large)]
    assert srcs[0] == srcs[1] and srcs[0].endswith("-timeline.min.js")


def test_the_bundle_registers_only_the_trace_types_the_app_draws(large_client):
    page = large_client.get("/").get_data(as_text=True)
    src = re.search(r'<script src="([^"]*/plotly-[^"]+)"', page)[1]
    assert registered_types(large_client.get(src).get_data(as_text=True)) == {"scatter", "heatmap"}


@pytest.mark.parametrize("kind", ["basic", "cartesian"])
def test_an_embed_page_of_an_earlier_version_still_gets_a_bundle(large_client, kind):
    """Embed pages named a 'basic' or 'cartesian' bundle before: one still cached in a browser (5 minutes),
    or served by a server not yet upgraded, still finds plotly.js, one that draws its traces."""
    from plotly.offline import get_plotlyjs_version

    response = large_client.get(f"/embed/plotly-{get_plotlyjs_version()}-{kind}.min.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert registered_types(response.get_data(as_text=True)) >= {"scatter", "heatmap"}
