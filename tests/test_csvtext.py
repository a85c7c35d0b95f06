"""Real CSV mess: delimiter sniffing, BOM/CRLF, blank lines, trailing columns, encodings."""

from __future__ import annotations

import pytest

from dashboard.data.errors import DataError
from dashboard.data.formats.csvtext import decode, read_table, sniff_delimiter


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3", ","),
        ("a;b;c\n", ";"),
        ("a\tb\tc\n", "\t"),
        ('"x;y",b,c\n', ","),
        ("\n\nid;date\n", ";"),
        ("single\n", ","),
    ],
)
def test_the_delimiter_is_sniffed_from_the_header(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_rows_keep_their_starting_line_across_blank_lines_and_quoted_newlines():
    errors: list = []
    table = read_table('\n\nh1,h2\n"a\nb",c\n\n  \n,\nd,e\n', "f.csv", errors, empty_hint="")
    assert errors == []
    assert table.header_line == 3
    assert table.rows == [(4, ["a\nb", "c"]), (9, ["d", "e"])]


def test_trailing_empty_columns_and_trailing_delimiters_are_dropped():
    errors: list = []
    table = read_table("a,b,,\n1,2,,\n3,4,\n", "f.csv", errors, empty_hint="")
    assert table.header == ["a", "b"]
    assert [cells for _, cells in table.rows] == [["1", "2"], ["3", "4"]]
    assert errors == []


def test_a_non_empty_extra_field_is_an_error_at_its_line():
    errors: list = []
    read_table("a;b\n1;2;3\n", "f.csv", errors, empty_hint="")
    assert [str(e) for e in errors] == [
        "f.csv:2:3: this row has 3 fields but the header has 2 (quote fields that contain ';', and check for "
        "missing or extra ones)"
    ]


def test_cells_neutralised_for_spreadsheets_read_back_as_written():
    errors: list = []
    table = read_table("a,b\n'=SUM(1),'-5%\n", "f.csv", errors, empty_hint="")
    assert table.rows[0][1] == ["=SUM(1)", "-5%"]


def test_utf16_is_named_as_the_likely_encoding():
    with pytest.raises(DataError) as info:
        decode("id,date\n".encode("utf-16"), "u.csv")
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == (1, 1)
    assert "byte offset 0" in problem.problem and "UTF-16" in problem.problem


def test_bom_is_removed():
    assert decode("\ufeffid".encode(), "b.csv") == "id"


def test_a_header_with_an_unclosed_quote_is_still_on_line_1():
    """Found by the loader's property test: a quoted newline at the end of the file put the header on
    line 0."""
    errors: list = []
    assert read_table('"0\n', "upload.csv", errors, empty_hint="").header_line == 1
    assert read_table('\n\n"a\nb",c\n', "upload.csv", errors, empty_hint="").header_line == 3
    assert errors == []
