"""Conversions: what each target keeps, the notes on what it cannot keep, and the TimelineJS round trips."""

from __future__ import annotations

import json

import pytest

from dashboard.data import schema
from dashboard.data.formats import writers
from dashboard.data.load import check_text, read_report

from .conftest import DATA

KEPT = ["date", "end_date", "title", "description", "group"]


def rows(report, columns=schema.ALL_COLUMN_NAMES) -> list[dict[str, str]]:
    return report.events[list(columns)].to_dict("records")


@pytest.mark.parametrize("fixture", ["groups.csv", "valid.csv"])
def test_events_through_timelinejs_json_and_back_keep_every_field(fixture):
    original = read_report(DATA / fixture)
    out = writers.write("timelinejs-json", original.events)
    back = check_text(out.text, "back.json")
    assert back.errors == []
    assert rows(back) == rows(original)


def test_json_carries_lanes_as_groups_for_timelinejs():
    original = read_report(DATA / "groups.csv")
    doc = json.loads(writers.write("timelinejs-json", original.events).text)
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["study"]["group"] == "IBM"  # a company lane; the `frt` object keeps both companies
    assert by_id["study"]["frt"]["companies"] == ["IBM", "Microsoft"]
    assert by_id["ban"]["group"] == "Cities"
    assert by_id["study"]["start_date"] == {"year": "2018", "month": "2"}
    assert "&lt;b&gt;markup&lt;/b&gt;" in by_id["study"]["text"]["text"]  # text stays text in TimelineJS too


@pytest.mark.parametrize("fixture", ["timelinejs.csv", "timelinejs.json"])
def test_timelinejs_through_json_and_back_keeps_dates_titles_text_groups_title_and_eras(fixture):
    original = read_report(DATA / fixture)
    out = writers.write(
        "timelinejs-json",
        original.events,
        title=original.title,
        subtitle=original.subtitle,
        eras=original.eras,
    )
    back = check_text(out.text, "back.json")
    assert back.errors == []
    assert rows(back, KEPT) == rows(original, KEPT)
    assert rows(back) == rows(original)  # ids and sources too
    assert (back.title, back.subtitle, back.eras) == (original.title, original.subtitle, original.eras)


def test_timelinejs_sheet_round_trip_through_the_csv_writer():
    original = read_report(DATA / "timelinejs.csv")
    out = writers.write(
        "timelinejs-csv",
        original.events,
        title=original.title,
        subtitle=original.subtitle,
        eras=original.eras,
    )
    back = check_text(out.text, "back.csv")
    assert back.format == "TimelineJS spreadsheet (CSV)"
    assert rows(back) == rows(original)
    assert (back.title, back.eras) == (original.title, original.eras)
    assert out.notes == []


def test_events_to_a_sheet_says_what_a_sheet_cannot_hold():
    original = read_report(DATA / "groups.csv")
    out = writers.write("timelinejs-csv", original.events)
    assert out.text.splitlines()[0] == ",".join(writers.TIMELINEJS_COLUMNS)
    assert out.notes == [
        "the category, actor, companies and location of 4 events are left out: "
        "a TimelineJS sheet has no columns for them (TimelineJS JSON keeps them)",
        "1 event about several companies: each is in one Group (lane) only",
        "1 source that are not http(s) links are left out of Text",
        "4 events: the id is made from the headline when read back (a sheet has no id column), "
        "so permalinks change",
    ]
    back = check_text(out.text, "back.csv")
    assert rows(back, ["date", "end_date", "title", "description"]) == rows(
        original, ["date", "end_date", "title", "description"]
    )


def test_timelinejs_to_events_csv_notes_the_title_eras_and_missing_fields():
    original = read_report(DATA / "timelinejs.csv")
    out = writers.write("events", original.events, title=original.title, eras=original.eras)
    # `related` is written only when an event has links (a TimelineJS sheet has none)
    assert out.text.splitlines()[0] == ",".join(c for c in schema.COLUMN_NAMES if c != "related") + ",group"
    assert out.notes[:2] == [
        "the timeline's title ('A newsroom's timeline') is left out: the events CSV has no place for it",
        "1 era left out: the events CSV has no place for eras",
    ]
    assert not any("fill it in" in note for note in out.notes)  # every column but date and title is optional
    assert writers.write("timelinejs-json", check_text(out.text, "back.csv").events).text  # the round trip


