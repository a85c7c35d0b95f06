"""Draw the level of detail a view's plan (view/detail.py) asks for: every event, the single events of a
window, or density lanes with the key moments and the selection drawn over them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import density
from dashboard.figures.timeline import build_figure, lane_order
from dashboard.view.bands import Band
from dashboard.view.detail import (  # noqa: F401
    DETAIL_LIMIT,
    MAX_BINS,
    Plan,
    Selection,
    iso,
    overview,
    select,
)
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import Filters


def _lanes(index: EventIndex, placed: np.ndarray,
           company_order: Sequence[str] | None = None) -> tuple[list[str], np.ndarray]:
    """Lane names in order, and the lane position of each placement."""
    keys = index.pl_lane[placed]
    names = index.lane_key_names()
    present = np.unique(keys)
    lanes = lane_order((names[k] for k in present), (), company_order)
    position = {lane: i for i, lane in enumerate(lanes)}
    key_pos = np.full(len(names), -1, dtype=np.int64)
    key_pos[present] = [position[names[k]] for k in present]
    return lanes, key_pos[keys]


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
    lanes, lane_pos = _lanes(index, placed, extra.get("company_order"))
    wide = overview(index, mask)
    part: dict[str, Any] = {
        "lanes": lanes,
        "x_range": [iso(sel.view[0]), iso(sel.view[1])],
        "overview": [iso(wide[0]), iso(wide[1])],
        "compact": True,
    }
    lo, hi = sel.plan.window
    if sel.plan.mode == "detail":
        keep = mask & (index.start <= hi) & (index.stop >= lo)
        return build_figure(events[keep], **common, **part)
    # Density: the key moments and the selection stay single events, drawn over the bins.
    special = np.zeros(len(index), dtype=bool)
    moments = [event for event, _ in extra.get("key_moments", ())]
    special[index.positions([*moments, *([selected] if selected else [])])] = True
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


