"""In-process measurements: load + validate, filter + build + serialize, payload sizes."""

from __future__ import annotations

import gzip
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from plotly.io.json import to_json_plotly

from bench import synth
from bench.baseline import baseline_figure
from dashboard.data.load import load_events
from dashboard.figures import lod
from dashboard.figures.timeline import Band, protest_band
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import Filters, apply

ONE_COMPANY = "IBM"


def median_ms(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median wall time in ms over `runs` calls (after none: the first call is measured too), last result."""
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


@dataclass
class Loaded:
    events: pd.DataFrame
    index: EventIndex
    load_ms: float
    index_ms: float
    band: Band | None  # computed once at start, as the app does


def load(path: Path, runs: int) -> Loaded:
    with synth.extra_companies():
        load_ms, events = median_ms(lambda: load_events(path), runs)
    index_ms, index = median_ms(lambda: EventIndex.build(events), runs)
    return Loaded(events, index, load_ms, index_ms, protest_band(events))


def ours_json(data: Loaded, filters: Filters) -> str:
    """What the chart does on a cache miss: filter, plan, build, serialize (as Dash does)."""
    chosen = lod.select(data.index, filters)
    fig = lod.view_figure(data.events, data.index, filters, chosen, band=data.band)
    return to_json_plotly(fig.to_plotly_json())


def baseline_json(data: Loaded, filters: Filters) -> str:
    return to_json_plotly(baseline_figure(apply(data.events, filters)))


def build_and_payload(data: Loaded, runs: int, baseline_runs: int) -> dict[str, dict[str, float]]:
    """For "everything" and one company: ms and payload bytes (raw, gzip), ours and the baseline."""
    out: dict[str, dict[str, float]] = {}
    for label, filters in (("all", Filters()), ("one company", Filters(companies=(ONE_COMPANY,)))):
        ours_ms, ours = median_ms(lambda f=filters: ours_json(data, f), runs)
        base_ms, base = median_ms(lambda f=filters: baseline_json(data, f), baseline_runs)
        out[label] = {
            "ours_ms": ours_ms,
            "base_ms": base_ms,
            "ours_raw": len(ours.encode()),
            "base_raw": len(base.encode()),
            "ours_gzip": len(gzip.compress(ours.encode(), 6)),
            "base_gzip": len(gzip.compress(base.encode(), 6)),
            "mode": lod.select(data.index, filters).plan.mode,
        }
    return out
