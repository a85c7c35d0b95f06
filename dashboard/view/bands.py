"""Shaded periods across the lanes: the main protest period of a dataset and a TimelineJS file's eras."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dashboard.data.dates import parse_period, year_label


@dataclass(frozen=True)
class Band:
    """A shaded period across all lanes (the main protest period)."""

    start: pd.Timestamp
    stop: pd.Timestamp
    label: str


def protest_band(events: pd.DataFrame, preferred: str | None = None) -> Band | None:
    """The main protest period: the `preferred` event if present, else the longest protest span, else None."""
    spans = events[(events["category"] == "protest") & (events["end_date"] != "")]
    if spans.empty:
        return None
    chosen = spans[spans["id"] == preferred]
    row = chosen.iloc[0] if not chosen.empty else spans.loc[(spans["stop"] - spans["start"]).idxmax()]
    start, stop = row["start"], row["stop"]
    label = (f"Protests: {start.day} {calendar.month_name[start.month]} – {stop.day} "
             f"{calendar.month_name[stop.month]} {year_label(stop.year)}")
    return Band(row["start"], row["stop"], label)


def era_bands(eras: Iterable[tuple[str, str, str]]) -> list[Band]:
    """(date, end_date, label) eras, e.g. `events.attrs["eras"]` from a TimelineJS file -> shaded Bands."""
    bands = []
    for first, last, label in eras:
        start, stop = parse_period(first), parse_period(last)
        if start is not None and stop is not None:
            bands.append(Band(pd.Timestamp(start.first), pd.Timestamp(stop.last), label))
    return bands


