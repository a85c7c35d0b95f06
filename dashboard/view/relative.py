"""Relative time: count days from an anchor event ("day 0") instead of showing calendar dates.

`to_days(fig, anchor)` turns a built date-axis timeline into a days axis by moving every x value (traces,
shapes, annotations, the range, the zoom buttons) to days since the anchor, so the June 2020 decisions read
+14, +16 and +17 days after George Floyd's killing. Pure: no Dash, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.data.safe import plotly_text, truncate

DEFAULT_ANCHOR = "george-floyd-killed-minneapolis"


@dataclass(frozen=True)
class Anchor:
    """Day 0: an event's first day, with its title and date label for the axis."""

    id: str
    title: str
    when: str
    day: pd.Timestamp


def anchor_of(events: pd.DataFrame, event_id: str | None) -> Anchor | None:
    """The anchor for an event id, or None when there is no such event (calendar dates are shown)."""
    if not event_id:
        return None
    rows = events[events["id"] == event_id]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Anchor(
        row["id"], row["title"], row["when"].split(" – ")[0], pd.Timestamp(row["start"]).normalize()
    )


def default_anchor(events: pd.DataFrame, selected: str | None = None) -> str | None:
    """The event the "days since" toggle counts from: George Floyd's killing when the data has it, else the
    selected event, else the earliest one."""
    ids = set(events["id"])
    for candidate in (DEFAULT_ANCHOR, selected):
        if candidate in ids:
            return candidate
    return None if events.empty else str(events["id"].iloc[events["start"].argmin()])


def days(value: Any, anchor: Anchor) -> float | None:
    """A date (Timestamp, datetime, date or ISO string) -> days since the anchor; None stays None."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    delta = pd.Timestamp(value) - anchor.day
    return round(delta / pd.Timedelta(days=1), 3)


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("0" if n == 0 else f"−{-n}")


def day_label(start: Any, stop: Any, anchor: Anchor, *, span: bool = False) -> str:
    """'day +14', 'day 0', 'day −3' or, for a month, year or span, 'days +7 to +37'."""
    first = int((pd.Timestamp(start).normalize() - anchor.day).days)
    last = int((pd.Timestamp(stop).normalize() - anchor.day).days)
    if first == last:
        return f"day {signed(first)}"
    return f"days {signed(first)} to {signed(last)}"


def row_day_label(row: pd.Series | Mapping[str, Any], anchor: Anchor) -> str:
    """An event's place on the days axis at the precision of its date."""
    return day_label(row["start"], row["stop"], anchor)


def axis_title(anchor: Anchor, limit: int | None = 60) -> str:
    """'Days since 25 May 2020: <the event's title>', the title cut to `limit` characters (None: whole)."""
    return f"Days since {anchor.when}: {anchor.title if limit is None else truncate(anchor.title, limit)}"


def days_note(anchor: Anchor, *, short: bool = False, whole: bool = False) -> str:
    """What a days axis counts from, in words (plain text: escape it for the figure); `short` for a
    subtitle that shares its line with the view's filters; `whole` never cuts the event's title (HTML,
    where the line wraps)."""
    if short:
        return axis_title(anchor, 40)
    return axis_title(anchor, None if whole else 60) + " (dotted line = day 0)"


def _map_list(values: Any, anchor: Anchor) -> list[float | None]:
    return [days(v, anchor) for v in values]


def _is_date(value: Any) -> bool:
    if isinstance(value, (pd.Timestamp, datetime, date, np.datetime64)):
        return True
    if isinstance(value, str):
        try:
            pd.Timestamp(value)
        except ValueError:
            return False
        return True
    return False


def to_days(fig: go.Figure, anchor: Anchor, *, ink: str = "#1a1a1a", describe: bool = True) -> go.Figure:
    """Move every x value of a date-axis timeline to days since `anchor`, and mark day 0. Returns `fig`.

    `describe` writes what the days count from as the figure's title (figures with their own title say it
    in their subtitle instead: see figures.build_figure)."""
    for trace in fig.data:
        if trace.x is not None and any(_is_date(x) for x in trace.x if x is not None):
            trace.x = _map_list(trace.x, anchor)
    layout = fig.layout
    for shape in layout.shapes:  # in place: re-setting the whole list would re-validate every shape
        if shape.xref == "x":
            shape.x0, shape.x1 = days(shape.x0, anchor), days(shape.x1, anchor)
    for annotation in layout.annotations:
        if annotation.xref == "x" and _is_date(annotation.x):
            annotation.x = days(annotation.x, anchor)
        if annotation.axref == "x" and _is_date(annotation.ax):
            annotation.ax = days(annotation.ax, anchor)
    for menu in layout.updatemenus:
        for button in menu.buttons:
            args = list(button.args or [])
            if args and isinstance(args[0], dict) and "xaxis.range" in args[0]:
                args[0] = {**args[0], "xaxis.range": _map_list(args[0]["xaxis.range"], anchor)}
                button.args = args
    xrange = list(layout.xaxis.range) if layout.xaxis.range else None
    fig.add_shape(type="line", xref="x", yref="paper", x0=0, x1=0, y0=0, y1=1, name="day 0",
                  line={"color": ink, "width": 1.5, "dash": "dot"})
    layout.xaxis.update(type="linear", range=_map_list(xrange, anchor) if xrange else None, title=None,
                        tickformat="+,d", labelalias={"+0": "0"}, zeroline=False)
    for name in layout.to_plotly_json():  # axes that match x (a context series under the lanes) follow it
        if name.startswith("xaxis") and name != "xaxis" and layout[name].type == "date":
            layout[name].update(type="linear", tickformat="+,d", labelalias={"+0": "0"})
    if describe:  # above the chart, over the zoom buttons (below: the range slider and the legend)
        layout.title.update(text=plotly_text(days_note(anchor)), x=0.01, xanchor="left", yref="container",
                            y=0.995, yanchor="top", font={"size": 12})
        layout.margin.t = max(layout.margin.t or 0, 90)
    return fig
