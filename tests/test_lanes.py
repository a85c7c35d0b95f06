"""Lane order in the URL (`lanes=events|first|listed`, A-Z by default) with many companies: resolved once
(Shown.company_order), the same lanes on the page, /embed and exports, kept by the filters and every link."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.app import create_app
from dashboard.figures.chart import Frame, figure, timeline_figure
from dashboard.view import urlstate
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve
from dashboard.web import ids
from dashboard.web.callbacks import CONTROL_IDS, view_from_controls
from dashboard.web.share.links import embed_url, view_url
from tests.conftest import DATA
from tests.dash_requests import body, callback_key, render_body

MANY = DATA / "many_companies.csv"  # 25 companies, 1-9 events each, first events 2000-2024


@pytest.fixture(scope="module")
def app():
    return create_app(MANY)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(MANY)


def lanes(fig: dict) -> list[str]:
    return list(fig["layout"]["yaxis"]["ticktext"])


def page_lanes(app, search: str) -> list[str]:
    answer = app.server.test_client().post("/_dash-update-component", json=render_body(app, search))
    return lanes(answer.get_json()["response"][ids.GRAPH]["figure"])


def embed_lanes(app, search: str) -> list[str]:
    html = app.server.test_client().get("/embed" + search).get_data(as_text=True)
    found = re.search(r'<script type="application/json" id="frt-figure">(.*?)</script>', html, re.S)
    assert found is not None
    return lanes(json.loads(found.group(1)))


def counts(dataset) -> dict[str, int]:
    out: dict[str, int] = {}
    for cs in dataset.events["company_list"]:
        for c in cs:
            out[c] = out.get(c, 0) + 1
    return out


def test_most_events_first_puts_the_busiest_companies_on_top_everywhere(app, dataset):
    page = page_lanes(app, "?lanes=events")
    n = counts(dataset)
    shown_companies = [lane for lane in page if lane in n]
    assert [n[c] for c in shown_companies] == sorted((n[c] for c in shown_companies), reverse=True)
    assert page[: len(shown_companies) + 1][-1] == "Other companies"  # 19 lanes, then the rest in one
    assert len(shown_companies) == 19
    assert page != page_lanes(app, "")  # not the A-Z default
    assert embed_lanes(app, "?lanes=events") == page
    shown = resolve("lanes=events", dataset)
    assert lanes(figure(shown, Frame("static")).to_plotly_json()) == page  # exports draw the same
    assert lanes(timeline_figure(dataset.events, lanes="events").to_plotly_json()) == page  # and notebooks


def test_earliest_first_and_as_listed_orders(app, dataset):
    first = page_lanes(app, "?lanes=first")
    starts = dataset.events.groupby(dataset.events["companies"])["start"].min()
    ranked = [c for c in first if c in starts.index]
    assert list(starts[ranked]) == sorted(starts[ranked])
    assert embed_lanes(app, "?lanes=first") == first
    listed = "?company=Yarrow+Systems&company=Acme+Systems&company=Maple+Systems&lanes=listed"
    assert page_lanes(app, listed)[:3] == ["Yarrow Systems", "Acme Systems", "Maple Systems"]
    assert embed_lanes(app, listed)[:3] == ["Yarrow Systems", "Acme Systems", "Maple Systems"]
    assert page_lanes(app, listed.replace("&lanes=listed", ""))[:3] == [
        "Acme Systems", "Maple Systems", "Yarrow Systems"]  # A-Z by default


def test_the_lane_order_round_trips_through_every_link_and_the_filters(dataset):
    shown = resolve("company=Yarrow+Systems&company=Acme+Systems&lanes=listed&zoom=2001-01-01..2010-12-31",
                    dataset)
    link = urlstate.serialize(shown.url_view)
    assert "lanes=listed" in link
    again = resolve(link, dataset)
    assert (again.view, again.company_order) == (shown.view, shown.company_order)
    assert "lanes=listed" in view_url("http://x/", shown.url_view)
    assert "lanes=listed" in embed_url("http://x/", shown.url_view)
    assert "lanes=listed" in urlstate.data_query(shown.view)  # the chart's identity changes with it
    # A filter changed on the page keeps the order.
    moved = view_from_controls(shown, ids.SEARCH, (["Yarrow Systems", "Acme Systems"], None, None, None,
                                                   "event", ["on"], [], None))
    assert moved.lanes == "listed"
    assert urlstate.serialize(resolve("lanes=name", dataset).url_view) == ""  # the default is not written
    bad = resolve("lanes=size", dataset)
    assert bad.notices == ("Ignored lanes='size': use name, events, first, listed.",)


def test_the_lane_order_control_writes_the_url_and_mirrors_it(app):
    key = callback_key(app, f"{ids.URL_REQUEST}.data")
    client = app.server.test_client()

    def post(values: dict, changed: str) -> dict:
        return client.post("/_dash-update-component",
                           json=body(app, key, values, changed=[changed])).get_json()["response"]

    def shown_controls(search: str) -> dict:
        """The controls as the page shows the URL (every control is sent with a change)."""
        answer = post({"url.search": search}, "url.search")
        return {f"{cid}.value": answer[cid]["value"] for cid in CONTROL_IDS} | {"url.search": search}

    controls = shown_controls("?q=event&lanes=first")
    assert controls[f"{ids.LANES}.value"] == "first"  # the URL sets the control
    answer = post(controls | {f"{ids.LANES}.value": "events"}, f"{ids.LANES}.value")
    assert answer[ids.URL_REQUEST]["data"] == "?q=event&lanes=events"
    answer = post(controls | {f"{ids.LANES}.value": "name"}, f"{ids.LANES}.value")
    assert answer[ids.URL_REQUEST]["data"] == "?q=event"  # A-Z is the default, not written
    # Another control keeps the order (lanes=listed has no radio button of its own).
    listed = shown_controls("?company=Birch+Systems&company=Acme+Systems&lanes=listed")
    answer = post(listed | {f"{ids.SEARCH}.value": "event 1"}, f"{ids.SEARCH}.value")
    assert answer[ids.URL_REQUEST]["data"] == (
        "?company=Birch+Systems&company=Acme+Systems&q=event+1&lanes=listed")  # the listed order stays
