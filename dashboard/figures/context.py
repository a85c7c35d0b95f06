"""The context series as an area chart under the lanes, on an x-axis that matches the timeline's: zooming
or panning one moves both. Pure plotly (no Dash); text goes through text.plotly_text."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go

from dashboard.data.context import Series
from dashboard.data.dates import day_label
from dashboard.data.safe import plotly_text
from dashboard.figures import theme
from dashboard.figures.layout import slider_thickness

CONTEXT_HEIGHT = 130  # px of the area chart
GAP = 44  # px between the lanes and the area chart (the lanes' date ticks sit there)


def hover_labels(series: Series) -> list[str]:
    """'<b>8 June 2020</b><br>12 protests' per point ('Week of ...' for weekly data); escaped."""
    label = plotly_text(series.label)
    out = []
    for day, value in zip(series.dates, series.values, strict=True):
        when = day_label(date.fromisoformat(day))
        when = f"Week of {when}" if series.period == "week" else when
        shown = "no value" if value is None else f"{value:,.10g} {label}"
        out.append(f"<b>{when}</b><br>{shown}")
    return out


def add_context(fig: go.Figure, series: Series, *, theme_name: str = "light") -> go.Figure:
    """Put `series` under the lanes of a timeline figure built by figures.build_figure (in place)."""
    colors = theme.THEMES.get(theme_name, theme.THEMES["light"])
    layout = fig.layout
    margin_t = layout.margin.t or 0
    margin_b = layout.margin.b or 0
    slider = bool(layout.xaxis.rangeslider and layout.xaxis.rangeslider.visible)
    lanes_px = max(layout.height - margin_t - margin_b - (60 if slider else 0), 120)
    plot_px = lanes_px + GAP + CONTEXT_HEIGHT
    low = CONTEXT_HEIGHT / plot_px
    fig.add_trace(
        go.Scatter(
            x=list(series.dates),
            y=list(series.values),
            xaxis="x2",
            yaxis="y2",
            mode="lines",
            fill="tozeroy",
            name=plotly_text(series.label),
            showlegend=False,
            connectgaps=False,
            line={
                "color": colors["context"],
                "width": 1.5,
                "shape": "hv" if series.period == "week" else "linear",
            },
            fillcolor=colors["context_fill"],
            hovertext=hover_labels(series),
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    xaxis2: dict[str, object] = {"type": "date", "anchor": "y2", "matches": "x", "showgrid": True}
    if slider:
        thickness = slider_thickness(layout.height + GAP + CONTEXT_HEIGHT, margin_t, margin_b)
        xaxis2["rangeslider"] = {"visible": True, "thickness": thickness}
        layout.xaxis.rangeslider = {"visible": False}
    fig.update_layout(
        height=layout.height + GAP + CONTEXT_HEIGHT,
        yaxis={"domain": [low + GAP / plot_px, 1]},
        xaxis2=xaxis2,
        yaxis2={
            "domain": [0, low],
            "anchor": "x2",
            "rangemode": "tozero",
            "fixedrange": True,
            "title": {"text": plotly_text(series.label), "font": {"size": 11}},
            "automargin": True,
        },
    )
    return fig
