"""Deep time on a Plotly date axis: years before 1677 (pandas' nanosecond range), AD 200 and 500 BCE.

Plotly's date axis reaches 9999 BCE, but reads `-0500-01-01`, not pandas' `-500-01-01T00:00:00`, and labels
its ticks '-0500' and '0200'. So a deep-time figure sends milliseconds since 1970 and renames the year
labels ('500 BCE', 'AD 200') with the axis's `labelalias`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data import timescale

DAY_MS = 86_400_000
MARGIN_MS = 50 * 365 * DAY_MS  # the labels reach this far beyond the events (zooming out)
# Zoomed in below a year, ticks name months and days only: Plotly would write 'Jan -0500', which no alias
# renames (the years stay in the hover labels and the details).
TICK_FORMATS = [
    {"dtickrange": [None, 28 * DAY_MS], "value": "%e %b"},
    {"dtickrange": ["M1", "M12"], "value": "%b"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]


def ms(moments: pd.Series) -> np.ndarray:
    """Timestamps (any unit and year) -> float milliseconds since 1970 (NaT -> nan)."""
    values = moments.to_numpy(dtype="datetime64[ms]")
    out = values.astype("int64").astype("float64")
    out[np.isnat(values)] = np.nan
    return out


def is_deep(events: pd.DataFrame) -> bool:
    """Events before 1677 or after 2262: the figure sends milliseconds and labels BCE years."""
    return bool(len(events)) and (timescale.is_deep(ms(events["start"]) * 1e6)
                                  or timescale.is_deep(ms(events["stop"]) * 1e6))


def at(moment: object, deep: bool) -> object:
    """An x for a shape or label: milliseconds on a deep-time axis, else the moment itself."""
    return timescale.ns_of(moment) / 1e6 if deep else moment


def aliases(placed: pd.DataFrame) -> dict[str, str]:
    """The axis's `labelalias` for placed rows whose `x`/`x_end` are milliseconds."""
    lo = float(np.nanmin(placed["x"].to_numpy(dtype=float)))
    hi = float(np.nanmax(placed[["x", "x_end"]].to_numpy(dtype=float)))
    return timescale.year_aliases((lo - MARGIN_MS) * 1e6, (hi + MARGIN_MS) * 1e6)
