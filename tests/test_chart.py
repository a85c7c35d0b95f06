"""The chart's callbacks through Dash's HTTP endpoint: the URL draws the chart, a zoom asks for a new
level of detail only when the data is large."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.app import create_app


def post(client, output: str, outputs, inputs, state=(), changed=()):
    body = {"output": output, "outputs": outputs, "inputs": list(inputs), "state": list(state),
            "changedPropIds": list(changed)}
    response = client.post("/_dash-update-component", json=body)
    return response.status_code, (response.get_json() if response.status_code == 200 else None)


def draw(client, search: str):
    return post(client, f"{ids.GRAPH}.figure", {"id": ids.GRAPH, "property": "figure"},
                [{"id": ids.URL, "property": "search", "value": search}],
                [{"id": ids.VIEW_RANGE, "property": "data", "value": None}], [f"{ids.URL}.search"])


def zoom(client, relayout, search=""):
    output = f"..{ids.GRAPH}.figure@{_dup(client)}...{ids.VIEW_RANGE}.data.."
    return post(client, output, [{"id": ids.GRAPH, "property": "figure"}, {"id": ids.VIEW_RANGE, "property": "data"}],
                [{"id": ids.GRAPH, "property": "relayoutData", "value": relayout}],
                [{"id": ids.URL, "property": "search", "value": search}], [f"{ids.GRAPH}.relayoutData"])


def _dup(client) -> str:
    deps = client.get("/_dash-dependencies").get_json()
    out = next(d["output"] for d in deps if d["inputs"][0]["property"] == "relayoutData")
    return out.split("@", 1)[1].split("...", 1)[0]


@pytest.fixture
def small(valid_csv):
    return create_app(valid_csv).server.test_client()


@pytest.fixture(scope="module")
def large(large_csv):
    return create_app(large_csv).server.test_client()


def trace_names(answer) -> list[str]:
    return [t.get("name") for t in answer["response"][ids.GRAPH]["figure"]["data"]]


def test_the_url_draws_every_event_of_small_data(small):
    status, answer = draw(small, "?company=IBM")
    assert status == 200 and "decision" in trace_names(answer)


def test_zooming_small_data_needs_no_new_figure(small):
    status, answer = zoom(small, {"xaxis.range[0]": "2020-06-01", "xaxis.range[1]": "2020-06-30"})
    assert status == 200 and ids.GRAPH not in answer["response"]  # plotly zooms by itself


def test_large_data_opens_as_density_and_a_zoom_returns_single_events(large):
    _, answer = draw(large, "")
    assert any(name.startswith("events per") for name in trace_names(answer))
    status, answer = zoom(large, {"xaxis.range[0]": "2019-03-04", "xaxis.range[1]": "2019-03-11"})
    assert status == 200
    assert not any(str(name).startswith("events per") for name in trace_names(answer))
    remembered = answer["response"][ids.VIEW_RANGE]["data"]
    assert remembered == {"revision": "all", "range": [1551657600000, 1552262400000]}  # ms


def test_a_new_selection_keeps_the_zoomed_level_of_detail(large):
    remembered = {"revision": "all", "range": [1551657600000, 1552262400000]}
    _, answer = post(large, f"{ids.GRAPH}.figure", {"id": ids.GRAPH, "property": "figure"},
                     [{"id": ids.URL, "property": "search", "value": "?event=e42"}],
                     [{"id": ids.VIEW_RANGE, "property": "data", "value": remembered}], [f"{ids.URL}.search"])
    assert not any(str(name).startswith("events per") for name in trace_names(answer))
    remembered["revision"] = "?company=IBM"  # another filter: the chart opens on its default range
    _, answer = post(large, f"{ids.GRAPH}.figure", {"id": ids.GRAPH, "property": "figure"},
                     [{"id": ids.URL, "property": "search", "value": ""}],
                     [{"id": ids.VIEW_RANGE, "property": "data", "value": remembered}], [f"{ids.URL}.search"])
    assert any(str(name).startswith("events per") for name in trace_names(answer))


def test_the_autosize_relayout_changes_nothing(large):
    status, answer = zoom(large, {"autosize": True})
    assert status == 200 and answer["response"] == {}


def test_payload_of_a_large_view_is_compact(large):
    response = large.post("/_dash-update-component", json={
        "output": f"{ids.GRAPH}.figure", "outputs": {"id": ids.GRAPH, "property": "figure"},
        "inputs": [{"id": ids.URL, "property": "search", "value": ""}],
        "state": [{"id": ids.VIEW_RANGE, "property": "data", "value": None}], "changedPropIds": [f"{ids.URL}.search"]},
        headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.get_data()) < 150_000  # 10,000 events
    assert b'"bdata"' in __import__("gzip").decompress(response.get_data())  # typed arrays, not number lists


def test_a_click_on_a_density_cell_does_not_select_anything(large_csv):
    from tests.dash_requests import body, callback_key

    app = create_app(large_csv)
    data = body(app, callback_key(app, "url.search@"),
                {"timeline.clickData": {"points": [{"customdata": 12, "z": 1.1}]}, "url.search": "?event=e1"},
                changed=["timeline.clickData"])
    response = app.server.test_client().post("/_dash-update-component", json=data)
    assert response.status_code in (200, 204)
    assert "url" not in ((response.get_json(silent=True) or {}).get("response") or {})  # the view is unchanged


@pytest.mark.parametrize("stored", ["x", [1], {"revision": "all", "range": "x"}, {"revision": "all", "range": [2, 1]},
                                    {"revision": "all", "range": [1.5, 2]}, {"revision": 3, "range": [1, 2]}])
def test_a_stored_range_from_the_browser_is_checked(large, stored):
    status, answer = post(large, f"{ids.GRAPH}.figure", {"id": ids.GRAPH, "property": "figure"},
                          [{"id": ids.URL, "property": "search", "value": ""}],
                          [{"id": ids.VIEW_RANGE, "property": "data", "value": stored}], [f"{ids.URL}.search"])
    assert status == 200 and any(str(n).startswith("events per") for n in trace_names(answer))
