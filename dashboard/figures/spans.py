"""The bars of events with an end date, one category at a time. An `ongoing` span (no end yet) fades out
over its last stretch and ends in an arrowhead at its as-of day, so it never reads as a known end.

Pure plotly: placed rows in, new traces out.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.safe import plotly_text
from dashboard.figures import theme


def _bars(xs: list[object], ys: list[object], x0: object, x1: object, y: object) -> None:
    xs += [x0, x1, None]
    ys += [y, y, None]


def span_traces(placed: pd.DataFrame, category: str, color: str) -> list[go.Scatter]:
    """Bars for the placed rows of one category that have an end (`x_end`); rows whose `ongoing` is True
    get a fading tail and an arrowhead. `x`/`x_end` may be timestamps or milliseconds (compact figures)."""
    spans = placed[placed["x_end"].notna()]
    if spans.empty:
        return []
    ongoing = spans["ongoing"].to_numpy(dtype=bool) if "ongoing" in spans else [False] * len(spans)
    name = plotly_text(f"{category} span")
    common = {"mode": "lines", "legendgroup": category, "showlegend": False, "hoverinfo": "skip"}
    solid_x: list[object] = []
    solid_y: list[object] = []
    steps = theme.ONGOING_FADE
    fade_x: list[list[object]] = [[] for _ in steps]
    fade_y: list[list[object]] = [[] for _ in steps]
    tips: list[tuple[object, object]] = []
    for x, x_end, y, is_open in zip(spans["x"], spans["x_end"], spans["y"], ongoing, strict=True):
        if not is_open:
            _bars(solid_x, solid_y, x, x_end, y)
            continue
        tail = (x_end - x) * theme.ONGOING_TAIL  # the last stretch fades, step by step
        fade_from = x_end - tail
        _bars(solid_x, solid_y, x, fade_from, y)
        for i in range(len(steps)):
            _bars(fade_x[i], fade_y[i], fade_from + tail * i / len(steps),
                  fade_from + tail * (i + 1) / len(steps), y)
        tips.append((x_end, y))
    traces = []
    if solid_x:
        traces.append(go.Scatter(x=solid_x, y=solid_y, name=name, line={"color": color, "width": 6},
                                 opacity=theme.SPAN_OPACITY, **common))
    for opacity, xs, ys in zip(steps, fade_x, fade_y, strict=True):
        if xs:
            traces.append(go.Scatter(x=xs, y=ys, name=plotly_text(f"{category} span (ongoing)"),
                                     line={"color": color, "width": 6}, opacity=opacity, **common))
    if tips:
        traces.append(go.Scatter(
            x=[t[0] for t in tips], y=[t[1] for t in tips], mode="markers",
            name=plotly_text(f"{category} span (ongoing)"), legendgroup=category, showlegend=False,
            hoverinfo="skip", opacity=theme.SPAN_OPACITY,
            marker={"symbol": "triangle-right", "size": theme.ONGOING_ARROW_SIZE, "color": color},
        ))
    return traces
