"""The chart's zoom buttons and category legend as HTML, for the embed and exported page.

Plotly draws its buttons and legend inside the SVG, where they cannot wrap: in a narrow column the
buttons ran off the edge and a legend of several rows covered the date axis after a resize. As HTML they
wrap like text, take the keyboard like any button, and never overlap the plot. embed.js wires them up.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import plotly.graph_objects as go


@dataclass(frozen=True)
class Preset:
    """A zoom button: its label and the Plotly relayout it applies (x range, or autorange for "All")."""

    label: str
    relayout: dict[str, Any]


@dataclass(frozen=True)
class LegendEntry:
    """A category as the chart draws it: its name (plain text), marker colour and Plotly symbol."""

    group: str
    color: str
    symbol: str


def take_presets(fig: go.Figure, room: int) -> tuple[Preset, ...]:
    """Remove the figure's zoom buttons (built once, in figures/, and already in days on a days axis) and
    the `room` px of top margin they took; return them for the page to draw."""
    menus = fig.layout.updatemenus
    if not menus:
        return ()
    presets = tuple(Preset(str(b.label), dict(b.args[0])) for b in menus[0].buttons if b.args)
    fig.layout.updatemenus = ()
    fig.layout.margin.t = max((fig.layout.margin.t or 0) - room, 0)
    return presets


def legend_of(fig: go.Figure) -> tuple[LegendEntry, ...]:
    """The categories the figure draws markers for, in its order (the traces Plotly's legend would list)."""
    seen: dict[str, LegendEntry] = {}
    for trace in fig.data:
        group = getattr(trace, "legendgroup", None)
        if trace.type != "scatter" or group is None or trace.showlegend is False or group in seen:
            continue
        marker = trace.marker
        seen[group] = LegendEntry(group, str(marker.color or "#777777"), str(marker.symbol or "circle"))
    return tuple(seen.values())


# Plotly's marker symbols as 12 x 12 SVG shapes (the legend's swatches match the markers).
SHAPES = {
    "circle": '<circle cx="6" cy="6" r="4.8"/>',
    "triangle-up": '<path d="M6 1.2 11 10.6H1z"/>',
    "square": '<path d="M1.8 1.8h8.4v8.4H1.8z"/>',
    "star": '<path d="M6 .8 7.5 4.4l3.9.3-3 2.5.9 3.8L6 9 2.7 11l.9-3.8-3-2.5 3.9-.3z"/>',
    "diamond": '<path d="M6 .6 11.4 6 6 11.4.6 6z"/>',
    "pentagon": '<path d="M6 1 11.2 4.8 9.2 11H2.8L.8 4.8z"/>',
    "x": '<path d="M2.6.9 6 4.3 9.4.9l1.7 1.7L7.7 6l3.4 3.4-1.7 1.7L6 7.7l-3.4 3.4L.9 9.4 4.3 6 .9 2.6z"/>',
}


def swatch(entry: LegendEntry) -> str:
    shape = SHAPES.get(entry.symbol, SHAPES["circle"])
    return (f'<svg class="frt-swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" '
            f'focusable="false" fill="{escape(entry.color)}">{shape}</svg>')


def legend_html(entries: Sequence[LegendEntry]) -> str:
    """The legend: one toggle button per category (pressed: shown)."""
    if not entries:
        return ""
    items = "".join(
        f'<li><button type="button" class="frt-key" aria-pressed="true" data-group="{escape(e.group)}">'
        f"{swatch(e)}{escape(e.group or 'no category')}</button></li>" for e in entries)
    label = "Categories: press one to hide or show its events"
    return f'<ul class="frt-legend" aria-label="{label}">{items}</ul>\n'


def presets_html(presets: Sequence[Preset]) -> str:
    """The zoom buttons, each carrying its relayout as JSON (escaped into the attribute)."""
    if not presets:
        return ""
    buttons = "".join(
        f'<button type="button" class="frt-preset" data-relayout="{escape(json.dumps(p.relayout))}">'
        f"{escape(p.label)}</button>" for p in presets)
    return f'<div class="frt-presets" role="group" aria-label="Zoom the chart to">{buttons}</div>'
