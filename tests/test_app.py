"""The factory: no I/O at import, FRT_EVENTS, a lazy `server` for gunicorn, clear errors for bad data."""

from __future__ import annotations

import importlib

import pytest

from dashboard.data.errors import DataError


def test_import_reads_no_file(monkeypatch, tmp_path):
    monkeypatch.setenv("FRT_EVENTS", str(tmp_path / "missing.csv"))
    module = importlib.reload(importlib.import_module("dashboard.app"))
    assert "server" not in vars(module)  # nothing was loaded, so the missing file did not matter


def test_server_is_built_from_frt_events_on_first_access(monkeypatch, valid_csv):
    monkeypatch.setenv("FRT_EVENTS", str(valid_csv))
    module = importlib.reload(importlib.import_module("dashboard.app"))
    server = module.server
    assert server.test_client().get("/api/events.json").get_json()["meta"]["total"] == 7


def test_invalid_file_raises_data_error_with_locations(write_csv):
    from dashboard.app import create_app

    with pytest.raises(DataError) as info:
        create_app(write_csv("x,2020,,T,D,nope,IBM,,,https://e.org\n"))
    assert str(info.value).startswith("events.csv:2:6: unknown category 'nope'")


# gunicorn serving the app built from FRT_EVENTS (dashboard.app:server): tests/test_gunicorn.py.


def test_a_full_session_opens_the_data_read_only_and_never_changes_it(monkeypatch, tmp_path, valid_csv):
    import builtins
    import hashlib
    import shutil

    from dashboard.app import create_app
    from tests.dash_requests import body, example_requests, server_callbacks

    path = tmp_path / "events.csv"
    shutil.copy(valid_csv, path)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    modes: list[str] = []
    real_open = builtins.open

    def spy(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            modes.append(mode)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    app = create_app(path)
    client = app.server.test_client()
    statuses = [client.open(url, method=method, json=data).status_code
                for _, method, url, data in example_requests(app, client)]
    for key in server_callbacks(app):  # every callback once, as the page calls it
        statuses.append(client.post("/_dash-update-component", json=body(app, key)).status_code)
    for query in ("?company=IBM", "?event=ibm-exit", "?q=x&start=2020-01-01"):
        statuses.append(client.get("/api/events.csv" + query).status_code)
    assert all(s < 500 for s in statuses) and len(statuses) >= 15
    assert modes and all(set(m) <= {"r", "b", "t"} for m in modes), modes  # opened, and only for reading
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]  # nothing written beside it


def test_bad_frame_ancestors_setting_is_refused_before_loading(monkeypatch, valid_csv):
    from dashboard.app import create_app

    monkeypatch.setenv("FRT_FRAME_ANCESTORS", "https://a.org; script-src *")
    with pytest.raises(ValueError, match="is not a site"):
        create_app(valid_csv)


def test_frt_context_is_read_at_start_up(monkeypatch, valid_csv):
    from dashboard.app import create_app

    monkeypatch.setenv("FRT_CONTEXT", str(valid_csv.parent / "context_bad.csv"))
    with pytest.raises(DataError) as info:
        create_app(valid_csv)
    assert str(info.value).startswith("context_bad.csv:3:1: '03/04/2020' is ambiguous")
    monkeypatch.setenv("FRT_CONTEXT", str(valid_csv.parent / "context_columns.csv"))
    monkeypatch.setenv("FRT_CONTEXT_DATE", "day_reported")
    assert create_app(valid_csv).server is not None


def test_a_timelinejs_file_can_be_the_served_data(valid_csv):
    from dashboard.app import create_app

    client = create_app(valid_csv.parent / "timelinejs.json").server.test_client()
    data = client.get("/api/events.json").get_json()
    assert data["meta"]["total"] == 3
    assert {e["group"] for e in data["events"]} == {"Context", "Vendors", ""}
    header = client.get("/api/events.csv").get_data(as_text=True).splitlines()[0]
    assert header.endswith(",sources,related,group")


def test_the_bundled_tour_comes_with_the_bundled_events(monkeypatch):
    from dashboard.app import create_app

    monkeypatch.delenv("FRT_STORY", raising=False)
    monkeypatch.delenv("FRT_EVENTS", raising=False)
    html = create_app().server.test_client().get("/api/events.json?step=6").get_json()
    assert html["meta"]["count"] == 23 and html["meta"]["notices"] == []


def test_own_events_get_no_tour_unless_one_is_given(monkeypatch, valid_csv):
    from dashboard.app import create_app

    from .conftest import DATA

    monkeypatch.delenv("FRT_STORY", raising=False)
    client = create_app(valid_csv).server.test_client()
    assert client.get("/api/events.json?step=1").get_json()["meta"]["notices"] == [
        "There is no guided tour for this data."]
    monkeypatch.setenv("FRT_STORY", str(DATA / "story.csv"))
    client = create_app(DATA / "related.csv").server.test_client()
    assert client.get("/api/events.json?step=3").get_json()["meta"]["notices"] == []


def test_an_invalid_tour_stops_the_app_with_its_location(write_csv, valid_csv, tmp_path):
    from dashboard.app import create_app

    story = tmp_path / "story.csv"
    story.write_text("title,text,view,highlight\nT,Text.,start=2020-01-01,nobody\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        create_app(valid_csv, story_path=story)
    assert str(info.value).startswith("story.csv:2:4: highlighted event 'nobody' does not exist")
