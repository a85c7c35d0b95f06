"""The chart through Dash's HTTP endpoint: the URL draws it, the URL's zoom picks its level of detail, and a
zoom that needs no new figure sends only the new range."""

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


def draw(app, search: str, figure_key=None):
    """The render callback (count, table... and the chart) for a URL; `figure_key` is the key of the
    figure the page already has."""
    response = call(
        app,
        callback_key(app, f"{ids.COUNT}.children"),
        {"url.search": search, "url.pathname": "/", f"{ids.FIGURE_KEY}.data": figure_key},
        ["url.search"],
    )
    return response.status_code, response.get_json(silent=True)


@pytest.fixture
def small(valid_csv):
    return create_app(valid_csv)


@pytest.fixture(scope="module")
def large(large_app):
    return large_app


def figure_of(answer) -> dict:
    return answer["response"][ids.GRAPH]["figure"]


def trace_names(answer) -> list[str]:
    return [t.get("name") for t in figure_of(answer)["data"]]


def density_shown(answer) -> bool:
    return any(str(name).startswith("events per") for name in trace_names(answer))


def is_patch(figure: dict) -> bool:
    return "__dash_patch_update" in figure


def test_the_url_draws_every_event_of_small_data(small):
    status, answer = draw(small, "?company=IBM")
    assert status == 200 and "decision" in trace_names(answer)


def test_the_zoom_in_the_url_opens_the_chart_on_that_window(small):
    _, answer = draw(small, "?zoom=2020-05-01..2020-07-31")
    xaxis = figure_of(answer)["layout"]["xaxis"]
    assert xaxis["range"] == ["2020-05-01", "2020-08-01"]  # the last day is inclusive
    assert figure_of(answer)["layout"]["uirevision"].endswith("2020-05-01..2020-07-31")


def test_a_zoom_of_small_data_sends_only_the_new_range(small):
    _, first = draw(small, "?company=IBM")
    key = first["response"][ids.FIGURE_KEY]["data"]
    status, answer = draw(small, "?company=IBM&zoom=2020-06-01..2020-06-30", key)
    figure = figure_of(answer)
    assert status == 200 and is_patch(figure)
    operations = figure["operations"]
    assert {"operation": "Assign", "location": ["layout", "xaxis", "range"],
            "params": {"value": ["2020-06-01", "2020-07-01"]}} in operations


def test_large_data_opens_as_density_and_a_zoom_in_the_url_draws_single_events(large):
    _, answer = draw(large, "")
    assert density_shown(answer)
    key = answer["response"][ids.FIGURE_KEY]["data"]
    status, answer = draw(large, "?zoom=2019-03-04..2019-03-10", key)
    assert status == 200 and not is_patch(figure_of(answer)) and not density_shown(answer)


def test_a_new_selection_keeps_the_zoomed_level_of_detail(large):
    _, answer = draw(large, "?event=e42&zoom=2019-03-04..2019-03-10")
    assert not density_shown(answer)
    _, answer = draw(large, "?company=IBM")  # no zoom: the opening range
    assert density_shown(answer)


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
    figure = data[data.index(b'"figure"') : data.index(b'"figure-key"')]
    assert len(gzip.compress(figure)) < 150_000  # 10,000 events
    assert b'"bdata"' in figure  # typed arrays, not number lists


def test_a_click_on_a_density_cell_does_not_select_anything(large):
    select = next(k for k in large.callback_map if k.startswith("url.search@")
                  and large.callback_map[k]["inputs"][0]["property"] == "clickData")
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


@pytest.mark.parametrize("key", ["x", [1], {"a": 1}, 3])
def test_a_figure_key_from_the_browser_is_only_compared(large, key):
    status, answer = draw(large, "", key)
    assert status == 200 and density_shown(answer)


def test_days_since_an_event_on_large_data_says_why_it_keeps_dates(large):
    _, answer = draw(large, "?anchor=ibm-exits-general-purpose-frt")
    figure = figure_of(answer)
    assert figure["layout"]["xaxis"].get("type") != "linear" and density_shown(answer)
    notices = str(answer["response"][ids.NOTICES]["children"])
    assert "Days since an event are counted for up to 2,500 events in view" in notices


def test_days_since_an_event_on_a_narrow_view_of_large_data(large):
    _, answer = draw(large, "?anchor=ibm-exits-general-purpose-frt&start=2020-06-08&end=2020-06-08")
    figure = figure_of(answer)
    assert figure["layout"]["xaxis"]["type"] == "linear" and not density_shown(answer)
    assert "Days since" not in str(answer["response"][ids.NOTICES]["children"])


def test_a_zoom_on_a_days_axis_is_written_in_dates_and_drawn_in_days(small):
    _, answer = draw(small, "?anchor=floyd-killed&zoom=2020-05-25..2020-06-30")
    xaxis = figure_of(answer)["layout"]["xaxis"]
    assert xaxis["type"] == "linear" and xaxis["range"] == [0, 37]


def test_zooming_large_data_refines_even_when_days_since_could_not_be_drawn(large):
    """Too many events for a days axis: the chart keeps dates, so a zoom still brings single events."""
    _, answer = draw(large, "?anchor=ibm-exits-general-purpose-frt&zoom=2019-03-04..2019-03-10")
    assert not density_shown(answer)


def test_a_days_axis_on_the_page_leaves_day_0_to_the_note_beside_the_toggle(small):
    """The chart's own title had room for ~40 characters of the day-0 event ("…Derek Cha…"); the page names
    the event whole beside the "Count days" toggle, so the chart draws no title of its own."""
    status, answer = draw(small, "?anchor=floyd-killed")
    assert status == 200
    layout = figure_of(answer)["layout"]
    assert layout["xaxis"]["type"] == "linear"
    assert not (layout.get("title") or {}).get("text"), layout.get("title")


def test_choosing_an_event_does_not_render_the_table_again(small):
    """The table lists the view's rows; which one is selected is marked in the browser (assets/selection.js).
    Re-rendering the table on every selection took ~0.8 s of a 1.4 s click."""
    def render(search: str, table_view=None) -> dict:
        response = call(small, callback_key(small, f"{ids.COUNT}.children"),
                        {"url.search": search, "url.pathname": "/", f"{ids.TABLE_VIEW}.data": table_view},
                        ["url.search"])
        assert response.status_code == 200
        return response.get_json()["response"]

    listed = render("?category=incident")[ids.TABLE_VIEW]["data"]
    chosen = render("?category=incident&event=floyd-killed", listed)
    assert ids.TABLE_VIEW not in chosen and "A man is killed by police" in str(chosen[ids.DETAILS])
    assert render("?category=protest&event=floyd-killed", listed)[ids.TABLE_VIEW]["data"] != listed
