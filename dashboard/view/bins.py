"""Calendar bins (day, week, month, quarter, year, 5 years, decade): which unit fits a range, and its
edges. Pure numbers, shared by the level-of-detail plan (view/detail.py) and the density lanes
(figures/density.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DAY = 86_400 * 10**9


@dataclass(frozen=True)
class Unit:
    """A calendar bin: pandas frequency, typical length in days, and how a bin is named."""

    freq: str
    days: float
    noun: str
    label: str  # strftime pattern of the bin's first day; "{q}" is the quarter


UNITS: tuple[Unit, ...] = (
    Unit("D", 1, "day", "%-d %B %Y"),
    Unit("W-MON", 7, "week", "week of %-d %B %Y"),
    Unit("MS", 30.44, "month", "%B %Y"),
    Unit("QS", 91.31, "quarter", "Q{q} %Y"),
    Unit("YS", 365.25, "year", "%Y"),
    Unit("5YS", 5 * 365.25, "5 years", "%Y–"),
    Unit("10YS", 10 * 365.25, "decade", "%Ys"),
)


def choose_unit(width_ns: int, max_bins: int) -> Unit:
    """The finest unit that puts at most `max_bins` bins across `width_ns`."""
    for unit in UNITS:
        if width_ns / (unit.days * DAY) <= max_bins:
            return unit
    return UNITS[-1]


def _floor(ts: pd.Timestamp, unit: Unit) -> pd.Timestamp:
    ts = ts.normalize()
    if unit.freq == "D":
        return ts
    if unit.freq == "W-MON":
        return ts - pd.Timedelta(days=ts.day_of_week)
    if unit.freq == "MS":
        return ts.replace(day=1)
    if unit.freq == "QS":
        return ts.replace(month=3 * ((ts.month - 1) // 3) + 1, day=1)
    step = {"YS": 1, "5YS": 5, "10YS": 10}[unit.freq]
    return pd.Timestamp(year=ts.year - ts.year % step, month=1, day=1)


def bin_edges(lo_ns: int, hi_ns: int, unit: Unit) -> np.ndarray:
    """Calendar-aligned bin edges (int64 ns) covering [lo, hi]: the first <= lo, the last > hi."""
    first = _floor(pd.Timestamp(lo_ns), unit)
    freq = unit.freq.replace("W-MON", "7D")
    edges = pd.date_range(first, pd.Timestamp(hi_ns) + pd.tseries.frequencies.to_offset(freq), freq=freq)
    ns = edges.as_unit("ns").asi8.astype("int64")
    return ns[: int(np.searchsorted(ns, hi_ns, side="right")) + 1]
