"""The frame around the timeline's plot area: heights, margins, title, legend, footer, the zoom buttons,
the key moments' row of labels, the range slider's miniature and the empty figure. Pure: options in,
layout dicts, traces or a new Figure out."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.data.safe import plotly_text
from dashboard.data.settings import Preset
from dashboard.figures import theme

TICK_ROOM = 40  # px the date ticks take under the plot area (two lines: day, then year)
LEGEND_ROOM = 28  # px a one-row legend takes
FOOTER_ROOM = 22  # px a footer line takes
TITLE_ROOM = 32
SUBTITLE_ROOM = 22
EMPTY_HEIGHT = 260
LABEL_ROOM = 42  # px above the plot area: two rows of labels (the key moments over the protest band's)
PRESET_ROOM = 28  # px the zoom buttons drawn by plotly take above that row
PAGE_TOP = LABEL_ROOM
PAGE_BOTTOM = 125  # px under the app's plot area: date ticks, the overview slider, the legend
SLIDER_HEIGHT = 44  # px the range slider's overview takes, whatever the chart's height
OVERVIEW_Y = 10_000.0  # the slider's miniature lives this far below the lanes, out of the main plot's range


def natural_height(lanes: int, *, rangeslider: bool = True) -> int:
    """The height in pixels that gives every lane room (what `build_figure` uses unless told). The app's
    chart (with its slider) has denser lanes, so that 18 lanes and the date axis fit a laptop's screen."""
    if rangeslider:
        return max(320, PAGE_TOP + PAGE_BOTTOM + theme.PAGE_LANE_HEIGHT * lanes)
    return max(320, 130 + theme.LANE_HEIGHT * lanes)


@functools.cache
def layout_template(name: str) -> go.layout.Template:
    """A theme's template without its per-trace-type defaults (every trace here is styled explicitly):
    copying it into each figure costs a fraction, and the figure sent to the browser is smaller."""
    return go.layout.Template(layout=pio.templates[name].layout)


def empty_figure(message: str, *, theme_name: str = "light") -> go.Figure:
    """A valid figure with no data and a centred explanation instead of an empty axis."""
    colors = theme.THEMES.get(theme_name, theme.THEMES["light"])
    fig = go.Figure()
    fig.update_layout(
        template=layout_template(colors["template"]),
        paper_bgcolor=colors["paper"],
        plot_bgcolor=colors["paper"],
        height=EMPTY_HEIGHT,
        xaxis={"visible": False},
        yaxis={"visible": False},
        margin={"l": 20, "r": 20, "t": 20, "b": 20},
        annotations=[{"text": plotly_text(message), "showarrow": False, "xref": "paper", "yref": "paper",
                      "x": 0.5, "y": 0.5, "font": {"size": 16, "color": colors["muted"]}}],
    )
    return fig


def chrome(colors: dict[str, str], *, height: int, title: str | None, subtitle: str | None,
           footer: str | None, legend: bool, rangeslider: bool, presets: bool) -> dict[str, Any]:
    """Margins, title, legend and footer around the plot area, in pixels that do not overlap.

    Top: the zoom buttons (when shown), then the title and subtitle above them. Bottom: the date ticks, the
    legend, then the footer line. With a range slider (the app) the legend sits under the slider.
    """
    top = LABEL_ROOM + (PRESET_ROOM if presets else 0) + (TITLE_ROOM if title else 0)
    top += SUBTITLE_ROOM if title and subtitle else 0
    title_layout: dict[str, object] | None = None
    if title:
        title_layout = {"text": plotly_text(title), "x": 0.01, "xanchor": "left", "yref": "container", "y": 1,
                        "yanchor": "top", "pad": {"t": 10}}
        if subtitle:
            title_layout["subtitle"] = {"text": plotly_text(subtitle),
                                        "font": {"color": colors["muted"], "size": 12}}
    legend_layout: dict[str, object] = {"orientation": "h", "x": 0, "title": {"text": "Category"}}
    annotations = []
    if rangeslider:
        # Below the date ticks and the slider at any width (ticks turn and grow on a phone): anchored to the
        # figure's bottom edge, not to the plot area.
        legend_layout.update(yref="container", y=0, yanchor="bottom")
        bottom = 10
    else:
        bottom = TICK_ROOM + (LEGEND_ROOM if legend else 0) + (FOOTER_ROOM if footer else 0) + 6
        # Paper units are fractions of the plot area's height: place the legend just under the date ticks.
        legend_layout.update(y=-TICK_ROOM / max(height - top - bottom, 1), yanchor="top")
    if footer:
        annotations.append({"text": plotly_text(footer), "showarrow": False, "xref": "paper", "yref": "paper",
                            "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "align": "left",
                            "yshift": -(TICK_ROOM + (LEGEND_ROOM if legend else 0)),
                            "font": {"size": 11, "color": colors["muted"]}})
    return {"margin": {"l": 10, "r": 10, "t": top, "b": bottom}, "title": title_layout,
            "legend": legend_layout, "annotations": annotations}


