"""Uploads from the browser: checked with the loader, limits stated and enforced, nothing written."""

from __future__ import annotations

import base64

from dashboard.data.limits import Limits
from dashboard.web.upload import files as upload

from .conftest import DATA


def pending(raw: bytes, name: str) -> dict:
    return {
        "name": name,
        "size": len(raw),
        "contents": "data:text/csv;base64," + base64.b64encode(raw).decode(),
    }


def test_a_valid_timelinejs_sheet_becomes_a_store_payload_with_its_warnings():
    outcome = upload.events_upload(pending((DATA / "timelinejs.csv").read_bytes(), "timelinejs.csv"))
    assert outcome.errors == []
    assert outcome.summary == "5 events from 2020 to 2021 (TimelineJS spreadsheet (CSV))"
    assert len(outcome.payload["rows"]) == 5
    assert len(outcome.warnings) == 4


def test_an_invalid_file_gives_its_located_problems_and_no_payload():
    outcome = upload.events_upload(pending((DATA / "timelinejs_errors.csv").read_bytes(), "errors.csv"))
    assert outcome.payload is None
    assert (
        str(outcome.errors[0]) == "errors.csv:2:1: Year '20x0' is not a year (a four-digit year, e.g. 2020)"
    )


def test_non_utf8_is_refused_with_the_byte_offset():
    outcome = upload.events_upload(pending((DATA / "latin1.csv").read_bytes(), "latin1.csv"))
    assert "byte offset 98" in outcome.errors[0].problem


def test_size_limit_is_enforced_with_a_clear_message():
    outcome = upload.events_upload({"name": "big.csv", "size": 5_000_000, "too_big": True})
    assert outcome.payload is None
    assert str(outcome.errors[0]) == ("big.csv:0:0: the file is 5.0 MB; the limit is 4.0 MB (remove "
                                      "columns or events you do not need, or split the file by years)")
    assert outcome.errors[0].kind == "file too large"
    raw = b"x" * (upload.MAX_UPLOAD_BYTES + 1)  # a browser that did not say: checked on the bytes too
    assert upload.events_upload(pending(raw, "big.csv")).errors[0].problem.startswith("the file is 4.0 MB")


def test_row_limit_is_enforced(monkeypatch):
    monkeypatch.setattr(upload, "EVENT_LIMITS", Limits(max_rows=3))
    outcome = upload.events_upload(pending((DATA / "valid.csv").read_bytes(), "valid.csv"))
    assert outcome.payload is None
    assert [str(p) for p in outcome.errors] == [
        "valid.csv:5:1: the file has more than 3 events; reading stopped here (split the file, e.g. by "
        "years or companies, and load one part at a time)"]


def test_the_row_limit_counts_timelinejs_json_events(monkeypatch):
    monkeypatch.setattr(upload, "EVENT_LIMITS", Limits(max_rows=2))
    outcome = upload.events_upload(pending((DATA / "timelinejs.json").read_bytes(), "timelinejs.json"))
    assert [p.problem for p in outcome.errors] == ["the file has more than 2 events; reading stopped here"]


def test_context_rows_have_their_own_limit(monkeypatch):
    monkeypatch.setattr(upload, "CONTEXT_LIMITS", Limits(max_rows=4))
    outcome = upload.context_upload(pending((DATA / "context_events.csv").read_bytes(), "acled.csv"))
    assert [p.line for p in outcome.errors] == [6]


def test_other_file_types_and_broken_uploads_are_refused():
    assert upload.events_upload(pending(b"x", "photo.png")).errors[0].kind == "unsupported file type"
    assert upload.events_upload({"name": "a.csv", "contents": "data:text/csv;base64,%%%"}).errors[0].kind == (
        "unreadable file"
    )
    assert upload.events_upload(None).errors[0].kind == "no file"


def test_context_upload_gives_the_series_or_its_problems():
    ok = upload.context_upload(pending((DATA / "context_events.csv").read_bytes(), "acled.csv"))
    assert ok.payload["kind"] == "count" and ok.payload["name"] == "acled.csv"
    assert [w.kind for w in ok.warnings] == ["numeric column not drawn", "row without a date"]
    assert ok.interpretation == "counting rows per day of 'event_date'"
    bad = upload.context_upload(pending((DATA / "context_bad.csv").read_bytes(), "bad.csv"))
    assert bad.payload is None and len(bad.errors) == 3


