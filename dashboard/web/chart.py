"""The page's chart: the figure of a tab's view, memoized, and sent whole only when what it draws changed.

A figure is named by `figures.chart.figure_key` (the rows, selection, plan and theme: not the zoom). When a
zoom is all that changed, the render callback sends a Patch of the x range and uirevision instead of the
whole figure, so a pan costs a few bytes unless it needs a new level of detail.
"""

from __future__ import annotations

from typing import Any

from dash import Patch, html, no_update

from dashboard.figures.chart import PAGE, figure, figure_key
from dashboard.view.detail import DAY, iso
from dashboard.view.shown import Shown
from dashboard.web.layout import preset_buttons
from dashboard.web.state import Tab, current

EMPTY_RANGE_HEIGHT = 260
# The figure-key store's value while the chart on screen is the page's pre-drawn first figure
# (web/predraw.py): the browser already draws that very figure, so the render callback sends none.
PREDRAWN = "predrawn:"


def x_range(shown: Shown) -> list[Any] | None:
    """The x range the page opens the view on: its zoom, else its opening range; in days on a days axis."""
    if shown.visible is None:
        return None
    lo, hi = shown.visible
    if shown.anchor is not None:
        day0 = shown.anchor.day.value
        return [(lo - day0) / DAY, (hi - day0) / DAY]
    return [iso(lo), iso(hi)]


def page_figure(tab: Tab, previous_key: object) -> tuple[Any, str, int]:
    """(the figure dict, a Patch of its range, or no update when the pre-drawn chart is this figure; its key;
    its height in px) for the tab's view."""
    shown = tab.shown
    key = figure_key(shown, PAGE) + ("" if tab.context is None else f"|context:{tab.context.name}")

    def build() -> dict[str, Any]:
        return figure(shown, PAGE, context=tab.context).to_plotly_json()

    own = shown.dataset.uploaded or tab.own_context  # a tab's own data is not cached on the server
    built: dict[str, Any] = build() if own else current().cache.get_or_build(key, build)
    height = int(built["layout"].get("height") or EMPTY_RANGE_HEIGHT)
    if previous_key == PREDRAWN + key:
        return no_update, key, height
    rng = x_range(shown)
    if previous_key == key:
        patch = Patch()
        if rng is not None:
            patch["layout"]["xaxis"]["range"] = rng
        patch["layout"]["uirevision"] = shown.revision
        return patch, key, height
    layout = dict(built["layout"])
    layout["uirevision"] = shown.revision
    if rng is not None and "xaxis" in layout:
        layout["xaxis"] = {**layout["xaxis"], "range": rng, "autorange": False}
    return {**built, "layout": layout}, key, height


def toolbar_presets(shown: Shown) -> list[html.Button]:
    """The chart toolbar's zoom buttons: "All" and the dataset's presets (none for a file without them)."""
    return preset_buttons(shown.dataset.settings.presets)
