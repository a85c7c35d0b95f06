"""TimelineJS sheets (CSV) and JSON: what loads, where problems are reported, what is left out and said so."""

from __future__ import annotations

import pytest

from dashboard.data.load import load_events, read_report
from dashboard.figures.timeline import build_figure, era_bands

from .conftest import DATA


def strs(problems) -> list[str]:
    return [str(p) for p in problems]


@pytest.fixture(scope="module")
def sheet():
    return read_report(DATA / "timelinejs.csv")


def test_a_sheet_is_detected_and_its_events_load(sheet):
    assert sheet.format == "TimelineJS spreadsheet (CSV)"
    assert sheet.errors == []
    events = sheet.events.set_index("id")
    assert list(sheet.events["id"]) == [
        "a-man-is-killed-by-police",
        "protests-spread",
        "vendor-b-pauses-sales",
        "vendor-a-leaves-the-market",
        "a-law-passes",
    ]
    assert events.loc["vendor-a-leaves-the-market", "date"] == "2020-06-08"  # written 2020.0, 6.0, 8.0
    assert events.loc["vendor-b-pauses-sales", "when"] == "June 2020"
    assert events.loc["protests-spread", "when"] == "26 May 2020 – 30 June 2020"
    assert events.loc["a-law-passes", "date"] == "2021"


def test_the_title_row_is_the_title_and_era_rows_are_eras_not_events(sheet):
    assert sheet.title == "A newsroom's timeline"
    assert sheet.subtitle == "Decisions & protests"
    assert [(e.date, e.end_date, e.label) for e in sheet.eras] == [
        ("2020-05-25", "2020-07-31", "Protest weeks")
    ]
    assert "Protest weeks" not in set(sheet.events["title"])


def test_group_is_the_lane(sheet):
    fig = build_figure(sheet.events, eras=era_bands([("2020-05-25", "2020-07-31", "Protest weeks")]))
    assert list(fig.layout.yaxis.ticktext) == ["Context", "Vendors", "Events"]
    era = [s for s in fig.layout.shapes if s.yref == "paper"][0]
    assert (str(era.x0)[:10], str(era.x1)[:10]) == ("2020-05-25", "2020-07-31")
    assert "Protest weeks" in [a.text for a in fig.layout.annotations]


def test_html_becomes_plain_text_and_http_links_become_sources(sheet):
    row = sheet.events.set_index("id").loc["a-man-is-killed-by-police"]
    assert row["description"] == "Police in a city kill a man, and video spreads.\nSee the report and this."
    assert row["source_list"] == ("https://example.org/report",)
    vendor = sheet.events.set_index("id").loc["vendor-a-leaves-the-market"]
    assert vendor["description"] == "Vendor A stops selling the product."  # script content discarded
    assert "<" not in "".join(sheet.events["title"]) + "".join(sheet.events["description"])


def test_quoted_commas_and_newlines_in_a_sheet(sheet):
    row = sheet.events.set_index("id").loc["protests-spread"]
    assert row["description"] == "Protests spread to many cities,\nand continue for weeks."


def test_what_is_not_shown_is_reported_once_per_kind_with_a_place(sheet):
    assert strs(sheet.warnings) == [
        "timelinejs.csv:3:11: link 'javascript:alert(1)' is not an http(s) URL; it is left out "
        "(link to a full https:// address)",
        "timelinejs.csv:3:12: Media (1 row) is left out: this app shows no media "
        "(the file itself is not changed)",
        "timelinejs.csv:6:4: Time (1 row) is left out: the timeline shows days, not times "
        "(the file itself is not changed)",
        "timelinejs.csv:7:9: Display date (1 row) is left out: each date is written at its precision instead "
        "(the file itself is not changed)",
    ]


