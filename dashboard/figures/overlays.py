"""Figure parts drawn over the timeline: connectors between related events, and the rings of the events a
tour step highlights. Pure plotly; called by figures.build_figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product

import pandas as pd
import plotly.graph_objects as go

from dashboard.data import schema
from dashboard.data.relations import Link
from dashboard.data.safe import plotly_text

Point = tuple[object, float]
ARCH = 0.42  # how far (in lanes) a connector between two events of one lane rises above it


def positions(placed: pd.DataFrame, ids: Sequence[str]) -> dict[str, list[Point]]:
    """event id -> every (x, y) where the event is drawn (one per lane)."""
    out: dict[str, list[Point]] = {}
    for event_id, x, y in zip(ids, placed["x"], placed["y"], strict=True):
        out.setdefault(event_id, []).append((x, y))
    return out


def _closest(a: list[Point], b: list[Point]) -> tuple[Point, Point]:
    """The pair of placements, one of each event, that are nearest in the lanes (the shortest connector)."""
    return min(product(a, b), key=lambda pair: abs(pair[0][1] - pair[1][1]))


def connector_traces(
    placed: pd.DataFrame,
    ids: Sequence[str],
    links: Sequence[Link],
    titles: Mapping[str, str],
    selected: str | None,
    color: str,
) -> list[go.Scatter]:
    """Arrows from each link's source to its target (both in view), labelled with the relation.

    Clicking a label selects the event at the other end (its id is the label's customdata).
    """
    where = positions(placed, ids)
    xs: list[object] = []
    ys: list[object] = []
    sizes: list[int] = []
    label_x: list[object] = []
    label_y: list[float] = []
    labels: list[str] = []
    hover: list[str] = []
    others: list[str] = []
    for link in links:
        if link.source not in where or link.target not in where:
            continue
        (xa, ya), (xb, yb) = _closest(where[link.source], where[link.target])
        xm = pd.Timestamp(xa) + (pd.Timestamp(xb) - pd.Timestamp(xa)) / 2  # type: ignore[arg-type]
        # In one lane a straight line would run along the markers and spans: arch it over them instead.
        arch = 0.0 if abs(ya - yb) >= 0.5 else (ARCH if ya < 0.5 else -ARCH)  # into the chart at the top lane
        ym = (ya + yb) / 2 + arch
        xs += [xa, xm, xb, None]
        ys += [ya, ym, yb, None]
        sizes += [0, 0, 13, 0]
        relation = schema.RELATIONS[link.relation]
        label_x.append(xm)
        label_y.append(ym + (0.12 if arch > 0 else -0.12))
        labels.append(plotly_text(relation.label))
        hover.append(
            f"<b>{plotly_text(titles.get(link.source, link.source))}</b><br>{plotly_text(relation.label)}"
            f"<br><b>{plotly_text(titles.get(link.target, link.target))}</b>"
        )
        others.append(link.target if link.source == selected else link.source)
    if not labels:
        return []
    return [
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            name="relations",
            showlegend=False,
            hoverinfo="skip",
            line={"color": color, "width": 1.6, "dash": "dot"},
            marker={"symbol": "arrow", "angleref": "previous", "size": sizes, "color": color},
        ),
        go.Scatter(
            x=label_x,
            y=label_y,
            mode="text",
            name="relation labels",
            showlegend=False,
            text=labels,
            textfont={"size": 11, "color": color},
            customdata=others,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        ),
    ]


def highlight_trace(
    placed: pd.DataFrame, ids: Sequence[str], highlight: Sequence[str], color: str
) -> go.Scatter | None:
    """Rings around the events a tour step is about (every lane they are drawn in)."""
    wanted = set(highlight)
    mask = [event_id in wanted for event_id in ids]
    if not any(mask):
        return None
    chosen = placed[mask]
    return go.Scatter(
        x=chosen["x"],
        y=chosen["y"],
        mode="markers",
        name="highlighted",
        showlegend=False,
        hoverinfo="skip",
        customdata=[event_id for event_id, keep in zip(ids, mask, strict=True) if keep],
        marker={"symbol": "circle-open", "size": 30, "color": color, "line": {"width": 3.5}},
    )
