"""Upload limits: size, rows and parse time, each refused with a clear, located message."""

from __future__ import annotations

import itertools

import pytest

from dashboard.data.errors import DataError
from dashboard.data.limits import MAX_REQUEST_BYTES, MAX_ROWS, MAX_UPLOAD_BYTES, Limits, check_size
from dashboard.data.load import read_bytes

HEADER = "id,date,end_date,title,description,category,actor,companies,location,sources\n"


def rows(n: int) -> bytes:
    body = "".join(f"ev-{i},2020-06-08,,Title {i},D.,decision,IBM,IBM,,https://e.org/{i}\n" for i in range(n))
    return (HEADER + body).encode()


def test_defaults_leave_room_for_a_large_real_file():
    assert MAX_UPLOAD_BYTES >= 4_000_000  # 5,000 events like the bundled ones are about 3.7 MB
    assert MAX_ROWS >= 5_000
    assert MAX_REQUEST_BYTES > MAX_UPLOAD_BYTES * 4 / 3  # a base64 upload inside a callback still fits


def test_a_file_under_every_limit_loads():
    report = read_bytes(rows(50), "mine.csv", Limits())
    assert report.errors == [] and len(report.events) == 50


def test_too_large_is_refused_before_reading_with_sizes_in_the_message():
    report = read_bytes(b"x" * 2_000_001, "big.csv", Limits(max_bytes=2_000_000))
    assert [str(p) for p in report.errors] == [
        "big.csv:0:0: the file is 2.0 MB; the limit is 2.0 MB "
        "(remove columns or events you do not need, or split the file by years)"]
    with pytest.raises(DataError, match="the limit is"):
        check_size(MAX_UPLOAD_BYTES + 1, "big.csv")
    check_size(MAX_UPLOAD_BYTES, "ok.csv")  # exactly at the limit is allowed


def test_too_many_rows_names_the_first_row_over_the_limit():
    report = read_bytes(rows(12), "many.csv", Limits(max_rows=10))
    assert report.events is None
    assert [str(p) for p in report.errors] == [
        "many.csv:12:1: the file has more than 10 events; reading stopped here "
        "(split the file, e.g. by years or companies, and load one part at a time)"]
    assert read_bytes(rows(10), "ten.csv", Limits(max_rows=10)).errors == []


def test_blank_lines_do_not_count_as_rows():
    raw = rows(3) + b"\n\n,,,,,,,,,\n"
    assert read_bytes(raw, "blank.csv", Limits(max_rows=3)).errors == []


def test_slow_reading_stops_with_a_message_naming_where():
    ticks = itertools.count()  # a fake clock: one second passes per look at it
    report = read_bytes(rows(20), "slow.csv", Limits(timeout_s=5, clock=lambda: float(next(ticks))))
    assert report.events is None
    assert len(report.errors) == 1
    problem = report.errors[0]
    assert (problem.file, problem.column) == ("slow.csv", 1) and 2 <= problem.line <= 21
    assert problem.problem == "reading the file took more than 5 s and stopped here"


def test_files_the_app_reads_itself_have_no_upload_limits(write_csv):
    from dashboard.data.load import read_report

    assert read_report(write_csv(rows(12).decode().split("\n", 1)[1])).errors == []