def test_every_sheet_problem_is_located_at_its_cell():
    report = read_report(DATA / "timelinejs_errors.csv")
    assert report.events is None
    assert strs(report.errors) == [
        "timelinejs_errors.csv:2:1: Year '20x0' is not a year (a four-digit year, e.g. 2020)",
        "timelinejs_errors.csv:2:2: Month '13' is not a month (a number from 1 to 12)",
        "timelinejs_errors.csv:3:2: Day is given without a month (add the month)",
        "timelinejs_errors.csv:4:3: 2021-02-30 is not a calendar date (check the day of the month)",
        "timelinejs_errors.csv:5:4: End Year/Month/Day 2020-05-01 is before Year/Month/Day 2020-06-01 "
        "(swap them, or leave End Year/Month/Day empty)",
        "timelinejs_errors.csv:6:7: this event has neither a Headline nor Text, nor a media caption or "
        "credit (give it a headline)",
        "timelinejs_errors.csv:7:1: Year is empty (every event needs at least a year)",
        "timelinejs_errors.csv:8:4: End Year is empty (an era needs an end date)",
    ]
    assert {p.kind for p in report.errors} == {
        "invalid date",
        "end before start",
        "missing value",
        "missing date",
    }


def test_json_loads_with_title_eras_groups_and_ids():
    report = read_report(DATA / "timelinejs.json")
    assert report.format == "TimelineJS JSON"
    assert report.errors == []
    assert report.title == "A newsroom's timeline"
    assert [(e.date, e.end_date, e.label) for e in report.eras] == [
        ("2020-05-25", "2020-07-31", "Protest weeks")
    ]
    events = report.events.set_index("id")
    assert list(report.events["id"]) == [
        "only-a-text-no-headline-about-a-study",
        "killing",
        "vendor-a-pauses",
    ]
    assert events.loc["killing", "group"] == "Context"
    assert events.loc["killing", "source_list"] == ("https://example.org/report",)
    assert (
        events.loc["vendor-a-pauses", "when"] == "8 June 2020 – June 2021"
    )  # numbers, not strings, in the JSON
    assert (
        events.loc["only-a-text-no-headline-about-a-study", "title"]
        == "Only a text, no headline, about a study."
    )


def test_json_warnings_point_at_the_json_value():
    report = read_report(DATA / "timelinejs.json")
    assert [(p.line, p.column, p.problem.split(" (")[0]) for p in report.warnings] == [
        (8, 16, "Media"),
        (13, 66, "Time"),
        (17, 23, "Display date"),
    ]


def test_invalid_json_names_line_and_column():
    report = read_report(DATA / "timelinejs_broken.json")
    assert strs(report.errors) == [
        "timelinejs_broken.json:4:37: this is not valid JSON: Expecting ',' delimiter "
        "(check the commas, quotes and brackets near this place)"
    ]


def test_json_value_problems_are_located_at_the_value():
    report = read_report(DATA / "timelinejs_bad_values.json")
    assert strs(report.errors) == [
        "timelinejs_bad_values.json:4:29: start_date.year '20x0' is not a year "
        "(a four-digit year, e.g. 2020)",
        "timelinejs_bad_values.json:6:5: start_date.year is empty (every event needs at least a year)",
        "timelinejs_bad_values.json:8:86: id 'same' is already used on line 7 (ids must be unique)",
    ]


@pytest.mark.parametrize("text", ['{"title": "x"}', "[1, 2]", '{"events": "no"}'])
def test_json_that_is_not_timelinejs(write_csv, text):
    report = read_report(write_csv(text, header=None, name="x.json"))
    assert strs(report.errors)[0].startswith('x.json:1:1: no "events" list at the top level')


def test_deeply_nested_json_is_an_error_not_a_crash(write_csv):
    report = read_report(
        write_csv('{"events": ' + "[" * 5000 + "]" * 5000 + "}", header=None, name="deep.json")
    )
    assert report.errors and report.events is None


def test_older_sheets_read_03_04_in_the_order_the_start_date_column_shows():
    events = read_report(DATA / "timelinejs_legacy.csv").events.set_index("id")
    assert events.loc["third-event", "date"] == "2020-04-03"  # the column also has 25/05/2020