def test_a_context_series_over_the_point_limit_is_refused(write_csv):
    path = write_csv("event_date\n1900-01-01\n2020-01-01\n", header=None)
    outcome = upload.context_upload(pending(path.read_bytes(), "stray.csv"))
    assert outcome.errors[0].kind == "series too long"
    assert "stray date" in outcome.errors[0].hint


def _receive(app, client, values: dict, changed: str) -> dict:
    import json

    from dashboard.web import ids
    from tests.dash_requests import body, callback_key

    key = callback_key(app, f"{ids.CONTEXT_VALUE_COLUMN}.options")
    response = client.post("/_dash-update-component", json=body(app, key, values, changed=[changed]))
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))["response"]


def _text(component) -> str:
    if isinstance(component, str):
        return component
    if isinstance(component, list):
        return " ".join(_text(c) for c in component)
    if isinstance(component, dict):
        return _text(component.get("props", {}).get("children", ""))
    return ""


def test_the_upload_panel_says_how_a_context_file_is_read_and_lets_the_columns_be_chosen():
    from dashboard.app import create_app
    from dashboard.web import ids

    app = create_app()
    client = app.server.test_client()
    acled = pending((DATA / "context_ids.csv").read_bytes(), "acled.csv") | {"nonce": 2}
    first = _receive(app, client, {f"{ids.PENDING_CONTEXT}.data": acled}, f"{ids.PENDING_CONTEXT}.data")
    assert first[ids.USER_CONTEXT]["data"]["kind"] == "count"
    assert max(first[ids.USER_CONTEXT]["data"]["values"]) == 3  # the ids are never summed
    said = _text(first[ids.UPLOAD_RESULT]["children"])
    assert "Read by counting rows per day of 'EVENT_DATE'" in said and "--context" not in said
    values = [o["value"] for o in first[ids.CONTEXT_VALUE_COLUMN]["options"]]
    assert values == ["", upload.COUNT_ROWS, "ID", "EVENT_DATE", "YEAR", "FATALITIES", "LATITUDE", "NOTES"]
    # the reader chooses FATALITIES: the same file is read again, summing it
    chosen = _receive(app, client, {f"{ids.PENDING_CONTEXT}.data": acled,
                                    f"{ids.CONTEXT_VALUE_COLUMN}.value": "FATALITIES"},
                      f"{ids.CONTEXT_VALUE_COLUMN}.value")
    assert chosen[ids.USER_CONTEXT]["data"]["interpretation"] == "summing 'FATALITIES' per day"
    assert chosen[ids.CONTEXT_VALUE_COLUMN]["value"] == "FATALITIES"
    # an id chosen on purpose is refused, in the panel's own words
    refused = _receive(app, client, {f"{ids.PENDING_CONTEXT}.data": acled,
                                     f"{ids.CONTEXT_VALUE_COLUMN}.value": "ID"},
                       f"{ids.CONTEXT_VALUE_COLUMN}.value")
    assert ids.USER_CONTEXT not in refused
    said = _text(refused[ids.UPLOAD_RESULT]["children"])
    assert "adding it up per day means nothing" in said and "'Values' menu" in said and "--" not in said


def test_the_date_order_choice_reads_the_last_file_again():
    from dashboard.app import create_app
    from dashboard.data.dates import DAY_FIRST
    from dashboard.web import ids

    app = create_app()
    client = app.server.test_client()
    events = pending((DATA / "ambiguous_dates.csv").read_bytes(), "dates.csv") | {"nonce": 5}
    refused = _receive(app, client, {f"{ids.PENDING_EVENTS}.data": events}, f"{ids.PENDING_EVENTS}.data")
    assert ids.USER_DATA not in refused
    said = _text(refused[ids.UPLOAD_RESULT]["children"])
    assert "say whether this file writes the day or the month first" in said
    loaded = _receive(app, client, {f"{ids.PENDING_EVENTS}.data": events,
                                    f"{ids.UPLOAD_DAY_ORDER}.value": DAY_FIRST},
                      f"{ids.UPLOAD_DAY_ORDER}.value")
    assert len(loaded[ids.USER_DATA]["data"]["rows"]) == 3
