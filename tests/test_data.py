"""Loading and validation: every problem is found, located (file:line:column) and explained."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.data import schema
from dashboard.data.errors import DataError
from dashboard.data.load import check_text, load_events, parse_period, read_bytes, read_report, when_label
from dashboard.data.safe import is_http_url

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


def test_unknown_column_is_left_out_with_a_warning_naming_the_likely_column(write_csv):
    path = write_csv(ROW.format(n=1), header="id,date,end_date,title,description,category,actor,companeis,"
                     "location,sources\n")
    report = read_report(path)
    assert report.errors == [] and len(report.events) == 1
    assert [str(w) for w in report.warnings] == [
        "events.csv:1:8: column 'companeis' is not one of this project's columns; it is left out "
        "(did you mean 'companies'?)"
    ]


def test_missing_required_column(write_csv):
    path = write_csv("a,2020,T,D,decision,IBM\n", header="id,date,headline,description,category,actor\n")
    assert problems(path) == ["events.csv:1:7: required column 'title' is missing (rename 'headline' to "
                              "'title')"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("x,2020-13-01,,T,D,decision,IBM,,,https://e.org",
         "events.csv:2:2: date '2020-13-01' is not a valid"),
        ("x,June 2020,,T,D,decision,IBM,,,https://e.org", "events.csv:2:2: date 'June 2020' is not a valid"),
        ("x,2020-06-10,2020-06-01,T,D,decision,IBM,,,https://e.org", "events.csv:2:3: end_date 2020-06-01 is "
         "before date 2020-06-10"),
        ("x,2020,,T,D,opinion,IBM,,,https://e.org", "events.csv:2:6: unknown category 'opinion'"),
        ("X_1,2020,,T,D,decision,IBM,,,https://e.org", "events.csv:2:1: id 'X_1' is not a slug"),
        ("x,2020,,,D,decision,IBM,,,https://e.org", "events.csv:2:4: 'title' is empty"),
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
    assert found[0].startswith("latin1.csv:2:22: byte offset 98: byte 0xe9 is not valid UTF-8; the file "
                               "looks like Windows-1252 or Latin-1")
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


# Property-based tests (hypothesis): any input gives a table or located problems, never another exception,
# and no row is ever dropped without being named.

VALID_CELLS = {
    "date": ["2020", "2020-06", "2020-06-08", "1999-12-31"],
    "end_date": ["", "2024-01-01"],
    "title": ["A title", "Ünïcödé, with a comma", '<b>bold</b> & "quoted"', "=1+1"],
    "description": ["One sentence.", "Two lines\nin one cell.", "<script>alert(1)</script>"],
    "category": list(schema.CATEGORIES),
    "actor": ["IBM", "A city", "javascript:alert(1)"],
    "companies": ["", "IBM", "IBM;Amazon"],
    "location": ["", "Minneapolis, MN"],
    "sources": ["https://example.org/a", "http://e.org/x javascript:alert(1)"],
    "related": [""],
}
# Each defect makes one row invalid in a way the loader must name on that row's line.
DEFECTS = {
    "bad date": ("date", "2020-13-01"),
    "bad end": ("end_date", "2019-01-01"),
    "empty title": ("title", ""),
    "long title": ("title", "t" * 121),
    "unknown category": ("category", "opinion"),
    "bad id": ("id", "Not A Slug"),
    "fullwidth digits": ("date", "２０２０"),
    "unknown relation": ("related", "inspired-by:ev-0"),
    "missing related event": ("related", "cites:no-such-event"),
}
csv_rows = st.lists(
    st.tuples(st.sampled_from([None, *DEFECTS]), st.fixed_dictionaries(
        {col: st.sampled_from(values) for col, values in VALID_CELLS.items()})),
    min_size=1, max_size=12)


def write_rows(rows: list[dict[str, str]], *, short: int | None = None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(schema.COLUMN_NAMES)
    for i, row in enumerate(rows):
        cells = [row[c] for c in schema.COLUMN_NAMES]
        writer.writerow(cells[:-1] if i == short else cells)
    return buf.getvalue()


def assert_well_formed(report, name: str) -> None:
    """Either a usable table or at least one error, and every error carries a location and a message."""
    assert (report.events is None) == bool(report.errors)
    for problem in [*report.errors, *report.warnings]:
        assert problem.file == name and problem.line >= 1 and problem.column >= 1 and problem.problem
    if report.events is not None:
        events = report.events
        assert set(schema.COLUMN_NAMES) <= set(events.columns)
        assert events["id"].is_unique and all(schema.ID_RE.match(i) for i in events["id"])
        assert set(events["category"]) <= set(schema.CATEGORIES)
        assert (events["start"] <= events["stop"]).all()
        assert list(events["start"]) == sorted(events["start"])
        assert all(any(is_http_url(u) for u in sources) for sources in events["source_list"] if sources)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_table_or_located_problems(raw):
    assert_well_formed(read_bytes(raw, "upload.csv"), "upload.csv")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), max_size=12), max_size=8),
       st.sampled_from([",", ";", "\t"]), st.booleans())
def test_any_csv_shaped_text_gives_a_table_or_located_problems(cells, sep, with_header):
    lines = ([",".join(schema.COLUMN_NAMES)] if with_header else []) + [sep.join(r) for r in cells]
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    assert_well_formed(read_bytes(raw, "upload.csv"), "upload.csv")


@settings(max_examples=200, deadline=None)
@given(csv_rows, st.data())
def test_every_rejected_row_is_named_on_its_line_and_no_valid_row_is_lost(drawn, data):
    rows, bad_lines = [], set()
    for n, (defect, cells) in enumerate(drawn):
        row = {"id": f"ev-{n}", **cells}
        if defect is not None:
            column, value = DEFECTS[defect]
            row[column] = value
            if defect == "bad end":
                row["date"] = "2020-06-08"
            bad_lines.add(n + 2)
        rows.append(row)
    short = data.draw(st.none() | st.integers(0, len(rows) - 1))
    if short is not None:
        bad_lines.add(short + 2)
    text = write_rows(rows, short=short)
    text_lines = text.split("\n")
    report = check_text(text, "upload.csv")
    assert_well_formed(report, "upload.csv")
    # A multi-line description moves later rows down: map each row to the line it starts on.
    starts, line = [], 2
    for row in rows:
        starts.append(line)
        line += row["description"].count("\n") + 1
    bad_lines = {starts[line - 2] for line in bad_lines}
    assert {p.line for p in report.errors} == bad_lines
    if not bad_lines:
        assert list(report.events["id"]) == sorted((r["id"] for r in rows), key=lambda i: (
            report.events.set_index("id").loc[i, "start"], i))
        assert len(report.events) == len(rows) and len(text_lines) >= len(rows)


def test_messy_file_semicolons_bom_crlf_blank_lines_trailing_spaces_and_float_years(valid_csv):
    report = read_report(valid_csv.parent / "messy_semicolon.csv")
    assert report.errors == [] and report.warnings == []
    events = report.events.set_index("id")
    assert list(report.events["id"]) == ["semi-one", "semi-two"]
    assert events.loc["semi-one", "date"] == "2019"  # written 2019.0
    assert events.loc["semi-one", "title"] == "A study"  # trailing spaces
    assert events.loc["semi-one", "description"] == "Tested; two vendors, with\r\na newline."
    assert events.loc["semi-one", "source_list"] == ("https://example.org/1",)
    assert events.loc["semi-two", "date"] == "2020-06-08"  # written 2020-6-8
    assert events.loc["semi-two", "line"] == 6  # after a quoted newline and a whitespace-only line


def test_a_date_is_read_in_the_order_its_column_shows_and_refused_when_the_column_cannot_tell(valid_csv):
    report = read_report(valid_csv.parent / "ambiguous_dates.csv")
    assert report.events is None
    # `date` has 25/05/2020, which only day first can read; `end_date` has nothing that decides.
    assert [str(p) for p in report.errors] == [
        "ambiguous_dates.csv:4:3: end_date '04/05/2020' is ambiguous: it could be 4 May 2020 or 5 April 2020 "
        "(write it as YYYY-MM-DD (2020-05-04 or 2020-04-05), or say whether this file writes the day or the "
        "month first)",
    ]
    assert [str(p) for p in report.warnings][:2] == [
        "ambiguous_dates.csv:1:2: dates in 'date' are read day first, as '25/05/2020' shows (state the order "
        "if that is wrong)",
        "ambiguous_dates.csv:2:2: date: '25/05/2020' was read day first as 2020-05-25; write dates as "
        "YYYY-MM-DD"]


def test_a_stated_day_order_reads_every_numeric_date(valid_csv):
    from dashboard.data.dates import DAY_FIRST, MONTH_FIRST

    events = load_events(valid_csv.parent / "ambiguous_dates.csv", day_order=DAY_FIRST).set_index("id")
    assert events.loc["ambiguous", "date"] == "2020-04-03"
    assert events.loc["ambiguous-end", "end_date"] == "2020-05-04"
    refused = read_report(valid_csv.parent / "ambiguous_dates.csv", day_order=MONTH_FIRST)
    assert [str(p) for p in refused.errors] == [
        "ambiguous_dates.csv:2:2: date '25/05/2020' is not a date read month first (check the date, or the "
        "order of day and month)"]


def test_the_format_is_detected_from_the_content(valid_csv):
    formats = {name: read_report(valid_csv.parent / name).format
               for name in ("valid.csv", "timelinejs.csv", "timelinejs.json", "groups.csv")}
    assert formats == {"valid.csv": "events CSV", "timelinejs.csv": "TimelineJS spreadsheet (CSV)",
                       "timelinejs.json": "TimelineJS JSON", "groups.csv": "events CSV"}


def test_columns_of_no_known_format_are_one_clear_error(valid_csv):
    assert problems(valid_csv.parent / "unknown_format.csv") == [
        "unknown_format.csv:1:1: the columns (when, what, who) are neither this project's nor a TimelineJS "
        "sheet's (name at least a date and a title column (date,title), or use a TimelineJS sheet with at "
        "least Year and Headline)"]


def test_group_column_is_optional_and_loaded(valid_csv):
    events = load_events(valid_csv.parent / "groups.csv").set_index("id")
    assert events.loc["ban", "group"] == "Cities"
    assert events.loc["study", "group"] == ""
    assert load_events(valid_csv)["group"].eq("").all()


def test_a_trailing_delimiter_is_not_an_extra_field(write_csv):
    assert list(load_events(write_csv("x,2020,,T,D,decision,IBM,,,https://e.org,\n"))["id"]) == ["x"]


def test_problems_carry_a_kind_to_group_them(write_csv):
    report = read_report(write_csv("a,2020-13,,T,D,nope,IBM,,,https://e.org\nb,2021-13,,T,D,x,IBM,,,https://e.org\n"))
    kinds = ["invalid date", "unknown category", "invalid date", "unknown category"]
    assert [p.kind for p in report.errors] == kinds


RELATED_HEADER = "id,date,end_date,title,description,category,actor,companies,location,sources,related\n"


def related_row(event_id: str, related: str) -> str:
    return f"{event_id},2020-06-08,,T {event_id},D.,decision,IBM,IBM,,https://e.org,{related}\n"


def test_related_links_load_as_pairs(write_csv):
    body = related_row("a", "") + related_row("b", "extends:a; cites:c") + related_row("c", "")
    events = load_events(write_csv(body, header=RELATED_HEADER)).set_index("id")
    assert events.loc["b", "relation_list"] == (("extends", "a"), ("cites", "c"))
    assert events.loc["a", "relation_list"] == ()
    assert events.loc["b", "related"] == "extends:a; cites:c"


def test_related_problems_name_line_and_column(write_csv):
    body = (related_row("a", "extends:b") + related_row("b", "inspired-by:a")
            + related_row("c", "cites:nobody") + related_row("d", "follows-up:d;extends"))
    assert problems(write_csv(body, header=RELATED_HEADER)) == [
        "events.csv:3:11: unknown relation 'inspired-by' in 'inspired-by:a' "
        "(use one of: responds-to, extends, reverses, follows-up, cites)",
        "events.csv:4:11: related event 'nobody' does not exist in this file "
        "(check the id (ids are case-sensitive), or add that event first)",
        "events.csv:5:11: related entry 'extends' is not relation:event-id "
        "(write e.g. extends:some-event-id; relations: responds-to, extends, reverses, follows-up, cites)",
        "events.csv:5:11: event 'd' cannot be related to itself (remove 'follows-up:d')",
    ]


def test_related_column_may_come_anywhere_and_point_forwards(write_csv):
    header = "related,id,date,title,description,category,actor,sources\n"
    body = "cites:later,early,2019,Early,D.,research,R,https://e.org\n,later,2020,Later,D.,research,R,https://e.org\n"
    events = load_events(write_csv(body, header=header)).set_index("id")
    assert events.loc["early", "relation_list"] == (("cites", "later"),)
    assert problems(write_csv("cites:gone," + body.split(",", 1)[1], header=header)) == [
        "events.csv:2:1: related event 'gone' does not exist in this file "
        "(check the id (ids are case-sensitive), or add that event first)"]


def test_a_link_to_a_row_with_other_problems_is_not_reported_twice(write_csv):
    body = related_row("a", "") + "b,2020-13,,T,D,decision,IBM,IBM,,https://e.org,extends:a\n"
    assert [p.split(": ")[0] for p in problems(write_csv(body, header=RELATED_HEADER))] == ["events.csv:3:2"]


def test_date_and_title_are_a_whole_file_ids_are_made_from_them(valid_csv):
    report = read_report(valid_csv.parent / "minimal.csv")
    assert report.errors == []
    assert list(report.events["id"]) == ["2020-06-08-ibm-exits", "2020-06-08-ibm-exits-2", "2021-a-year"]
    assert list(report.events["category"]) == ["", "", ""]  # drawn and filtered as uncategorised
    assert report.notes == ["3 events have no id: made from the date and title (e.g. '2020-06-08-ibm-exits')"]
    # the same file gives the same ids: permalinks stay
    assert list(read_report(valid_csv.parent / "minimal.csv").events["id"]) == list(report.events["id"])


def test_a_made_id_never_takes_an_id_the_file_gives(write_csv):
    path = write_csv("2020-06-08-ibm-exits,2020-06-08,Other\n,2020-06-08,IBM exits\n",
                     header="id,date,title\n")
    assert sorted(load_events(path)["id"]) == ["2020-06-08-ibm-exits", "2020-06-08-ibm-exits-2"]


def test_a_title_row_above_the_header_is_said_and_passed_over(valid_csv):
    report = read_report(valid_csv.parent / "title_row.csv")
    assert report.errors == []
    assert report.diagnosis == ("line 1 looks like a title row above the header ('Facial recognition "
                                "timeline (draft)'); the header is read from line 3")
    events = report.events.set_index("title")
    assert events.loc["Acme pauses sales", "date"] == "2020-05-13"
    assert events.loc["Hikvision contract", "date"] == "2020-05-01"  # day first, as 13.05.2020 shows
    assert {w.kind for w in report.warnings} >= {"title row above the header", "column left out",
                                                 "date order inferred"}


def test_a_context_series_given_as_events_says_so(valid_csv):
    report = read_report(valid_csv.parent / "context_daily.csv")
    assert [p.kind for p in report.errors] == ["not an events file"]
    assert report.errors[0].problem.startswith("this looks like a context series")
    assert "--context" in report.errors[0].hint and "upload panel" in report.errors[0].hint


def test_a_row_count_names_the_fields_it_really_has(write_csv):
    path = write_csv("2020,T,,,,\n2021\n", header="date,title,,,,\n")
    assert problems(path) == ["events.csv:3:2: this row has 1 field but the header has 2 named ones (and 4 "
                              "unnamed) (quote fields that contain commas, and check for missing or extra "
                              "commas)"]