def test_older_sheets_refuse_03_04_when_nothing_decides(tmp_path):
    text = (DATA / "timelinejs_legacy.csv").read_text(encoding="utf-8").replace("25/05/2020", "2020-05-25")
    path = tmp_path / "legacy.csv"
    path.write_text(text, encoding="utf-8")
    assert strs(read_report(path).errors) == [
        "legacy.csv:4:1: Start Date '03/04/2020' is ambiguous: it could be 3 April 2020 or 4 March 2020 "
        "(write it as YYYY-MM-DD (2020-04-03 or 2020-03-04), or say whether this file writes the day or the "
        "month first)"
    ]


def test_older_sheet_without_the_ambiguous_row_loads(tmp_path):
    text = (DATA / "timelinejs_legacy.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "legacy.csv"
    path.write_text("\n".join(text[:3]) + "\n", encoding="utf-8")
    events = load_events(path).set_index("id")
    assert events.loc["first-event", "date"] == "2020-06-08"  # written 2020,06,08
    assert events.loc["second-event", "when"] == "25 May 2020 – 30 June 2020"
    assert events.loc["second-event", "group"] == "Context"


def test_a_long_headline_is_kept_whole_in_the_description(write_csv):
    headline = "word " * 40
    report = read_report(write_csv(f"2020,{headline},Text\n", header="Year,Headline,Text\n", name="long.csv"))
    row = report.events.iloc[0]
    assert len(row["title"]) == 120
    assert row["description"] == headline.strip() + "\n\nText"
    assert report.warnings[0].kind == "long headline"


def test_a_google_sheets_xlsx_is_read_from_the_sheet_with_the_header():
    report = read_report(DATA / "timeline.xlsx")
    assert report.errors == []
    assert report.format == "TimelineJS spreadsheet (CSV), from sheet 'od1' of a .xlsx workbook"
    events = report.events.set_index("id")
    assert events.loc["ibm-exits", "description"] == "IBM leaves · the business."  # not 'byte 0xb7 ...'
    assert events.loc["amazon-pauses", "when"] == "10 June 2020 – 10 June 2021"
    kinds = [w.kind for w in report.warnings]
    assert kinds[:2] == ["sheet left out", "title row above the header"]


def test_a_media_only_slide_is_kept_with_its_caption_as_the_title():
    report = read_report(DATA / "timeline.xlsx")
    events = report.events.set_index("id")
    assert events.loc["protesters-in-minneapolis", "title"] == "Protesters in Minneapolis"
    assert [str(w) for w in report.warnings if w.kind == "media-only slide"] == [
        "timeline.xlsx:6:10: a media-only slide: kept, with 'Protesters in Minneapolis' (its media caption, "
        "credit or address) as the title (give it a headline)"]


def test_an_ods_workbook_in_this_project_s_columns():
    events = load_events(DATA / "vendors.ods").set_index("title")
    assert events.loc["Council signs with Hikvision", "date"] == "2020-05-13"
    assert events.loc["Palantir contract renewed", "company_list"] == ("Palantir",)


def test_an_old_xls_workbook_is_named(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert strs(read_report(path).errors) == [
        "old.xls:1:1: this looks like an Excel 97-2003 workbook (.xls) (save it as .xlsx or as CSV UTF-8, "
        "then load it again)"]


def test_timelinejs_2_json():
    report = read_report(DATA / "timelinejs2.json")
    assert report.errors == [] and report.format == "TimelineJS 2 JSON"
    assert report.title == "Vendors and the city"
    assert [(e.date, e.end_date, e.label) for e in report.eras] == [("2020-05-26", "2020-06-30", "Protests")]
    events = report.events.set_index("id")
    assert events.loc["ibm-exits", "date"] == "2020-06-08"
    assert events.loc["ibm-exits", "source_list"] == ("https://example.org/ibm",)
    assert events.loc["amazon-pauses", "group"] == "Vendors"
    assert events.loc["a-march", "title"] == "A march"
