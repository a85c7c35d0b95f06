"""Context series: both shapes, column detection and options, every row accounted for, problems located."""

from __future__ import annotations

import pytest

from dashboard.data.context import CLI_CHOICES, check_context, load_context, read_context, series_from_dict
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
    assert (series.kind, series.label) == ("count", "rows per day")
    assert dict(zip(series.dates, series.values, strict=True)) == {
        "2020-05-25": 1.0,
        "2020-05-26": 2.0,
        "2020-05-27": 0.0,
        "2020-05-28": 2.0,
    }
    assert strs(report.warnings) == [
        "context_events.csv:1:1: numeric columns 'year', 'latitude', 'longitude', 'fatalities' not drawn: "
        "rows are counted per day of 'event_date' (to draw another column, choose the value column)",
        "context_events.csv:5:2: 2 rows have no date: not counted (line 5, 8) "
        "(fill in the date to count them)",
    ]
    assert report.summary == "counting rows per day of 'event_date': 5 rows, 25 May 2020 to 28 May 2020"
    assert report.series.interpretation == "counting rows per day of 'event_date'"
    assert sum(series.values) + 2 == 7  # every row is counted or reported


def test_bad_dates_and_values_are_located():
    report = read_context(DATA / "context_bad.csv")
    assert report.series is None
    assert strs(report.errors) == [
        "context_bad.csv:3:1: '03/04/2020' is ambiguous: it could be 3 April 2020 or 4 March 2020 "
        "(write it as YYYY-MM-DD (2020-04-03 or 2020-03-04), or say whether this file writes the day or the "
        "month first)",
        "context_bad.csv:4:2: 'many' in 'protests' is not a number (write plain numbers such as 12 or 3.5, "
        "without thousands separators)",
        "context_bad.csv:5:1: '2020-13-01' is not a day (write days as YYYY-MM-DD, e.g. 2020-06-08)",
    ]


def test_the_date_column_is_the_one_that_holds_only_days_or_the_one_chosen(write_csv):
    report = read_context(DATA / "context_columns.csv")
    assert report.summary == "summing 'n_protests' per day: 3 days, 25 May 2020 to 27 May 2020"
    with pytest.raises(DataError) as info:
        load_context(write_csv("opened,closed,n\n2020-05-25,2020-05-26,3\n", header=None),
                     choices=CLI_CHOICES)
    assert str(info.value) == (
        "events.csv:1:1: no date column: no column is named like a date, and no single column holds only "
        "days (name the date column `date`, or --context-date COLUMN)"
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


def test_an_id_column_is_never_summed():
    """The ACLED-like list has a numeric ID: rows are counted, the ids are named as never summed."""
    report = read_context(DATA / "context_ids.csv")
    assert report.series.kind == "count"
    assert dict(zip(report.series.dates, report.series.values, strict=True)) == {
        "2020-05-26": 2.0, "2020-05-27": 3.0, "2020-05-28": 1.0}
    assert max(report.series.values) < 331001
    assert report.interpretation == "counting rows per day of 'EVENT_DATE'"
    assert [w.kind for w in report.warnings] == ["identifier not summed", "numeric column not drawn"]
    assert "'ID' is named like an identifier" in report.warnings[0].problem
    assert report.warnings[1].problem == ("numeric columns 'YEAR', 'FATALITIES', 'LATITUDE' not drawn: rows "
                                          "are counted per day of 'EVENT_DATE'")


def test_an_id_column_chosen_as_the_value_is_refused():
    report = read_context(DATA / "context_ids.csv", value_column="ID", choices=CLI_CHOICES)
    assert report.series is None
    assert [str(p) for p in report.errors] == [
        "context_ids.csv:1:1: 'ID' is named like an identifier: adding it up per day means nothing "
        "(--context-value COLUMN that holds a count or an amount, or --context-count)"]


@pytest.mark.parametrize("name", ["id", "event_id", "Key", "row", "#"])
def test_unique_integers_or_row_numbers_are_never_the_value_whatever_their_name(name):
    text = f"date,{name},{'x' if name != 'x' else 'y'}\n" + "".join(
        f"2020-05-{d:02d},{d - 24},text\n" for d in (25, 26, 26, 27, 28))
    report = check_context(text, "c.csv")
    assert report.series.kind == "count" and sum(report.series.values) == 5


def test_a_count_column_is_preferred_when_each_date_has_one_row():
    report = read_context(DATA / "context_counts.csv")
    assert report.interpretation == "summing 'events' per day"
    assert report.series.values == (3.0, 9.0, 14.0, 11.0, 20.0)  # not a flat line of 1s
    assert [w.kind for w in report.warnings] == ["identifier not summed", "numeric column not drawn"]
    assert "'row' is named like an identifier" in report.warnings[0].problem
    assert report.warnings[1].problem == "numeric column 'fatalities' not drawn: 'events' is drawn"


def test_count_rows_and_a_value_column_can_be_chosen():
    counted = read_context(DATA / "context_counts.csv", count_rows=True)
    assert counted.interpretation == "counting rows per day of 'day'" and set(counted.series.values) == {1.0}
    summed = read_context(DATA / "context_counts.csv", value_column="fatalities")
    assert summed.interpretation == "summing 'fatalities' per day"


def test_day_first_dates_are_read_from_the_column_or_the_stated_order():
    from dashboard.data.dates import MONTH_FIRST

    text = "date,n\n01.05.2020,1\n13.05.2020,2\n"
    assert check_context(text).series.dates[0] == "2020-05-01"
    assert [p.kind for p in check_context(text, day_order=MONTH_FIRST).errors] == ["invalid date"]