def preset_menu(events: pd.DataFrame, colors: dict[str, str], preset_ranges: Sequence[Preset] = (),
                overview: Sequence[str] | None = None) -> dict[str, object]:
    """Zoom buttons drawn by plotly itself, so they work in the app, in embeds and in exported HTML."""
    lo, hi = (pd.Timestamp(overview[0]), pd.Timestamp(overview[1])) if overview else (
        events["start"].min(), events["stop"].max())
    buttons = []
    ranges = [("All", None, None),
              *((p.label, p.start.isoformat(), p.end.isoformat()) for p in preset_ranges)]
    for label, first, last in ranges:
        if overview and (first is None or last is None):  # the figure holds a part: "All" is the overview
            buttons.append({"label": label, "method": "relayout",
                            "args": [{"xaxis.range": list(overview), "xaxis.autorange": False}]})
        elif first is None or last is None:
            buttons.append({"label": label, "method": "relayout", "args": [{"xaxis.autorange": True}]})
        elif pd.Timestamp(first) <= hi and pd.Timestamp(last) >= lo:
            buttons.append({"label": label, "method": "relayout",
                            "args": [{"xaxis.range": [first, last], "xaxis.autorange": False}]})
    return {"type": "buttons", "direction": "right", "x": 0, "y": 1.0, "xanchor": "left", "yanchor": "bottom",
            "pad": {"b": LABEL_ROOM + 2}, "showactive": False, "buttons": buttons, "font": {"size": 11},
            "bgcolor": colors["paper"]}


def overview_trace(placed: pd.DataFrame, rows: pd.DataFrame, lanes: int) -> go.Scatter:
    """Every placed event as a dot in the range slider, its lane scaled into one unit at OVERVIEW_Y."""
    colors = [theme.CATEGORY_STYLE.get(c, theme.FALLBACK_STYLE)["color"] for c in rows["category"]]
    ys = OVERVIEW_Y + 1 - (placed["y"].to_numpy(dtype=float) + 0.5) / max(lanes, 1)
    return go.Scatter(x=placed["x"], y=ys, mode="markers", name="overview", uid="overview", showlegend=False,
                      hoverinfo="skip", marker={"size": 3, "color": colors})


def key_moment_labels(placed: pd.DataFrame, rows: pd.DataFrame, key_moments: Sequence[tuple[str, str]],
                      colors: dict[str, str]) -> list[dict[str, object]]:
    """The dataset's key moments as labels in the margin above the plot, each with a tick pointing down at
    its date: they never cover a lane or a marker. Most important first (labels.js keeps those)."""
    labels = []
    ids = rows["id"].to_numpy()
    for event_id, label in key_moments:
        hit = placed[ids == event_id]
        if not hit.empty:
            labels.append({
                "x": hit["x"].iloc[0], "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                "text": plotly_text(label), "showarrow": True, "arrowhead": 0, "arrowwidth": 1.5,
                "arrowcolor": colors["ink"], "ax": 0, "ay": -22, "standoff": 0,
                "font": {"size": 12, "color": colors["ink"]}, "bgcolor": colors["paper"],
            })
    return labels


def slider_thickness(height: float, margin_t: float, margin_b: float) -> float:
    """The range slider's `thickness` (a share of the height inside the requested margins) that makes it
    SLIDER_HEIGHT px tall. A fixed height keeps the margin it pushes the same from one view to the next: a
    margin that moves makes Plotly draw the whole chart a second time after a change of view."""
    return round(SLIDER_HEIGHT / max(height - margin_t - margin_b, SLIDER_HEIGHT * 2), 6)


def rangeslider_yaxis() -> dict[str, object]:
    """The slider's own y range: the miniature's unit band only (the full-size markers stay out of it)."""
    return {"rangemode": "fixed", "range": [OVERVIEW_Y - 0.1, OVERVIEW_Y + 1.1]}


CHAR_WIDTH = 0.56  # a character's width in a label, as a share of its font size (measured in kaleido's PNGs)
LABEL_PAD = 8  # px kept between two labels


def fit_static_labels(fig: go.Figure) -> go.Figure:
    """Labels on the data of an image nobody can redraw (PNG, SVG, PDF): what assets' labels.js does in a
    browser, estimated from the text's length. A label that would run over one listed before it at the same
    height (the figure lists them by importance) is left out; one that would run past the plot's edge is
    anchored on that edge instead. The event keeps its marker and its place in the table."""
    layout = fig.layout
    try:
        lo, hi = (pd.Timestamp(v).value for v in layout.xaxis.range)
    except (TypeError, ValueError):  # no range, or a days axis: left as it is
        return fig
    lanes = [str(t) for t in (layout.yaxis.ticktext or ())]
    left = (layout.margin.l or 0) + max((len(t) for t in lanes), default=0) * 12 * CHAR_WIDTH + 10
    left += layout.yaxis.ticklabelstandoff or 0
    right = (layout.width or 0) - (layout.margin.r or 0)
    kept: list[tuple[object, float, float]] = []
    out = []
    for note in layout.annotations:
        if note.xref != "x" or hi <= lo or right <= left:
            out.append(note)
            continue
        try:
            x = pd.Timestamp(note.x).value
        except (TypeError, ValueError):
            out.append(note)
            continue
        if not lo <= x <= hi:  # plotly.js does not draw a label off its axis
            out.append(note)
            continue
        at = left + (x - lo) / (hi - lo) * (right - left)
        width = len(re.sub(r"<[^>]+>", "", str(note.text or ""))) * (note.font.size or 12) * CHAR_WIDTH
        anchor = note.xanchor if note.xanchor in ("left", "right") else "center"
        start = at - width / 2 if anchor == "center" else at - (width if anchor == "right" else 0)
        if start < left:
            note.xanchor, start = "left", at
        elif start + width > right:
            note.xanchor, start = "right", at - width
        level = (note.y, note.yanchor, note.ay)
        if any(level == other and start < end + LABEL_PAD and begin < start + width + LABEL_PAD
               for other, begin, end in kept):
            continue
        kept.append((level, start, start + width))
        out.append(note)
    layout.annotations = out
    return fig
