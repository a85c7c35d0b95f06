"""Level of detail: what the chart of a view draws, so the payload is bounded by the screen, not the data.

- Up to `DETAIL_LIMIT` (event, lane) pairs in the whole selection: every event (`build_figure`, as for the
  bundled data; zooming changes nothing on the server).
- More, but at most `DETAIL_LIMIT` in the visible range: the single events of the visible range plus half
  a range on each side (so a pan shows events at once), dates as numbers, short hover labels.
- More in the visible range: each lane as counts per calendar bin (figures/density.py), at most `MAX_BINS`
  bins across the range, with the key moments and the selected event still drawn as single events.
Zooming in (the chart's relayoutData) asks for the next level. A plan names what it draws in calendar
units, so it is also the memoization key of the figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.data import timescale
from dashboard.view import bins
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import Filters

DETAIL_LIMIT = 2500
MAX_BINS = 150
DAY = bins.DAY


@dataclass(frozen=True)
class Plan:
    """What a figure draws: `mode` is "all", "detail" or "density"; `window` (ns) the range drawn."""

    mode: str
    window: tuple[int, int] = (0, 0)
    unit: str = ""


def iso(ns: float) -> str:
    return timescale.iso(ns)


def default_view(
    index: EventIndex, mask: np.ndarray, window: tuple[date | None, date | None]
) -> tuple[int, int]:
    """The opening range (ns), as `figures.default_range`: all but a lone early outlier or two."""
    starts, stops = index.start[mask], index.stop[mask]
    lo = float(np.quantile(starts, 0.01)) if len(starts) >= 50 else float(starts.min())
    hi = float(stops.max())
    pad = max((hi - lo) * 0.03, 15 * DAY)
    lo, hi = lo - pad, hi + pad
    if window[0] is not None:
        lo = pd.Timestamp(window[0]).value
    if window[1] is not None:
        hi = pd.Timestamp(window[1]).value + DAY
    return int(lo), int(hi)


def overview(index: EventIndex, mask: np.ndarray) -> tuple[int, int]:
    """Every selected event, with a little room at both ends (range slider, "All")."""
    lo, hi = int(index.start[mask].min()), int(index.stop[mask].max())
    pad = max((hi - lo) // 50, 15 * DAY)
    return lo - pad, hi + pad


def _in_range(index: EventIndex, events_at: np.ndarray, lo: int, hi: int) -> np.ndarray:
    return (index.start[events_at] <= hi) & (index.stop[events_at] >= lo)


def plan(index: EventIndex, placed: np.ndarray, view: tuple[int, int]) -> Plan:
    """Choose the level of detail for the placements `placed` seen through `view` (ns)."""
    if len(placed) <= DETAIL_LIMIT:
        return Plan("all")
    lo, hi = view
    width = hi - lo
    events_at = index.pl_event[placed]
    if int(_in_range(index, events_at, lo, hi).sum()) <= DETAIL_LIMIT:
        step = max(width // 8, DAY)  # snap to an eighth of the range: nearby pans share one figure
        wlo, whi = (lo - width // 2) // step * step, -((-(hi + width // 2)) // step) * step
        if int(_in_range(index, events_at, wlo, whi).sum()) > 2 * DETAIL_LIMIT:
            wlo, whi = lo // step * step, -(-hi // step) * step
        return Plan("detail", (int(wlo), int(whi)))
    unit = bins.choose_unit(width, MAX_BINS)
    x = index.x[events_at]
    first, last = int(x.min()), int(x.max())  # no bins beyond the data: the opening view holds it all
    edges = bins.bin_edges(max(lo - width // 2, min(first, hi)), min(hi + width // 2, max(last, lo)), unit)
    return Plan("density", (int(edges[0]), int(edges[-1])), unit.freq)


@dataclass(frozen=True, eq=False)
class Selection:
    """A view's events (`mask` over events, `placed` over placements), visible range (ns) and plan."""

    mask: np.ndarray
    placed: np.ndarray
    view: tuple[int, int]
    plan: Plan


def select(index: EventIndex, filters: Filters, view: tuple[int, int] | None = None) -> Selection:
    """Filter, place and plan: cheap numpy work that decides which figure a view needs."""
    mask = index.mask(filters)
    placed = index.placements(mask, filters.companies)
    if len(placed) <= DETAIL_LIMIT:
        return Selection(mask, placed, view or (0, 0), Plan("all"))
    view = view or default_view(index, mask, (filters.start, filters.end))
    return Selection(mask, placed, view, plan(index, placed, view))
