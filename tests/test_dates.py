"""Reading dates as files write them: normalised when unambiguous, refused with both readings when not."""

from __future__ import annotations

import pytest

from dashboard.data.dates import read_date


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2020", "2020"),
        ("2020-06", "2020-06"),
        ("2020-06-08", "2020-06-08"),
        ("2019.0", "2019"),  # a spreadsheet or pandas wrote the year as a float
        (" 2020-06-08 ", "2020-06-08"),
        ("2020-6-8", "2020-06-08"),
        ("2020/06/08", "2020-06-08"),
        ("2020-06-08 00:00:00", "2020-06-08"),
        ("2020-06-08T00:00:00Z", "2020-06-08"),
    ],
)
def test_unambiguous_dates_are_normalised_silently(raw, value):
    reading = read_date(raw)
    assert (reading.value, reading.problem, reading.note) == (value, "", "")


@pytest.mark.parametrize(
    ("raw", "value"),
    [("25/05/2020", "2020-05-25"), ("05/25/2020", "2020-05-25"), ("25.05.2020", "2020-05-25")],
)
def test_day_month_order_is_read_only_when_one_number_cannot_be_a_month(raw, value):
    reading = read_date(raw)
    assert reading.value == value
    assert reading.note == f"'{raw}' was read as {value}; write dates as YYYY-MM-DD"


def test_an_ambiguous_date_is_refused_with_both_readings():
    reading = read_date("03/04/2020")
    assert reading.value is None
    assert reading.problem == "'03/04/2020' is ambiguous: it could be 3 April 2020 or 4 March 2020"
    assert reading.hint == ("write it as YYYY-MM-DD (2020-04-03 or 2020-03-04), or say whether this file "
                            "writes the day or the month first")


def test_same_day_and_month_is_not_ambiguous():
    assert read_date("04/04/2020").value == "2020-04-04"


def test_a_time_other_than_midnight_is_left_out_with_a_note():
    reading = read_date("2020-06-08 14:30")
    assert reading.value == "2020-06-08"
    assert "the time in '2020-06-08 14:30' is left out" in reading.note


@pytest.mark.parametrize("raw", ["June 2020", "2020-13-01", "2021-02-29", "20-01", "13/13/2020", "yesterday"])
def test_what_is_not_a_date_stays_unread(raw):
    assert read_date(raw).value is None


def test_month_names_only_where_asked_for():
    assert read_date("26 May 2020").value is None
    assert read_date("26 May 2020", named_months=True).value == "2020-05-26"
    assert read_date("May 26, 2020", named_months=True).value == "2020-05-26"
    assert read_date("26-Sep-2020", named_months=True).value == "2020-09-26"
    assert read_date("31 Feb 2020", named_months=True).value is None


@pytest.mark.parametrize("raw", ["２０２０", "２０２０-6-8", "٢٠٢٠.0", "0３/04/2020"])
def test_only_ascii_digits_are_read(raw):
    assert read_date(raw).value is None


def test_a_column_decides_its_order_from_the_values_only_one_order_can_read():
    from dashboard.data.dates import DAY_FIRST, MONTH_FIRST, infer_order

    assert infer_order(["01.05.2020", "13.05.2020"]) == infer_order(["13.05.2020"])
    assert infer_order(["01.05.2020", "13.05.2020"]).order == DAY_FIRST
    assert infer_order(["05/13/2020", "05/01/2020"]).order == MONTH_FIRST
    assert infer_order(["01/05/2020", "2020-06-08", ""]).order is None
    mixed = infer_order(["13/05/2020", "05/13/2020"])
    assert mixed.order is None and mixed.conflict == ("13/05/2020", "05/13/2020")


def test_a_stated_order_reads_every_numeric_date_that_way():
    from dashboard.data.dates import DAY_FIRST, MONTH_FIRST

    assert read_date("01.05.2020", order=DAY_FIRST).value == "2020-05-01"
    assert read_date("01.05.2020", order=MONTH_FIRST).value == "2020-01-05"
    assert read_date("13.05.2020", order=MONTH_FIRST).value is None