def test_events_csv_neutralises_formulas_and_reads_them_back(write_csv):
    path = write_csv("f,2020,,=HYPERLINK(1),-5% text,decision,@actor,,,https://e.org\n")
    original = read_report(path)
    out = writers.write("events", original.events)
    assert "'=HYPERLINK(1)" in out.text and "'-5% text" in out.text and "'@actor" in out.text
    assert rows(check_text(out.text, "back.csv")) == rows(original)


def test_events_csv_of_project_data_is_the_same_table():
    original = read_report(DATA / "valid.csv")
    out = writers.write("events", original.events)
    assert out.notes == []
    assert rows(check_text(out.text, "back.csv")) == rows(original)
    assert out.text.splitlines()[0] == ",".join(c for c in schema.COLUMN_NAMES if c != "related")


def test_related_links_are_kept_by_events_csv_and_timelinejs_json_and_noted_by_the_sheet():
    original = read_report(DATA / "related.csv")
    back = check_text(writers.write("events", original.events).text, "back.csv")
    assert list(back.events["relation_list"]) == list(original.events["relation_list"])
    through_json = check_text(writers.write("timelinejs-json", original.events).text, "back.json")
    assert through_json.errors == []
    assert list(through_json.events["relation_list"]) == list(original.events["relation_list"])
    sheet = writers.write("timelinejs-csv", original.events)
    assert ("the related-event links of 4 events are left out: a TimelineJS sheet has no column for them "
            "(TimelineJS JSON keeps them)") in sheet.notes


def test_unknown_target():
    with pytest.raises(ValueError):
        writers.write("xlsx", read_report(DATA / "valid.csv").events)


SOURCES = ["valid.csv", "related.csv", "groups.csv", "minimal.csv", "timelinejs.csv", "timelinejs.json",
           "timelinejs2.json", "timeline.xlsx", "vendors.ods", "title_row.csv"]


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("first", writers.TARGETS)
@pytest.mark.parametrize("second", writers.TARGETS)
def test_convert_round_trips_in_every_direction(source, first, second):
    """source -> first -> second: every step reads back without errors and keeps each event's date,
    span and title (and the id wherever the format has a place for it)."""
    original = read_report(DATA / source)
    assert original.errors == []

    def step(report, target, name):
        out = writers.write(target, report.events, title=report.title, subtitle=report.subtitle,
                            eras=report.eras)
        back = check_text(out.text, name)
        assert back.errors == [], (target, [str(p) for p in back.errors][:3])
        return back

    def key(report):
        return sorted(zip(report.events["date"], report.events["end_date"], report.events["title"],
                          strict=True))

    middle = step(original, first, "first")
    last = step(middle, second, "second")
    assert key(middle) == key(original) == key(last)
    if "timelinejs-csv" not in (first, second):
        assert sorted(last.events["id"]) == sorted(original.events["id"])
        sources = sorted(map(tuple, original.events["source_list"]))
        assert sorted(map(tuple, last.events["source_list"])) == sources


def test_timelinejs_json_turns_off_timelinejs_autolink_on_every_slide():
    """The text carries its own links; TimelineJS's autolink would link address-like text inside them again
    (tests/browser/test_timelinejs3.py shows the broken link it made)."""
    original = read_report(DATA / "groups.csv")
    doc = json.loads(writers.write("timelinejs-json", original.events, title="T", subtitle="S").text)
    assert [e["autolink"] for e in doc["events"]] == [False] * len(original.events)
    assert doc["title"]["autolink"] is False


def test_timelinejs_json_says_an_event_about_several_companies_is_in_one_group():
    out = writers.write("timelinejs-json", read_report(DATA / "groups.csv").events)
    assert out.notes == ["1 event about several companies: TimelineJS gives an event one group, so each is "
                         "in its first company's group only (its `frt` object keeps every company)"]


SETTINGS = {"title": "Vendors and the police", "description": "Who stopped & when.",
            "band_event": "protest-wave"}


