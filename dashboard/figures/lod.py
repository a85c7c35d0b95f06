"""Level of detail: what the chart of a view draws, so the payload is bounded by the screen, not the data.

- Up to `DETAIL_LIMIT` (event, lane) pairs in the whole selection: every event (`build_figure`, as for the
  bundled data; zooming changes nothing on the server).
- More, but at most `DETAIL_LIMIT` in the visible range: the single events of the visible range plus half
  a range on each side (so a pan shows events at once), dates as numbers, short hover labels.
- More in the visible range: each lane as counts per calendar bin (`density.py`), at most `MAX_BINS`
  bins across the range, with the key moments and the selected event still drawn as single events.
Zooming in (the chart's relayoutData) asks for the next level. A plan names what it draws in calendar
units, so it is also the memoization key of the figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from pandas.errors import OutOfBoundsDatetime

from dashboard.figures import density, theme
from dashboard.figures.timeline import Band, build_figure, lane_order
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import Filters

DETAIL_LIMIT = 2500
MAX_BINS = 150
DAY = density.DAY


@dataclass(frozen=True)
class Plan:
    """What a figure draws: `mode` is "all", "detail" or "density"; `window` (ns) the range drawn."""

    mode: str
    window: tuple[int, int] = (0, 0)
    unit: str = ""


def _iso(ns: float) -> str:
    return pd.Timestamp(int(ns)).strftime("%Y-%m-%d %H:%M:%S").removesuffix(" 00:00:00")


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


def zoomed_range(relayout: Mapping[str, Any] | None) -> tuple[int, int] | str | None:
    """relayoutData -> the new x range (ns), "auto" for a reset or autorange, None when x did not change."""
    if not relayout or not isinstance(relayout, Mapping):
        return None
    if relayout.get("xaxis.autorange") is True:
        return "auto"
    pair = relayout.get("xaxis.range")
    if pair is None and "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        pair = [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]]
    if (
        not isinstance(pair, list | tuple)
        or len(pair) != 2
        or not all(isinstance(v, str | int | float) for v in pair)
    ):
        return None
    try:
        lo, hi = (pd.Timestamp(v).value for v in pair)
    except (TypeError, ValueError, OverflowError, OutOfBoundsDatetime):
        return None
    return (lo, hi) if lo < hi else None


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
    unit = density.choose_unit(width, MAX_BINS)
    x = index.x[events_at]
    first, last = int(x.min()), int(x.max())  # no bins beyond the data: the opening view holds it all
    edges = density.bin_edges(max(lo - width // 2, min(first, hi)), min(hi + width // 2, max(last, lo)), unit)
    return Plan("density", (int(edges[0]), int(edges[-1])), unit.freq)


def _lanes(index: EventIndex, placed: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Lane names in order, and the lane position of each placement."""
    keys = index.pl_lane[placed]
    names = index.lane_key_names()
    present = np.unique(keys)
    lanes = lane_order(names[k] for k in present)
    position = {lane: i for i, lane in enumerate(lanes)}
    key_pos = np.full(len(names), -1, dtype=np.int64)
    key_pos[present] = [position[names[k]] for k in present]
    return lanes, key_pos[keys]


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


def view_figure(
    events: pd.DataFrame,
    index: EventIndex,
    filters: Filters,
    chosen: Selection | None = None,
    *,
    selected: str | None = None,
    band: Band | None = None,
    theme_name: str = "light",
    uirevision: str = "timeline",
    **extra: Any,
) -> go.Figure:
    """The chart of a view at the level of detail its selection's plan asks for (default: the opening
    range of `filters`). `extra` goes to `build_figure` (eras, context)."""
    sel = chosen or select(index, filters)
    mask, placed = sel.mask, sel.placed
    common: dict[str, Any] = {
        "companies": filters.companies,
        "selected": selected,
        "band": band,
        "theme_name": theme_name,
        "uirevision": uirevision,
        "window": (filters.start, filters.end),
        **extra,
    }
    if sel.plan.mode == "all":
        return build_figure(events[mask], **common)
    lanes, lane_pos = _lanes(index, placed)
    wide = overview(index, mask)
    part: dict[str, Any] = {
        "lanes": lanes,
        "x_range": [_iso(sel.view[0]), _iso(sel.view[1])],
        "overview": [_iso(wide[0]), _iso(wide[1])],
        "compact": True,
    }
    lo, hi = sel.plan.window
    if sel.plan.mode == "detail":
        keep = mask & (index.start <= hi) & (index.stop >= lo)
        return build_figure(events[keep], **common, **part)
    # Density: the key moments and the selection stay single events, drawn over the bins.
    special = np.zeros(len(index), dtype=bool)
    special[index.positions([*theme.KEY_MOMENTS, *([selected] if selected else [])])] = True
    special &= mask
    fig = build_figure(events[special], **common, **part)
    unit = next(u for u in density.UNITS if u.freq == sel.plan.unit)
    edges = density.bin_edges(lo, hi - 1, unit)
    events_at = index.pl_event[placed]
    trace = density.density_trace(lane_pos, index.x[events_at], index.cat_code[events_at], lanes, edges, unit)
    fig.add_trace(trace)
    fig.data = (fig.data[-1], *fig.data[:-1])  # the bins under the single events
    fig.update_layout(legend={"title": {"text": ""}})
    return fig


def cache_key(query: str, selected: str | None, chosen: Plan, theme_name: str = "light") -> str:
    """A text key for a figure: the normalized view (its canonical query) and the plan, never raw zoom
    coordinates, so every zoom inside one plan shares one entry."""
    return repr((query, selected, chosen.mode, chosen.window, chosen.unit, theme_name))
