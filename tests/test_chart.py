"""The chart through Dash's HTTP endpoint: the URL draws it, a zoom asks for a new level of detail only
when the served data is large."""

from __future__ import annotations

import gzip

import pytest

from dashboard.app import create_app
from dashboard.web import ids
from tests.dash_requests import body, callback_key


def call(app, key: str, values: dict, changed: list[str], headers: dict | None = None):
    response = app.server.test_client().post(
        "/_dash-update-component", json=body(app, key, values, changed=changed), headers=headers or {}
    )
    return response


def draw(app, search: str, stored=None):
    """The render callback (count, table... and the chart) for a URL."""
    response = call(
        app,
        callback_key(app, f"{ids.COUNT}.children"),
        {"url.search": search, "url.pathname": "/", f"{ids.VIEW_RANGE}.data": stored},
        ["url.search"],
    )
    return response.status_code, response.get_json(silent=True)


def zoom(app, relayout, search: str = ""):
    response = call(
        app,
        callback_key(app, f"{ids.VIEW_RANGE}.data"),
        {f"{ids.X_CHANGE}.data": relayout, "url.search": search},
        [f"{ids.X_CHANGE}.data"],
    )
    return response.status_code, response.get_json(silent=True)


@pytest.fixture
def small(valid_csv):
    return create_app(valid_csv)


@pytest.fixture(scope="module")
def large(large_csv):
    return create_app(large_csv)


def trace_names(answer) -> list[str]:
    return [t.get("name") for t in answer["response"][ids.GRAPH]["figure"]["data"]]


def density_shown(answer) -> bool:
    return any(str(name).startswith("events per") for name in trace_names(answer))


def test_the_url_draws_every_event_of_small_data(small):
    status, answer = draw(small, "?company=IBM")
    assert status == 200 and "decision" in trace_names(answer)


def test_zooming_small_data_needs_no_new_figure(small):
    status, answer = zoom(small, {"xaxis.range[0]": "2020-06-01", "xaxis.range[1]": "2020-06-30"})
    assert status == 200 and ids.GRAPH not in answer["response"]  # plotly zooms by itself


def test_large_data_opens_as_density_and_a_zoom_returns_single_events(large):
    _, answer = draw(large, "")
    assert density_shown(answer)
    status, answer = zoom(large, {"xaxis.range[0]": "2019-03-04", "xaxis.range[1]": "2019-03-11"})
    assert status == 200 and not density_shown(answer)
    remembered = answer["response"][ids.VIEW_RANGE]["data"]
    assert remembered == {"revision": "all", "range": [1551657600000, 1552262400000]}  # ms


def test_a_new_selection_keeps_the_zoomed_level_of_detail(large):
    remembered = {"revision": "all", "range": [1551657600000, 1552262400000]}
    _, answer = draw(large, "?event=e42", remembered)
    assert not density_shown(answer)
    _, answer = draw(large, "", {**remembered, "revision": "?company=IBM"})  # other filters: default range
    assert density_shown(answer)


def test_the_autosize_relayout_changes_nothing(large):
    status, answer = zoom(large, {"autosize": True})
    assert status in (200, 204) and not (answer or {}).get("response")


def test_payload_of_a_large_view_is_compact(large):
    response = call(
        large,
        callback_key(large, f"{ids.COUNT}.children"),
        {"url.search": "?category=protest"},
        ["url.search"],
        headers={"Accept-Encoding": "gzip"},
    )
    assert response.headers["Content-Encoding"] == "gzip"
    data = gzip.decompress(response.get_data())
    figure = data[data.index(b'"figure"') : data.index(b'"event-count"')]
    assert len(gzip.compress(figure)) < 150_000  # 10,000 events
    assert b'"bdata"' in figure  # typed arrays, not number lists


def test_a_click_on_a_density_cell_does_not_select_anything(large):
    select = next(k for k in large.callback_map if k.startswith("url.search@"))
    data = body(
        large,
        select,
        {"timeline.clickData": {"points": [{"customdata": 12, "z": 1.1}]}, "url.search": "?event=e1"},
        changed=["timeline.clickData"],
    )
    response = large.server.test_client().post("/_dash-update-component", json=data)
    assert response.status_code in (200, 204)
    assert "url" not in (
        (response.get_json(silent=True) or {}).get("response") or {}
    )  # the view is unchanged


@pytest.mark.parametrize(
    "stored",
    [
        "x",
        [1],
        {"revision": "all", "range": "x"},
        {"revision": "all", "range": [2, 1]},
        {"revision": "all", "range": [1.5, 2]},
        {"revision": 3, "range": [1, 2]},
    ],
)
def test_a_stored_range_from_the_browser_is_checked(large, stored):
    status, answer = draw(large, "", stored)
    assert status == 200 and density_shown(answer)


def test_days_since_an_event_on_large_data_says_why_it_keeps_dates(large):
    _, answer = draw(large, "?anchor=ibm-exits-general-purpose-frt")
    figure = answer["response"][ids.GRAPH]["figure"]
    assert figure["layout"]["xaxis"].get("type") != "linear" and density_shown(answer)
    notices = str(answer["response"][ids.NOTICES]["children"])
    assert "Days since an event are counted for up to 2,500 events in view" in notices


def test_days_since_an_event_on_a_narrow_view_of_large_data(large):
    _, answer = draw(large, "?anchor=ibm-exits-general-purpose-frt&start=2020-06-08&end=2020-06-08")
    figure = answer["response"][ids.GRAPH]["figure"]
    assert figure["layout"]["xaxis"]["type"] == "linear" and not density_shown(answer)
    assert "Days since" not in str(answer["response"][ids.NOTICES]["children"])
    status, answer = zoom(large, {"xaxis.range[0]": -3, "xaxis.range[1]": 3},
                          "?anchor=ibm-exits-general-purpose-frt&start=2020-06-08&end=2020-06-08")
    assert status in (200, 204) and ids.GRAPH not in (answer or {}).get("response", {})  # days: no refinement


def test_zooming_large_data_refines_even_when_days_since_could_not_be_drawn(large):
    """Too many events for a days axis: the chart keeps dates, so a zoom still brings single events."""
    status, answer = zoom(large, {"xaxis.range[0]": "2019-03-04", "xaxis.range[1]": "2019-03-11"},
                          "?anchor=ibm-exits-general-purpose-frt")
    assert status == 200 and not density_shown(answer)
