"""Context series: both shapes, column detection and options, every row accounted for, problems located."""

from __future__ import annotations

import pytest

from dashboard.data.context import load_context, read_context, series_from_dict
from dashboard.data.errors import DataError

from .conftest import DATA


def strs(problems) -> list[str]:
    return [str(p) for p in problems]


def test_a_value_per_day():
    report = read_context(DATA / "context_daily.csv")
    series = report.series
    assert (series.kind, series.period, series.label) == ("value", "day", "protests")
    assert series.dates[:3] == ("2020-05-25", "2020-05-26", "2020-05-27")
    assert series.values[:4] == (1.0, 4.0, None, 12.0)  # an empty value is a gap, not a zero
    assert strs(report.warnings) == [
        "context_daily.csv:4:2: 1 row has no value in 'protests': drawn as gaps (line 4) (fill in 0 if none)"
    ]


def test_a_value_per_week_with_semicolons_and_crlf():
    series = load_context(DATA / "context_weekly.csv")
    assert (series.period, series.values) == ("week", (40.0, 220.0, 130.0, 70.0))


def test_one_row_per_event_is_counted_per_day_and_undated_rows_are_reported():
    report = read_context(DATA / "context_events.csv")
    series = report.series
    assert (series.kind, series.label) == ("count", "events per day")
    assert dict(zip(series.dates, series.values, strict=True)) == {
        "2020-05-25": 1.0,
        "2020-05-26": 2.0,
        "2020-05-27": 0.0,
        "2020-05-28": 2.0,
    }
    assert strs(report.warnings) == [
        "context_events.csv:5:2: 2 rows have no date: not counted (line 5, 8) "
        "(fill in the date to count them)"
    ]
    assert report.summary == "5 rows counted per day of 'event_date', 25 May 2020 to 28 May 2020"
    assert sum(series.values) + 2 == 7  # every row is counted or reported


def test_bad_dates_and_values_are_located():
    report = read_context(DATA / "context_bad.csv")
    assert report.series is None
    assert strs(report.errors) == [
        "context_bad.csv:3:1: '03/04/2020' is ambiguous: it could be 3 April 2020 or 4 March 2020 "
        "(write it as YYYY-MM-DD: 2020-04-03 or 2020-03-04)",
        "context_bad.csv:4:2: 'many' in 'protests' is not a number (write plain numbers such as 12 or 3.5, "
        "without thousands separators)",
        "context_bad.csv:5:1: '2020-13-01' is not a day (write days as YYYY-MM-DD, e.g. 2020-06-08)",
    ]


def test_columns_that_cannot_be_detected_are_chosen_by_option():
    with pytest.raises(DataError) as info:
        load_context(DATA / "context_columns.csv")
    assert str(info.value) == (
        "context_columns.csv:1:1: no date column (name the date column `date` or `event_date`, "
        "or choose it with --context-date COLUMN)"
    )
    series = load_context(DATA / "context_columns.csv", date_column="day_reported")
    assert (series.label, series.values) == ("n_protests", (3.0, 7.0, 5.0))  # the one numeric column
    counted = load_context(
        DATA / "context_columns.csv", date_column="day_reported", value_column="n_protests"
    )
    assert counted.values == (3.0, 7.0, 5.0)


def test_a_named_column_that_does_not_exist():
    report = read_context(DATA / "context_daily.csv", value_column="marches")
    assert strs(report.errors) == [
        "context_daily.csv:1:3: there is no column 'marches' (the columns are: date, protests)"
    ]


def test_repeated_dates_are_added_and_reported(write_csv):
    report = read_context(write_csv("date,city,protests\n2020-06-01,A,2\n2020-06-01,B,3\n", header=None))
    assert report.series.values == (5.0,)
    assert report.warnings[0].kind == "repeated date"


def test_a_series_survives_the_browser_store_and_junk_does_not():
    series = load_context(DATA / "context_weekly.csv")
    assert series_from_dict(series.to_dict()) == series
    for junk in (None, {}, {"dates": ["x"], "values": [1]}, {"dates": ["2020-01-01"], "values": []}, []):
        assert series_from_dict(junk) is None
