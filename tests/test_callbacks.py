"""The page's server callbacks through Dash's own endpoint (a real request, no browser): the table's
"Show more" paging."""

from __future__ import annotations

import json

import pytest

from dashboard.app import create_app
from dashboard.data.load import load_events
from dashboard.web import ids
from tests.conftest import ROOT
from tests.dash_requests import body, callback_key


@pytest.fixture(scope="module")
def every() -> int:
    """The number of events in the bundled file."""
    return len(load_events(ROOT / "events.csv"))


@pytest.fixture(scope="module")
def app():
    return create_app(ROOT / "events.csv")


def post(app, key: str, values: dict, changed: list[str]) -> dict:
    request = body(app, key, values, changed=changed)
    response = app.server.test_client().post("/_dash-update-component", json=request)
    assert response.status_code == 200
    return response.get_json()["response"]


def show_more(app, search: str, stored) -> dict:
    answer = post(app, callback_key(app, f"{ids.TABLE_ROWS}.data"),
                  {f"{ids.TABLE_MORE}.n_clicks": 1, f"{ids.TABLE_ROWS}.data": stored, "url.search": search},
                  [f"{ids.TABLE_MORE}.n_clicks"])
    return answer[ids.TABLE_ROWS]["data"]


def table_rows(app, search: str, stored) -> int:
    """How many rows the table lists for the URL's view, given what "Show more" stored."""
    answer = post(app, callback_key(app, f"{ids.TABLE}.children"),
                  {f"{ids.TABLE_VIEW}.data": {"search": search}, f"{ids.TABLE_ROWS}.data": stored,
                   "url.search": search},
                  [f"{ids.TABLE_VIEW}.data"])
    return json.dumps(answer[ids.TABLE]["children"]).count(f'"type": "{ids.ROW_BUTTON}"')


def test_the_table_opens_with_one_page_and_show_more_adds_a_page(app, every):
    assert table_rows(app, "", None) == 50
    stored = show_more(app, "", None)
    assert table_rows(app, "", stored) == 100
    assert table_rows(app, "", show_more(app, "", stored)) == min(150, every)


def test_new_filters_start_the_table_at_one_page_again(app):
    stored = show_more(app, "", None)
    assert table_rows(app, "", stored) == 100
    assert table_rows(app, "?start=2019-01-01", stored) == 50  # a new view: the first page of its rows
    assert table_rows(app, "?start=2019-01-01", show_more(app, "?start=2019-01-01", stored)) > 50


def test_selecting_an_event_or_a_tour_step_keeps_the_rows_shown(app):
    stored = show_more(app, "", None)
    assert table_rows(app, "?event=ibm-exits-general-purpose-frt", stored) == 100
    assert table_rows(app, "?theme=dark", stored) == 100


def test_a_stored_value_from_the_browser_is_bounded(app, every):
    assert table_rows(app, "", {"view": "events.csv?", "rows": 10**9}) == every
    assert table_rows(app, "", {"view": "events.csv?", "rows": True}) == 50
    assert table_rows(app, "", "nonsense") == 50


def test_nothing_that_runs_on_page_load_writes_the_url(app):
    """Dash holds a callback back while another that writes one of its inputs is running. The chart and the
    other view callbacks read url.search, so a page-load callback writing it (as the filters' sync once did)
    costs every page load a round trip before the chart can be asked for."""
    deps = app.server.test_client().get("/_dash-dependencies").get_json()
    assert any(d["inputs"][0]["id"] == ids.URL for d in deps if not d.get("prevent_initial_call"))
    on_load = [d["output"] for d in deps if not d.get("prevent_initial_call")]
    assert not [o for o in on_load if f"{ids.URL}.search" in o], on_load