@pytest.fixture
def dataset_with_settings(tmp_path):
    """related.csv with a settings file beside it: a title, a description and its protest span as the band."""
    source = tmp_path / "linked.csv"
    source.write_text((DATA / "related.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "linked.settings.json").write_text(json.dumps(SETTINGS), encoding="utf-8")
    return source


def convert(*args: str):
    from click.testing import CliRunner

    from dashboard.cli import main

    return CliRunner().invoke(main, ["convert", *map(str, args)])


def test_convert_to_timelinejs_has_the_datasets_title_slide_and_its_protest_band_as_an_era(
        dataset_with_settings, tmp_path):
    out = tmp_path / "t.json"
    result = convert(dataset_with_settings, "--to", "timelinejs-json", "--out", out)
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["title"]["text"] == {"headline": "Vendors and the police",
                                    "text": "<p>Who stopped &amp; when.</p>"}
    assert doc["eras"] == [{"start_date": {"year": "2020", "month": "5", "day": "26"},
                            "end_date": {"year": "2020", "month": "6", "day": "30"},
                            "text": {"headline": "Protests: 26 May – 30 June 2020"}}]
    # read back: the title and the era come along, and converting again does not add the band twice
    back = read_report(out)
    assert (back.title, back.subtitle) == ("Vendors and the police", "Who stopped & when.")
    again = convert(out, "--to", "timelinejs-csv", "--out", "-")
    assert again.exit_code == 0, again.output
    assert again.stdout.count(",era,") == 1
    sheet = check_text(again.stdout, "sheet.csv")
    assert [(e.date, e.end_date) for e in sheet.eras] == [("2020-05-26", "2020-06-30")]


def test_convert_title_options_win_and_the_events_csv_gets_no_band_note(dataset_with_settings, tmp_path):
    out = tmp_path / "t.json"
    result = convert(dataset_with_settings, "--to", "timelinejs-json", "--out", out, "--title", "Mine",
                     "--subtitle", "")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["title"]["text"] == {"headline": "Mine", "text": ""}
    events = convert(dataset_with_settings, "--to", "events", "--out", "-")
    assert events.exit_code == 0, events.output
    assert "era" not in events.stderr  # the events CSV keeps the categories the band is drawn from
    assert "title ('Vendors and the police') is left out" in events.stderr


def test_convert_a_view_keeps_only_the_eras_within_its_dates(dataset_with_settings, tmp_path):
    out = tmp_path / "t.json"
    result = convert(dataset_with_settings, "--to", "timelinejs-json", "--out", out, "--start", "2018-01-01",
                     "--end", "2019-12-31")
    assert result.exit_code == 0, result.output
    assert "note: 1 era outside the view's dates left out" in result.stderr
    assert "eras" not in json.loads(out.read_text(encoding="utf-8"))
    within = convert(dataset_with_settings, "--to", "timelinejs-json", "--out", "-", "--company", "IBM")
    assert json.loads(within.stdout)["eras"][0]["text"]["headline"] == "Protests: 26 May – 30 June 2020"


def test_convert_refuses_a_settings_title_that_is_not_text(dataset_with_settings):
    (dataset_with_settings.parent / "linked.settings.json").write_text('{"title": 3}', encoding="utf-8")
    result = convert(dataset_with_settings, "--to", "timelinejs-json", "--out", "-")
    assert result.exit_code == 1
    assert "linked.settings.json:1:1: title 3 is not text" in result.output
    assert "nothing was written" in result.stderr


def test_a_sheet_names_the_sources_timelinejs_would_relink(write_csv):
    path = write_csv("a,2020,,T,D,decision,IBM,IBM,,"
                     "https://e.org/news?return-url=https%3A%2F%2Fwww.e.org%2Fs https://e.org/wiki/A_(b)\n")
    events = read_report(path).events
    assert ("1 source with an address inside (e.g. ?return-url=...www.) that TimelineJS rewrites into a "
            "broken link: a sheet cannot turn its autolink off (TimelineJS JSON does)") in writers.write(
                "timelinejs-csv", events).notes
    assert writers.write("timelinejs-json", events).notes == []
