"""Colours, marker symbols, templates and sizes: constants only. (Key moments, the protest band and the
zoom presets belong to a dataset: see data/settings.py.)"""

from __future__ import annotations

# Okabe-Ito palette (safe for the common forms of colour blindness); every category also has its own symbol.
CATEGORY_STYLE: dict[str, dict[str, str]] = {
    "decision": {"color": "#0072B2", "symbol": "circle"},
    "protest": {"color": "#D55E00", "symbol": "triangle-up"},
    "legislation": {"color": "#009E73", "symbol": "square"},
    # yellow: legible by its outline on the light theme, by its fill on the dark one (tests/test_theme.py)
    "government": {"color": "#F0E442", "symbol": "star"},
    "research": {"color": "#CC79A7", "symbol": "diamond"},
    "legal": {"color": "#E69F00", "symbol": "pentagon"},
    "incident": {"color": "#56B4E9", "symbol": "x"},
}
FALLBACK_STYLE = {"color": "#777777", "symbol": "circle"}

THEMES: dict[str, dict[str, str]] = {
    "light": {"template": "plotly_white", "ink": "#1a1a1a", "muted": "#555555", "band": "rgba(213,94,0,0.12)",
              "paper": "#ffffff", "outline": "#1a1a1a", "selected": "#000000", "lane": "rgba(0,0,0,0.06)",
              "era": "rgba(0,114,178,0.09)", "context": "#7a4a00", "context_fill": "rgba(213,94,0,0.25)",
              "highlight": "#8E0152", "relation": "#333333"},
    "dark": {"template": "plotly_dark", "ink": "#f0f0f0", "muted": "#c0c0c0", "band": "rgba(255,140,80,0.18)",
             "paper": "#15181c", "outline": "#f0f0f0", "selected": "#ffffff",
             "lane": "rgba(255,255,255,0.07)", "era": "rgba(86,180,233,0.12)", "context": "#ffb070",
             "context_fill": "rgba(255,140,80,0.3)", "highlight": "#F1B6DA", "relation": "#dddddd"},
}



SPAN_OPACITY = 0.55  # a span's bar behind its marker
ONGOING_TAIL = 0.2  # an ongoing span fades over this share of its length...
ONGOING_FADE = (0.4, 0.27, 0.16, 0.08)  # ...in these steps of opacity, and ends in an arrowhead
ONGOING_ARROW_SIZE = 10

LANE_HEIGHT = 34
PAGE_LANE_HEIGHT = 25  # the app's chart: 19 lanes, the date axis and the legend on a laptop's first screen
MARKER_SIZE = 12
LANE_NAME_STANDOFF = MARKER_SIZE // 2 + 3  # px from a lane name to the plot: an edge marker stays clear of it
STACK_GAP_DAYS = 10  # events closer than this in one lane are drawn on separate sub-rows...
STACK_SLOTS_PER_VIEW = 45  # ...or closer than 1/45 of the data's time span, whichever is more
STACK_OFFSETS = (0.0, -0.28, 0.28)
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
