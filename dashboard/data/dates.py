"""Dates at their precision, and how dates written by real files are read (never guessed).

`read_date` accepts the schema's `YYYY`, `YYYY-MM`, `YYYY-MM-DD` plus what spreadsheets and scripts write
(`2019.0`, `2020-6-8`, `2020/06/08`, a midnight time, `25/05/2020`). A numeric `03/04/2020` is read in the
order its column shows (`infer_order`: another date of the column such as `13/04/2020` can only be day
first) or the user states (`DAY_FIRST` / `MONTH_FIRST`); when neither decides, it is refused with both
readings, so the user decides.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.data import schema


@dataclass(frozen=True)
class Period:
    """A date at its precision: the first and last day it covers (Timestamps in seconds, so a year before
    1677 or BCE fits; `year` is as written: -500 is 500 BCE, as TimelineJS writes it)."""

    first: pd.Timestamp
    last: pd.Timestamp
    precision: str  # "year" | "month" | "day"
    year: int = 0
    month: int = 0
    day: int = 0


def day_stamp(year: int, month: int, day: int) -> pd.Timestamp:
    """A day of any year from -9999 to 9999 (proleptic Gregorian; numpy's years, which go below 1)."""
    return pd.Timestamp(np.datetime64(f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}", "s"))


def parse_period(value: str) -> Period | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a year may be negative: `-0500` is 500 BCE) -> Period, or None
    when malformed, not a calendar date or in the year 0, which no calendar has."""
    m = schema.DATE_RE.match(value)
    if not m:
        return None
    year = int(m["year"])
    if year == 0:
        return None
    leap_year = year % 400 or 400  # the Gregorian rules repeat every 400 years (numpy's years, too)
    try:
        if m["day"]:
            month, day = int(m["month"]), int(m["day"])
            if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(leap_year, month)[1]:
                return None
            d = day_stamp(year, month, day)
            return Period(d, d, "day", year, month, day)
        if m["month"]:
            month = int(m["month"])
            if not 1 <= month <= 12:
                return None
            last = calendar.monthrange(leap_year, month)[1]
            return Period(day_stamp(year, month, 1), day_stamp(year, month, last), "month", year, month)
        return Period(day_stamp(year, 1, 1), day_stamp(year, 12, 31), "year", year)
    except ValueError:
        return None


def year_label(year: int) -> str:
    """'2020', 'AD 200' or '500 BCE' (a negative year, as TimelineJS writes and shows it)."""
    if year < 0:
        return f"{-year} BCE"
    return f"AD {year}" if year < 1000 else str(year)


def period_label(period: Period) -> str:
    """A date written at its precision: '8 June 2020', 'June 2020' or '2020', never a made-up day; years
    before 1000 read 'AD 200' and '500 BCE'."""
    year = year_label(period.year)
    if period.precision == "day":
        return f"{period.day} {calendar.month_name[period.month]} {year}"
    if period.precision == "month":
        return f"{calendar.month_name[period.month]} {year}"
    return year


def when_label(date_value: str, end_value: str = "") -> str:
    """The label of a date or span, e.g. '10 June 2020 – May 2021' or '18 May 2021 – ongoing'."""
    start = parse_period(date_value)
    if start is None:
        return date_value
    if end_value == schema.ONGOING:
        return f"{period_label(start)} – {schema.ONGOING}"
    end = parse_period(end_value) if end_value else None
    return period_label(start) if end is None else f"{period_label(start)} – {period_label(end)}"


def day_label(d: date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {year_label(d.year)}"


def month_label(d: date) -> str:
    """'June 2020', 'March 44 BCE': any year (strftime refuses those before AD 1)."""
    return f"{calendar.month_name[d.month]} {year_label(d.year)}"


@dataclass(frozen=True)
class DateReading:
    """What a written date means: `value` is `YYYY[-MM[-DD]]`, or None with the reason in `problem`.

    `note` says what was changed to read it (reported as a warning, so nothing changes silently).
    """

    value: str | None
    problem: str = ""
    hint: str = ""
    note: str = ""
    kind: str = "ambiguous date"  # of the problem


# ASCII digits only (like schema.DATE_RE): `\d` alone also matches other scripts' digits, e.g. '２０２０'.
_YEAR_FLOAT = re.compile(r"^(\d{4})\.0+$", re.ASCII)
_LOOSE_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$", re.ASCII)
_ISO_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$", re.ASCII
)
_SHORT_YEAR = re.compile(r"^(-?)(\d{1,3})$", re.ASCII)  # '-500': never read as a year (counts look so)
_ERA_YEAR = re.compile(r"^(?:(?P<ad>AD|CE)\s*(?P<year1>\d{1,4})|(?P<year2>\d{1,4})\s*(?P<era>AD|CE|BCE|BC))$",
                       re.ASCII | re.IGNORECASE)
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", re.ASCII)
_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NAMED_DMY = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)\.?,?[ -](\d{4})$", re.ASCII)
_NAMED_MDY = re.compile(r"^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$", re.ASCII)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    text = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    return text if parse_period(text) else None


DAY_FIRST = "day first"
MONTH_FIRST = "month first"
ORDERS = (DAY_FIRST, MONTH_FIRST)


@dataclass(frozen=True)
class ColumnOrder:
    """How a column writes numeric dates: `order` (DAY_FIRST, MONTH_FIRST or None when it cannot tell) and
    `evidence`, a value that decided it (e.g. '13/05/2020'), or both kinds when the column mixes them."""

    order: str | None
    evidence: str = ""
    conflict: tuple[str, str] | None = None


def infer_order(values: Iterable[str]) -> ColumnOrder:
    """Day first or month first for a column's `a/b/yyyy` dates, from the values only one order can read."""
    day_first = month_first = ""
    for raw in values:
        m = _NUMERIC_DMY.match(raw.strip())
        if not m:
            continue
        a, b = int(m[1]), int(m[2])
        if a > 12 and b <= 12 and not day_first:
            day_first = raw.strip()
        elif b > 12 and a <= 12 and not month_first:
            month_first = raw.strip()
        if day_first and month_first:
            return ColumnOrder(None, conflict=(day_first, month_first))
    if day_first:
        return ColumnOrder(DAY_FIRST, day_first)
    if month_first:
        return ColumnOrder(MONTH_FIRST, month_first)
    return ColumnOrder(None)


@lru_cache(maxsize=8192)  # event lists repeat their dates; the reading is pure
def read_date(raw: str, *, named_months: bool = False, order: str | None = None) -> DateReading:
    """Read a date as files write it; `named_months` also accepts '26 May 2020' and 'May 26, 2020';
    `order` (DAY_FIRST or MONTH_FIRST) reads `03/04/2020` in that order."""
    value = raw.strip()
    if not value or parse_period(value):
        return DateReading(value)
    if deep := _deep_year(value):
        return deep
    if m := _YEAR_FLOAT.match(value):
        return DateReading(m[1])
    if m := _LOOSE_ISO.match(value):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
        return DateReading(iso) if iso else DateReading(None)
    if m := _ISO_TIME.match(value):
        if not parse_period(m[1]):
            return DateReading(None)
        midnight = m[2] == "00" and m[3] == "00" and (m[4] or "00") == "00"
        return DateReading(
            m[1], note="" if midnight else f"the time in '{value}' is left out: the timeline shows days"
        )
    if m := _NUMERIC_DMY.match(value):
        return _day_month_year(value, int(m[1]), int(m[2]), int(m[3]), order)
    if named_months:
        if m := _NAMED_DMY.match(value):
            month = _MONTHS.get(m[2].casefold())
            iso = _iso(int(m[3]), month, int(m[1])) if month else None
            return DateReading(iso) if iso else DateReading(None)
        if m := _NAMED_MDY.match(value):
            month = _MONTHS.get(m[1].casefold())
            iso = _iso(int(m[3]), month, int(m[2])) if month else None
            return DateReading(iso) if iso else DateReading(None)
    return DateReading(None)


def short_year_hint(value: str) -> str:
    """For '-500' (not read: a column of counts looks the same): how to write it as a year."""
    m = _SHORT_YEAR.match(value.strip())
    if not m:
        return ""
    year = -int(m[2]) if m[1] else int(m[2])
    if not year:
        return ""
    return f"if it is the year {year_label(year)}, write it with four digits: {m[1]}{int(m[2]):04d}"


def _deep_year(value: str) -> DateReading | None:
    """A year with its era: '500 BCE' and '500 BC' (-0500), 'AD 500' and '500 CE' (0500); the year 0 is
    refused."""
    year = None
    if m := _ERA_YEAR.match(value):
        year = int(m["year1"] or m["year2"])
        year = -year if (m["era"] or "").upper() in ("BC", "BCE") else year
    elif schema.DATE_RE.match(value) and int(value[:5 if value.startswith("-") else 4]) == 0:
        year = 0
    if year is None:
        return None
    if year == 0:
        return DateReading(None, problem=f"'{value}' is in the year 0, which no calendar has",
                           hint="1 BCE (written -1) is followed by AD 1 (written 1)", kind="invalid date")
    text = f"{'-' if year < 0 else ''}{abs(year):04d}"
    note = "" if value == text else f"'{value}' was read as the year {year_label(year)} ({text})"
    return DateReading(text, note=note)


def _day_month_year(value: str, a: int, b: int, year: int, order: str | None = None) -> DateReading:
    """`a/b/yyyy`: read in `order` when given, else only when the two numbers are equal or one cannot be a
    month."""
    day_first = _iso(year, b, a)
    month_first = _iso(year, a, b)
    if order is not None:
        iso = day_first if order == DAY_FIRST else month_first
        if iso is None:
            return DateReading(None, problem=f"'{value}' is not a date read {order}",
                               hint="check the date, or the order of day and month", kind="invalid date")
        return DateReading(iso, note=f"'{value}' was read {order} as {iso}; write dates as YYYY-MM-DD")
    if day_first and month_first and a != b:
        first, second = date.fromisoformat(day_first), date.fromisoformat(month_first)
        return DateReading(
            None,
            problem=f"'{value}' is ambiguous: it could be {day_label(first)} or {day_label(second)}",
            hint=f"write it as YYYY-MM-DD ({day_first} or {month_first}), or say whether this file writes "
            "the day or the month first",
        )
    iso = day_first or month_first
    if iso is None:
        return DateReading(None)
    return DateReading(iso, note=f"'{value}' was read as {iso}; write dates as YYYY-MM-DD")
