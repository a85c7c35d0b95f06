"""Open-ended spans: an `end_date` of `ongoing` is read, drawn to the data's as-of date with a fading tail
and an arrowhead, and said in words in hover, details, table, /api and conversions."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date

import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.data.formats import writers
from dashboard.data.load import as_of_for, check_text, load_events, read_report
from dashboard.figures import theme
from dashboard.figures.timeline import build_figure, hover_text
from dashboard.version import RELEASED
from dashboard.web import components

from .test_components import texts

AS_OF = date(2026, 12, 3)
BODY = (
    "amazon-pause,2020-06-10,2021-06,Amazon pauses police use,One year.,decision,Amazon,Amazon,,"
    "https://example.org/a\n"
    "amazon-extends,2021-05-18,Ongoing,Amazon extends the pause,Until further notice.,decision,Amazon,"
    "Amazon,,https://example.org/b\n"
)


@pytest.fixture
def ongoing_csv(write_csv):
    return write_csv(BODY)


def table(text: str, as_of: date | None = AS_OF) -> pd.DataFrame:
    from .conftest import HEADER

    report = check_text(HEADER + text, "events.csv", as_of=as_of)
    assert not report.errors, report.errors
    assert report.events is not None
    return report.events


def test_ongoing_runs_to_the_as_of_date_and_is_flagged():
    events = table(BODY).set_index("id")
    row = events.loc["amazon-extends"]
    assert row["end_date"] == "ongoing"  # 'Ongoing' is read case-insensitively and written in one way
    assert bool(row["ongoing"]) is True
    assert row["stop"] == pd.Timestamp(AS_OF)
    assert row["when"] == "18 May 2021 – ongoing"
    closed = events.loc["amazon-pause"]
    assert bool(closed["ongoing"]) is False
    assert closed["when"] == "10 June 2020 – June 2021"


def test_own_file_is_ongoing_as_of_the_day_it_is_read_and_never_ends_before_it_starts():
    events = table(BODY, as_of=None).set_index("id")
    assert events.loc["amazon-extends", "stop"] == pd.Timestamp(date.today())
    late = table("later,2030-02,ongoing,A span that starts after the as-of day,,,,,,\n").iloc[0]
    assert late["stop"] == pd.Timestamp("2030-02-28")  # the end of its own start, not before it


def test_bundled_data_is_ongoing_as_of_its_release(bundled_csv, tmp_path):
    assert as_of_for(bundled_csv) == date.fromisoformat(RELEASED)
    copy = tmp_path / "events.csv"
    shutil.copy(bundled_csv, copy)
    assert as_of_for(copy) is None  # your own copy: as of the day it is read
    events = read_report(bundled_csv).events
    assert events is not None
    ongoing = events[events["ongoing"]]
    assert "amazon-extends-rekognition-moratorium-indefinitely" in set(ongoing["id"])
    assert set(ongoing["stop"]) == {pd.Timestamp(RELEASED)}


def test_a_wrong_end_date_names_ongoing_in_its_hint():
    from .conftest import HEADER

    report = check_text(HEADER + "x,2020-01-01,sometime,A title,,,,,,\n", "events.csv")
    assert [(p.line, p.column) for p in report.errors] == [(2, 3)]
    assert "ongoing" in report.errors[0].hint


def test_ongoing_bar_fades_and_ends_in_an_arrowhead():
    events = table(BODY)
    fig = build_figure(events, annotate=False)
    closed = [t for t in fig.data if t.name == "decision span"]
    fading = [t for t in fig.data if t.name == "decision span (ongoing)" and t.mode == "lines"]
    arrows = [t for t in fig.data if t.name == "decision span (ongoing)" and t.mode == "markers"]
    assert len(closed) == 1 and len(arrows) == 1
    # the closed span and the ongoing span's solid part share a trace; the tail fades step by step
    assert [t.opacity for t in fading] == list(theme.ONGOING_FADE)
    assert all(a > b for a, b in zip(theme.ONGOING_FADE, theme.ONGOING_FADE[1:], strict=False))
    assert max(t.opacity for t in fading) < closed[0].opacity
    ends = [pd.Timestamp(x) for x in closed[0].x if x is not None]
    assert pd.Timestamp("2021-06-30") in ends  # the closed span ends where its data says
    assert max(ends) < pd.Timestamp(AS_OF)  # the ongoing span's solid part stops before its tail
    assert [pd.Timestamp(x) for x in fading[-1].x if x is not None][-1] == pd.Timestamp(AS_OF)
    assert arrows[0].marker.symbol == "triangle-right"
    assert [pd.Timestamp(x) for x in arrows[0].x] == [pd.Timestamp(AS_OF)]


def test_compact_figures_draw_the_tail_too():
    fig = build_figure(table(BODY), annotate=False, compact=True)
    assert any(t.name == "decision span (ongoing)" for t in fig.data)


def test_hover_details_and_table_say_ongoing():
    events = table(BODY)
    row = events.set_index("id", drop=False).loc["amazon-extends"]
    assert "18 May 2021 – ongoing" in hover_text(row)
    said = " ".join(texts(components.details(row)))
    assert "ongoing" in said and "no end known as of" in said
    assert "3 December 2026" in said
    in_table = json.dumps(components.table_data(events, {}))
    assert "ongoing" in in_table


def test_api_rows_say_ongoing(ongoing_csv):
    client = create_app(ongoing_csv).server.test_client()
    rows = {e["id"]: e for e in client.get("/api/events.json").get_json()["events"]}
    today = date.today().isoformat()  # your own file: ongoing as of the day it is read
    wanted = {"end_date": "ongoing", "ongoing": True, "as_of": today, "when": "18 May 2021 – ongoing"}
    assert {k: rows["amazon-extends"][k] for k in wanted} == wanted
    assert rows["amazon-pause"]["ongoing"] is False and "as_of" not in rows["amazon-pause"]
    text = client.get("/api/events.csv").get_data(as_text=True)
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert by_id["amazon-extends"]["end_date"] == "ongoing"


def test_api_rows_of_the_bundled_data_are_ongoing_as_of_the_release(bundled_csv):
    client = create_app(bundled_csv).server.test_client()
    rows = client.get("/api/events.json?company=Amazon").get_json()["events"]
    row = next(e for e in rows if e["id"] == "amazon-extends-rekognition-moratorium-indefinitely")
    assert (row["ongoing"], row["as_of"]) == (True, RELEASED)


def test_conversions_keep_or_say_ongoing():
    events = table(BODY)
    assert ",ongoing," in writers.events_csv(events).text
    doc = writers.timelinejs_json(events)
    item = next(e for e in json.loads(doc.text)["events"] if e["unique_id"] == "amazon-extends")
    assert item["end_date"] == {"year": "2026", "month": "12", "day": "3"}  # TimelineJS: no open end
    assert item["frt"]["ongoing"] is True
    assert any("ongoing" in note for note in doc.notes)
    back = check_text(doc.text, "back.json", as_of=AS_OF).events
    assert back is not None
    assert back.set_index("id").loc["amazon-extends", "end_date"] == "ongoing"
    sheet = writers.timelinejs_csv(events)
    assert "2026,12,3" in sheet.text and any("ongoing" in note for note in sheet.notes)


def test_load_events_docstring_columns_include_ongoing(bundled_csv):
    assert "ongoing" in load_events(bundled_csv).columns
