"""Moments as numbers, for any year from 9999 BCE to AD 9999 ("deep time").

The event index, the visible window and the level-of-detail plan count time in nanoseconds since 1970.
They are floats: an int64 of nanoseconds reaches only 1677-2262 (pandas' own range), a float64 reaches any
year, and is exact to the second for the dates of the last three centuries (days, hours and minutes since
1970 are exact). Timestamps here are pandas' in seconds, which hold negative years.

Years are written as TimelineJS writes them: `-500` is 500 BCE, and it sits at the proleptic Gregorian
year -500, where TimelineJS (and a JavaScript Date, and Plotly's date axis) put it.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from dashboard.data.dates import year_label

NS = 10**9  # per second
NS_MIN, NS_MAX = pd.Timestamp.min.value, pd.Timestamp.max.value  # pandas' own nanosecond range


def ns_of(value: object) -> float:
    """A Timestamp, datetime, date, numpy datetime64 or ISO text -> nanoseconds since 1970 (float)."""
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    seconds = np.datetime64(value if isinstance(value, np.datetime64) else pd.Timestamp(value).as_unit("s")
                            .to_datetime64(), "ms").astype("int64")  # type: ignore[call-overload]
    return float(seconds) * 1e6


def stamp(ns: float) -> pd.Timestamp:
    """Nanoseconds since 1970 -> a Timestamp in seconds (any year), rounded to the second."""
    return pd.Timestamp(np.datetime64(int(round(ns / NS)), "s"))


def year_text(year: int) -> str:
    """A year as ISO 8601 and Plotly write it: '2020', '0200', '-0500'."""
    return f"{'-' if year < 0 else ''}{abs(year):04d}"


def iso(ns: float) -> str:
    """A moment as Plotly reads a date axis's range: '2020-06-08', '2020-06-08 12:30:00', '-0500-01-01'."""
    ts = stamp(ns)
    text = f"{year_text(ts.year)}-{ts.month:02d}-{ts.day:02d}"
    clock = f" {ts.hour:02d}:{ts.minute:02d}:{ts.second:02d}"
    return text if clock == " 00:00:00" else text + clock


def is_deep(values_ns: np.ndarray) -> bool:
    """Whether moments reach outside pandas' nanosecond range (1677-2262): the axis then labels BCE years."""
    return bool(len(values_ns)) and (float(np.min(values_ns)) < NS_MIN or float(np.max(values_ns)) > NS_MAX)


def year_aliases(lo_ns: float, hi_ns: float) -> dict[str, str]:
    """Plotly's year tick labels ('-0500', '0200') -> ours ('500 BCE', 'AD 200') for a date axis over the
    range: every year up to 2,000 years across, else every tenth (Plotly's ticks a century or more apart
    fall on them). Years from 1000 on read as they are."""
    first, last = stamp(lo_ns).year - 1, min(stamp(hi_ns).year + 1, 999)
    step = 1 if last - first <= 2000 else 10
    start = first - first % step
    return {year_text(y): year_label(y) if y else "0" for y in range(start, last + 1, step)}
