"""Loading and validation: every problem is found, located (file:line:column) and explained."""

from __future__ import annotations

import hashlib

import pytest

from dashboard.data import check_text, load_events, parse_period, read_report, when_label
from dashboard.errors import DataError

ROW = "ev-{n},2020-06-0{n},,Title {n},Description {n}.,decision,IBM,IBM,,https://example.org/{n}\n"


def problems(path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_events(path)
    return [str(p) for p in info.value.problems]


def test_valid_file_loads_sorted_with_typed_columns(valid_csv):
    events = load_events(valid_csv)
    assert len(events) == 7
    assert list(events["start"]) == sorted(events["start"])
    row = events.set_index("id").loc["study-month"]
    assert row["precision"] == "month"
    assert row["when"] == "February 2018"
    assert row["company_list"] == ("IBM", "Microsoft")
    span = events.set_index("id").loc["amazon-pause"]
    assert span["when"] == "10 June 2020 – 10 June 2021"
    assert str(span["stop"].date()) == "2021-06-10"


def test_unknown_column_is_named_with_its_position(write_csv):
    path = write_csv(ROW.format(n=1), header="id,date,end_date,title,description,category,actor,companeis,"
                     "location,sources\n")
    assert problems(path) == [
        "events.csv:1:8: unknown column 'companeis' (allowed columns: id, date, end_date, title, description, "
        "category, actor, companies, location, sources)"
    ]


def test_missing_required_column(write_csv):
    path = write_csv("a,2020,T,D,decision,IBM\n", header="id,date,title,description,category,actor\n")
    assert problems(path) == ["events.csv:1:7: required column 'sources' is missing (add it to the header row)"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("x,2020-13-01,,T,D,decision,IBM,,,https://e.org", "events.csv:2:2: date '2020-13-01' is not a valid"),
        ("x,June 2020,,T,D,decision,IBM,,,https://e.org", "events.csv:2:2: date 'June 2020' is not a valid"),
        ("x,2020-06-10,2020-06-01,T,D,decision,IBM,,,https://e.org", "events.csv:2:3: end_date 2020-06-01 is "
         "before date 2020-06-10"),
        ("x,2020,,T,D,opinion,IBM,,,https://e.org", "events.csv:2:6: unknown category 'opinion'"),
        ("x,2020,,T,D,decision,IBM,Initech,,https://e.org", "events.csv:2:8: unknown company 'Initech'"),
        ("X_1,2020,,T,D,decision,IBM,,,https://e.org", "events.csv:2:1: id 'X_1' is not a slug"),
        ("x,2020,,,D,decision,IBM,,,https://e.org", "events.csv:2:4: 'title' is empty"),
        ("x,2020,,T,D,decision,IBM,,,javascript:alert(1)", "events.csv:2:10: no source is an http(s) URL"),
        ("x,2020,,T,D,decision,IBM,,", "events.csv:2:10: this row has 9 fields but the header has 10"),
    ],
)
def test_each_error_names_line_and_column(write_csv, row, expected):
    found = problems(write_csv(row + "\n"))
    assert any(p.startswith(expected) for p in found), found


def test_title_too_long(write_csv):
    found = problems(write_csv(f"x,2020,,{'t' * 121},D,decision,IBM,,,https://e.org\n"))
    assert found == ["events.csv:2:4: title is 121 characters long (shorten it to 120)"]


def test_duplicate_id_points_at_the_first_use(write_csv):
    body = "same,2020,,T,D,decision,IBM,,,https://e.org\n\nsame,2021,,T2,D,decision,IBM,,,https://e.org\n"
    assert problems(write_csv(body)) == [
        "events.csv:4:1: id 'same' is already used on line 2 (ids must be unique)"
    ]


def test_every_problem_is_reported_at_once(write_csv):
    body = "a,2020-02-30,,T,D,decision,IBM,,,https://e.org\nb,2020,,T,D,nope,IBM,,,https://e.org\n"
    found = problems(write_csv(body))
    assert [p.split(":")[1] for p in found] == ["2", "3"]


def test_line_numbers_count_quoted_newlines(write_csv):
    body = 'a,2020,,T,"one\ntwo\nthree",decision,IBM,,,https://e.org\nb,2020,,T,D,bad,IBM,,,https://e.org\n'
    assert problems(write_csv(body))[0].startswith("events.csv:5:6: unknown category 'bad'")


def test_bom_crlf_and_quoted_commas_load(valid_csv):
    events = load_events(valid_csv.parent / "bom_crlf.csv")
    assert list(events["id"]) == ["bom-event"]
    assert events["description"].iloc[0] == "A description, with a comma\r\nand a newline."


def test_non_utf8_names_byte_offset_and_likely_encoding(valid_csv):
    found = problems(valid_csv.parent / "latin1.csv")
    assert len(found) == 1
    assert found[0].startswith("latin1.csv:2:22: byte offset 98: byte 0xe9 is not valid UTF-8; the file looks "
                               "like Windows-1252 or Latin-1")
    assert "save the file as UTF-8" in found[0]


def test_empty_file_and_missing_file(write_csv, tmp_path):
    assert problems(write_csv("", header=None))[0].startswith("events.csv:1:1: the file is empty")
    assert "cannot read the file" in problems(tmp_path / "nope.csv")[0]


def test_non_http_source_is_a_warning_when_another_is_http(write_csv):
    report = read_report(write_csv("x,2020,,T,D,decision,IBM,,,https://e.org javascript:alert(1)\n"))
    assert report.errors == []
    assert [str(w) for w in report.warnings] == [
        "events.csv:2:10: source 'javascript:alert(1)' is not an http(s) URL; it is shown as plain text "
        "(use a full https:// address)"
    ]


def test_blank_lines_are_not_events_and_no_row_is_dropped(write_csv):
    body = ROW.format(n=1) + "\n,,,,,,,,,\n" + ROW.format(n=2)
    assert list(load_events(write_csv(body))["id"]) == ["ev-1", "ev-2"]


def test_loading_never_modifies_the_file(valid_csv):
    before = hashlib.sha256(valid_csv.read_bytes()).hexdigest()
    load_events(valid_csv)
    check_text(valid_csv.read_text(encoding="utf-8"))
    assert hashlib.sha256(valid_csv.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("value", "label"),
    [("2020", "2020"), ("2020-06", "June 2020"), ("2020-06-08", "8 June 2020")],
)
def test_dates_are_written_at_their_precision(value, label):
    assert when_label(value) == label


def test_parse_period_rejects_impossible_dates():
    assert parse_period("2021-02-29") is None
    assert parse_period("2020-02-29").precision == "day"
    assert parse_period("20-01") is None
