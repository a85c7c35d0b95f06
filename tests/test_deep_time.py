"""Deep time: TimelineJS files and events CSVs with years before 1000 and BCE (TimelineJS writes 500 BCE as
-500) load, are drawn on a date axis labelled '500 BCE' and 'AD 200', and keep their years through /api,
the details, the zoom URL and every conversion."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from dashboard.app import create_app
from dashboard.cli import main
from dashboard.data.load import check_text, load_events
from dashboard.view import urlstate
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve
from dashboard.web import ids
from tests.conftest import DATA
from tests.dash_requests import render_body

JSON = DATA / "deep_time_timelinejs.json"
CSV = DATA / "deep_time.csv"
ZOOM = "-0600-01-01..-0400-12-31"


@pytest.fixture(scope="module")
def app():
    return create_app(JSON)


def page_figure(app, search: str) -> dict:
    answer = app.server.test_client().post("/_dash-update-component", json=render_body(app, search))
    return answer.get_json()["response"][ids.GRAPH]["figure"]


def test_years_before_1000_and_bce_load_as_written():
    events = load_events(JSON)
    assert len(events) == 8  # every slide of the file
    by_id = events.set_index("id")
    assert by_id.loc["cuneiform-in-uruk", "date"] == "-3000"
    assert by_id.loc["rome-founded-as-told", "when"] == "21 April 753 BCE"
    assert by_id.loc["great-pyramid-built", "when"] == "2560 BCE – 2540 BCE"
    assert by_id.loc["mishnah-written-down", "when"] == "AD 200"
    assert by_id.loc["last-western-emperor-deposed", "when"] == "September AD 476"
    assert list(events["start"].dt.year) == sorted(events["start"].dt.year)  # in time order, BCE first
    assert events.attrs["eras"] == [("-0509", "-0027", "Republic")]
    csv_events = load_events(CSV)
    assert len(csv_events) == 7
    assert csv_events["when"].iloc[0] == "3000 BCE"
    assert csv_events["id"].iloc[0] == "3000-bce-cuneiform-in-uruk"  # not the id of AD 3000


def test_bce_written_as_words_is_read_with_a_note_and_the_year_0_is_refused_at_its_cell():
    report = check_text("date,title\n500 BCE,A\nAD 200,B\n-0044,C\n", "words.csv")
    assert report.errors == []
    assert list(report.events["date"]) == ["-0500", "-0044", "0200"]
    assert any("'500 BCE' was read as the year 500 BCE" in str(w) for w in report.warnings)
    zero = check_text("date,title\n2020,A\n0000-05,B\n-44,C\n", "zero.csv")
    assert [str(p) for p in zero.errors] == [
        "zero.csv:3:1: date '0000-05' is in the year 0, which no calendar has "
        "(1 BCE (written -1) is followed by AD 1 (written 1))",
        "zero.csv:4:1: date '-44' is not a valid YYYY, YYYY-MM or YYYY-MM-DD date "
        "(if it is the year 44 BCE, write it with four digits: -0044)"]
    sheet = check_text("Year,Headline\n0,Zero\n", "zero_sheet.csv")
    assert [str(p) for p in sheet.errors] == [
        "zero_sheet.csv:2:1: Year '0' is not a year (there is no year 0: 1 BCE (-1) is followed by AD 1 (1))"]


def test_the_page_draws_bce_on_a_date_axis_labelled_in_years(app):
    fig = page_figure(app, "?zoom=" + ZOOM)
    xaxis = fig["layout"]["xaxis"]
    assert xaxis["type"] == "date"
    assert xaxis["range"] == ["-0600-01-01", "-0399-01-01"]  # the zoom, in Plotly's own year format
    assert xaxis["labelalias"]["-0500"] == "500 BCE"
    assert xaxis["labelalias"]["-3000"] == "3000 BCE"
    assert xaxis["labelalias"]["0200"] == "AD 200"
    markers = [t for t in fig["data"] if t.get("mode") == "markers" and t.get("customdata") is not None]
    x = {i: v for t in markers for i, v in zip(t["customdata"], _values(t["x"]), strict=True)}
    assert len(x) == 8
    # milliseconds since 1970: 500 BCE (the middle of the year -500) sits where Plotly puts '-0500-07-02'
    assert x["roman-republic"] == pytest.approx(-77929905600000, abs=86_400_000)
    eras = [s for s in fig["layout"]["shapes"] if s.get("xref") == "x"]
    assert eras and eras[0]["x0"] == pytest.approx(-78229670400000)  # 509 BCE


def _values(x):
    if isinstance(x, dict):  # a typed array
        import base64

        import numpy as np
        return np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]).tolist()
    return x


def test_api_rows_and_details_say_the_dates_as_written(app):
    client = app.server.test_client()
    data = client.get("/api/events.json?zoom=" + ZOOM).get_json()
    assert data["meta"]["total"] == 8 and len(data["events"]) == 8  # a zoom shows, it does not filter
    by_id = {e["id"]: e for e in data["events"]}
    caesar = by_id["caesar-killed"]
    assert (caesar["date"], caesar["when"]) == ("-0044-03-15", "15 March 44 BCE")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").get_data(as_text=True))))
    assert [r["date"] for r in rows][:2] == ["-3000", "-2560"]
    answer = app.server.test_client().post(
        "/_dash-update-component", json=render_body(app, "?event=caesar-killed&zoom=" + ZOOM)).get_json()
    assert "15 March 44 BCE" in json.dumps(answer["response"])
    assert client.get("/embed?zoom=" + ZOOM).status_code == 200


def test_the_zoom_url_reads_and_writes_bce_years():
    dataset = load_dataset(JSON)
    shown = resolve("zoom=" + ZOOM + "&event=roman-republic", dataset)
    assert shown.notices == ()
    assert urlstate.serialize(shown.url_view) == "?zoom=" + ZOOM + "&event=roman-republic"
    again = resolve(urlstate.serialize(shown.url_view), dataset)
    assert again.window == shown.window
    # A selected event outside the zoom pans there, keeping the width, in BCE too.
    panned = resolve("zoom=0100-01-01..0300-12-31&event=caesar-killed", dataset)
    assert urlstate.format_zoom(panned.view.zoom).startswith("-0145-")
    hours = urlstate.parse_zoom("2020-05-01T10..2020-05-01T14")
    assert urlstate.format_zoom(hours) == "2020-05-01T10..2020-05-01T14"  # hours still round trip


@pytest.mark.parametrize("source", [JSON, CSV])
def test_conversions_keep_negative_years_both_ways(tmp_path, source):
    runner = CliRunner()
    as_json, as_sheet, back = tmp_path / "t.json", tmp_path / "t.csv", tmp_path / "events.csv"
    for src, target, out in ((source, "timelinejs-json", as_json), (as_json, "timelinejs-csv", as_sheet),
                             (as_sheet, "events", back)):
        result = runner.invoke(main, ["convert", str(src), "--to", target, "--out", str(out)])
        assert result.exit_code == 0, result.output
    slides = json.loads(as_json.read_text(encoding="utf-8"))["events"]
    assert slides[0]["start_date"] == {"year": "-3000"}  # as TimelineJS writes 3000 BCE
    assert list(load_events(back)["date"]) == list(load_events(source)["date"])
