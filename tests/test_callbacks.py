"""The page's server callbacks through Dash's own endpoint (a real request, no browser): the table's
"Show more" paging."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from dashboard.app import create_app
from dashboard.data.load import load_events
from dashboard.view.urlstate import parse
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
    answer = post(app, callback_key(app, f"{ids.TABLE_DATA}.data"),
                  {f"{ids.TABLE_VIEW}.data": {"search": search}, f"{ids.TABLE_ROWS}.data": stored,
                   "url.search": search},
                  [f"{ids.TABLE_VIEW}.data"])
    return len(answer[ids.TABLE_DATA]["data"]["rows"])


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


# Issue 13: one view, resolved once. Each test below failed on the code before the one resolution.

def select_key(app) -> str:
    return next(k for k in app.callback_map if k.startswith("url.search@")
                and app.callback_map[k]["inputs"][0]["property"] == "clickData")


def select_by_key(app, search: str, event: str):
    """An arrow key (or Home/End) on the chart selects `event`: the URL it asks for."""
    answer = post(app, select_key(app),
                  {f"{ids.KEY_SELECT}.data": {"event": event, "at": 1}, "url.search": search},
                  [f"{ids.KEY_SELECT}.data"])
    return answer["url"]["search"]


def test_selecting_an_event_keeps_the_zoom(app):
    search = "?zoom=2020-05-01..2020-07-31"
    assert select_by_key(app, search, "ibm-exits-general-purpose-frt") == (
        "?zoom=2020-05-01..2020-07-31&event=ibm-exits-general-purpose-frt")


def test_selecting_an_event_outside_the_zoom_pans_there(app):
    """Home selects the first event (2008): the window moves there, keeping its width."""
    url = select_by_key(app, "?zoom=2020-05-01..2020-07-31", "illinois-bipa-enacted")
    view, notices = parse(url)
    assert not notices and view.event == "illinois-bipa-enacted"
    lo, hi = view.zoom
    assert lo < datetime(2008, 10, 3) < hi and (hi - lo).days in (91, 92)


def test_selecting_an_event_off_the_opening_range_pans_there(app):
    """No zoom yet: the chart opens without the lone 2008 event; selecting it brings it on screen."""
    view, _ = parse(select_by_key(app, "", "illinois-bipa-enacted"))
    assert view.zoom is not None and view.zoom[0] < datetime(2008, 10, 3) < view.zoom[1]


def sync(app, search: str, changed: str, value, requested=None):
    key = callback_key(app, f"{ids.URL_REQUEST}.data")
    values = {"url.search": search, f"{changed}.value": value, f"{ids.URL_REQUEST}.data": requested}
    request = body(app, key, values, changed=[f"{changed}.value"])
    response = app.server.test_client().post("/_dash-update-component", json=request)
    return response.status_code, (response.get_json(silent=True) or {}).get("response", {})


def test_leaving_an_unchanged_search_field_during_the_tour_keeps_the_tour(app):
    """Tab through Search in step 2: the field's value (the step's, empty) arrives again; no URL is asked."""
    step_view = {"search": "?step=2"}
    controls = {f"{cid}.value": None
                for cid in (ids.COMPANIES, ids.CATEGORIES, ids.START, ids.END, ids.CONTEXT, ids.TIME)}
    # the controls as the step shows them
    first = post(app, callback_key(app, f"{ids.URL_REQUEST}.data"), {"url.search": step_view["search"]},
                 ["url.search"])
    values = {f"{ids.COMPANIES}.value": first[ids.COMPANIES]["value"],
              f"{ids.CATEGORIES}.value": first[ids.CATEGORIES]["value"],
              f"{ids.START}.value": first[ids.START]["value"], f"{ids.END}.value": first[ids.END]["value"],
              f"{ids.SEARCH}.value": first[ids.SEARCH]["value"],
              f"{ids.CONTEXT}.value": first[ids.CONTEXT]["value"],
              f"{ids.TIME}.value": first[ids.TIME]["value"], "url.search": "?step=2"}
    assert controls  # (every control is sent as the step shows it)
    request = body(app, callback_key(app, f"{ids.URL_REQUEST}.data"), values, changed=[f"{ids.SEARCH}.value"])
    response = app.server.test_client().post("/_dash-update-component", json=request)
    answer = (response.get_json(silent=True) or {}).get("response", {})
    assert response.status_code in (200, 204)
    assert ids.URL_REQUEST not in answer  # nothing asks to leave the tour
    # A real change does leave it, starting from the step's view.
    values[f"{ids.SEARCH}.value"] = "rekognition"
    request = body(app, callback_key(app, f"{ids.URL_REQUEST}.data"), values, changed=[f"{ids.SEARCH}.value"])
    answer = app.server.test_client().post("/_dash-update-component", json=request).get_json()["response"]
    asked, _ = parse(answer[ids.URL_REQUEST]["data"])
    assert asked.step is None and asked.filters.q == "rekognition" and asked.filters.companies == ("Amazon",)


def test_a_new_upload_keeps_the_theme_and_the_zoom(app):
    from dashboard.web.upload.callbacks import kept

    with app.server.test_request_context():
        search = "?company=IBM&theme=dark&zoom=2020-05-01..2020-07-31&event=ibm-exits-general-purpose-frt"
        assert kept(search) == "?zoom=2020-05-01..2020-07-31&theme=dark"
        assert kept(None) == ""


def test_the_embed_draws_a_large_file_at_its_level_of_detail(large_app):
    """/embed used to draw every event of the file: 4.1 MB at 100,000 events."""
    app = large_app
    response = app.server.test_client().get("/embed")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "events per " in page  # density lanes
    assert len(page) < 600_000, len(page)  # 10,000 events
    zoomed = app.server.test_client().get("/embed?zoom=2019-03-04..2019-03-10").get_data(as_text=True)
    assert "events per " not in zoomed  # a narrow window: single events


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
OTHER_DAY_FORMATS = re.compile(  # "June 8, 2020" or "8 Jun 2020": anything but "8 June 2020"
    rf"\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\b\d{{1,2}} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ")


def strings(component, skip: str = "details-description") -> list[str]:
    """Every string a component tree shows, leaving out the subtree of class `skip` (the CSV's own text)."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list):
        return [s for c in component for s in strings(c, skip)]
    if isinstance(component, dict):
        props = component.get("props", {})
        if props.get("className") == skip:
            return []
        return [s for key in ("children", "value") for s in strings(props.get(key), skip)]
    return []


def test_hover_details_citation_and_chart_write_a_day_one_way(app):
    """The hover said "8 June 2020" while "Cite this event" said "December 3, 2026"; the protest band
    said "22 Aug 2020"."""
    event = "ibm-exits-general-purpose-frt"
    answer = post(app, callback_key(app, f"{ids.COUNT}.children"),
                  {"url.search": f"?event={event}", "url.pathname": "/"}, ["url.search"])
    shown = strings(answer[ids.DETAILS]["children"])
    assert "8 June 2020" in shown  # the details' date
    figure = answer[ids.GRAPH]["figure"]
    hover = next(t["hovertext"][list(t["customdata"]).index(event)] for t in figure["data"]
                 if event in (t.get("customdata") or []))
    assert "<br>8 June 2020<br>" in hover
    chart = [a.get("text", "") for a in figure["layout"].get("annotations", [])]
    wrong = [s for s in [*shown, *chart] if OTHER_DAY_FORMATS.search(s)]
    assert wrong == []
