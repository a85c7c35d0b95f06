"""Pure figure builders: events DataFrame + options in, a new plotly Figure out. Never imports Dash.

Lanes: one per company (an event about several companies is drawn in each of their lanes), then one
context lane per category for events that concern no company. Points closer than a few weeks in one lane
are stacked on sub-rows so a busy week (8-11 June 2020) stays readable.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.data import relations, schema, timescale
from dashboard.data.context import Series
from dashboard.data.safe import plotly_text
from dashboard.data.settings import Preset
from dashboard.figures import theme, years
from dashboard.figures.context import add_context
from dashboard.figures.layout import (
    chrome,
    empty_figure,
    key_moment_labels,
    layout_template,
    natural_height,
    overview_trace,
    preset_menu,
    rangeslider_yaxis,
    slider_thickness,
)
from dashboard.figures.overlays import connector_traces, highlight_trace
from dashboard.figures.spans import span_traces
from dashboard.view import eventindex
from dashboard.view.bands import Band, era_bands, protest_band  # noqa: F401 (re-exported)
from dashboard.view.relative import Anchor, days_note, row_day_label, to_days


def lanes_of(row: pd.Series, companies: Sequence[str] | None) -> list[str]:
    """The lanes an event is drawn in: its group; else its companies (those selected); else its category's
    context lane."""
    if row.get("group"):
        return [row["group"]]
    if row["company_list"]:
        return [c for c in row["company_list"] if companies is None or c in companies]
    return [schema.CONTEXT_LANES.get(row["category"], schema.UNGROUPED_LANE)]


def lane_order(lanes: Iterable[str], groups: Sequence[str] = (),
               companies: Sequence[str] | None = None) -> list[str]:
    """Company lanes (A-Z, or in the order of `companies`: `Shown.company_order`), then groups in order of
    appearance, then context lanes in the schema's order (events with no group, company or category last)."""
    present = set(lanes)
    context = [lane for lane in [*schema.CONTEXT_LANES.values(), schema.UNGROUPED_LANE]
               if lane in present and lane not in groups]
    grouped = [g for g in dict.fromkeys(groups) if g in present]
    other = [schema.OTHER_COMPANIES] if schema.OTHER_COMPANIES in present else []
    named = set(context) | set(grouped) | set(other)
    rank = {c: i for i, c in enumerate(companies or ())}
    drawn = sorted((lane for lane in present if lane not in named), key=lambda c: (rank.get(c, len(rank)),
                                                                                   c.casefold()))
    return drawn + other + grouped + context


MAX_COMPANY_LANES = 20  # more companies than this: the ones with most events get lanes, the rest share one


def folded_companies(events: pd.DataFrame) -> set[str]:
    """The companies drawn in the one "Other companies" lane when no company filter is set: all but the
    MAX_COMPANY_LANES - 1 with the most events (a company filter draws each chosen one in its own lane)."""
    counts: dict[str, int] = {}
    for cs in events["company_list"]:
        for c in cs:
            counts[c] = counts.get(c, 0) + 1
    if len(counts) <= MAX_COMPANY_LANES:
        return set()
    ranked = sorted(counts, key=lambda c: (-counts[c], c.casefold()))
    return set(ranked[MAX_COMPANY_LANES - 1:])


def hover_texts(
    events: pd.DataFrame, *, compact: bool = False, anchor: Anchor | None = None
) -> dict[object, str]:
    """Index label -> hover label for every event; `compact` keeps the title and date only (large views:
    the details panel shows the rest on click)."""
    if compact:
        return {i: f"<b>{plotly_text(t)}</b><br>{plotly_text(w)}"
                for i, t, w in zip(events.index, events["title"], events["when"], strict=True)}
    cols = ["title", "when", "company_list", "actor", "category", "start", "stop"]
    cols += ["group"] if "group" in events.columns else []
    return {i: hover_text(dict(zip(cols, values, strict=True)), anchor)
            for i, *values in zip(events.index, *(events[c] for c in cols), strict=True)}


def hover_text(row: pd.Series | Mapping[str, Any], anchor: Anchor | None = None) -> str:
    """Escaped hover label: title, date at its precision (and its day when counting days), companies and
    actor, category."""
    raw = str(row["title"])
    lines = [raw] if len(raw) <= 60 else textwrap.wrap(raw, 60)  # wrap is slow; most titles are short
    title = "<br>".join(plotly_text(line) for line in lines) or "(untitled)"
    when = row["when"] if anchor is None else f"{row['when']} ({row_day_label(row, anchor)})"
    lines = [f"<b>{title}</b>", plotly_text(when)]
    if row["company_list"]:
        lines.append("Companies: " + plotly_text(", ".join(row["company_list"])))
    if row["actor"]:
        lines.append("Actor: " + plotly_text(row["actor"]))
    if row["category"]:
        lines.append("Category: " + plotly_text(row["category"]))
    if row.get("group"):
        lines.append("Group: " + plotly_text(row["group"]))
    return "<br>".join(lines)


def point_x(row: pd.Series) -> pd.Timestamp:
    """Where a point sits: its day, or the middle of its month or year (never a made-up day in the label)."""
    if row["precision"] == "day" or row["end_date"]:
        return row["start"]
    first = row["start"]
    last = first + (pd.offsets.MonthEnd(0) if row["precision"] == "month" else pd.offsets.YearEnd(0))
    return first + (last - first) / 2


def placements(
    events: pd.DataFrame, companies: Sequence[str] | None = None, lanes: Sequence[str] | None = None,
    company_order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per (event, lane) with x, x_end and a y that stacks close events on sub-rows.

    `lanes` fixes the lane list (a level-of-detail view keeps every lane of the data, in or out of view)."""
    wanted = None if companies is None else set(companies)
    folded = folded_companies(events) if companies is None and lanes is None else set()
    idx: list[object] = []
    lane_list: list[str] = []
    groups = events["group"] if "group" in events.columns else pd.Series("", index=events.index)
    for i, cs, category, group in zip(events.index, events["company_list"], events["category"], groups,
                                      strict=True):
        if group:  # an event's group is its one lane
            idx.append(i)
            lane_list.append(group)
        elif cs:
            other = False
            for c in cs:
                if c in folded:
                    other = True
                elif wanted is None or c in wanted:
                    idx.append(i)
                    lane_list.append(c)
            if other:  # once, however many of its companies share the lane
                idx.append(i)
                lane_list.append(schema.OTHER_COMPANIES)
        else:
            idx.append(i)
            lane_list.append(eventindex.context_lane(category))
    xs = eventindex.point_x(events) if len(events) else events["start"]
    ends = events["stop"].where(events["end_date"] != "")
    placed = pd.DataFrame({"idx": idx, "lane": lane_list})
    placed["x"] = xs.loc[idx].to_numpy() if idx else pd.Series([], dtype="datetime64[ns]")
    placed["x_end"] = ends.loc[idx].to_numpy() if idx else pd.Series([], dtype="datetime64[ns]")
    placed["ongoing"] = events["end_date"].loc[idx].to_numpy() == schema.ONGOING if idx else []
    order = list(lanes) if lanes is not None else lane_order(placed["lane"], [g for g in groups if g],
                                                             company_order)
    if placed.empty:
        placed["y"] = np.array([], dtype=float)
        placed.attrs["lanes"] = order
        return placed
    lane_index = {lane: i for i, lane in enumerate(order)}
    codes = placed["lane"].map(lane_index).to_numpy()
    x_ns = years.ms(placed["x"]) * 1e6  # float ns: any year (an int64 of ns holds only 1677-2262)
    end_ns = years.ms(placed["x_end"]) * 1e6
    has_end = placed["x_end"].notna().to_numpy()
    # Markers closer than about one marker width at the full view share a sub-row otherwise.
    day = 86_400 * 10**9
    span_days = int((x_ns.max() - x_ns.min()) // day)
    gap = int(max(theme.STACK_GAP_DAYS, span_days / theme.STACK_SLOTS_PER_VIEW) * day)
    ys = np.empty(len(placed), dtype=float)
    slots: dict[int, list[int | None]] = {}
    for pos in np.lexsort((x_ns, codes)):  # by lane, then date; ties keep the input order
        lane, x = int(codes[pos]), int(x_ns[pos])
        free_at = slots.setdefault(lane, [None] * len(theme.STACK_OFFSETS))
        slot = next((i for i, t in enumerate(free_at) if t is None or x - t >= gap), None)
        if slot is None:
            slot = min(range(len(free_at)), key=lambda i: free_at[i])  # type: ignore[arg-type, return-value]
        free_at[slot] = int(end_ns[pos]) if has_end[pos] else x
        ys[pos] = lane + theme.STACK_OFFSETS[slot]
    placed["y"] = ys
    placed.attrs["lanes"] = order
    return placed


def default_range(events: pd.DataFrame, window: tuple[date | None, date | None] = (None, None),
                  *, clip: bool = True) -> list[str]:
    """The initial x range: the date filter when set, else all events but a lone early outlier or two
    (the "All" button shows everything). `clip=False` keeps every event in range (static exports)."""
    starts, stops = years.ms(events["start"]), years.ms(events["stop"])
    lo = float(np.quantile(starts, 0.01)) if clip and len(events) >= 50 else float(starts.min())
    hi = float(stops.max())
    pad = max((hi - lo) * 0.03, 15 * years.DAY_MS)
    lo, hi = lo - pad, hi + pad
    if window[0] is not None:
        lo = timescale.ns_of(window[0]) / 1e6
    if window[1] is not None:
        hi = timescale.ns_of(window[1]) / 1e6 + years.DAY_MS
    return [timescale.iso(lo * 1e6).split(" ")[0], timescale.iso(hi * 1e6).split(" ")[0]]


def build_figure(
    events: pd.DataFrame,
    *,
    companies: Sequence[str] | None = None,
    selected: str | None = None,
    band: Band | None = None,
    theme_name: str = "light",
    title: str | None = None,
    annotate: bool = True,
    rangeslider: bool = True,
    presets: bool = True,
    window: tuple[date | None, date | None] = (None, None),
    uirevision: str = "timeline",
    legend: bool = True,
    height: int | None = None,
    full_range: bool = False,
    subtitle: str | None = None,
    footer: str | None = None,
    eras: Sequence[Band] = (),
    context: Series | None = None,
    lanes: Sequence[str] | None = None,
    x_range: Sequence[str] | None = None,
    overview: Sequence[str] | None = None,
    compact: bool = False,
    links: Sequence[relations.Link] = (),
    highlight: Sequence[str] = (),
    anchor: Anchor | None = None,
    key_moments: Sequence[tuple[str, str]] = (),
    preset_ranges: Sequence[Preset] = (),
    describe_days: bool = True,
    company_order: Sequence[str] | None = None,
) -> go.Figure:
    """The timeline of `events` (already filtered): lanes, spans, band, key moments and a selection ring.

    `window` is the view's date filter; when set, the x-axis opens on exactly that range. `height` fixes
    the height in pixels (default: what the lanes need); `full_range` opens on every event instead of
    leaving out lone early outliers; `subtitle` and `footer` are plain text (escaped here) drawn under
    the title and below the chart, for figures that leave the app. `eras` are shaded spans (TimelineJS
    eras); `context` is a series drawn as an area under the lanes on a matching x-axis. `links` are drawn
    as labelled connectors between events in view, `highlight` rings a tour step's events, and `anchor`
    turns the x-axis into days since that event (`describe_days=False`: the page around the figure says what
    they count from). `key_moments` are (event id, label) pairs labelled on the
    chart and `preset_ranges` the zoom buttons besides "All" (both from the dataset's settings);
    `company_order` orders the company lanes (default A-Z). For a
    part of a large data set (see `lod.py`): `lanes` fixes the lanes, `x_range` the opening range,
    `overview` the range of the whole selection (range slider and "All" button), and `compact` sends
    dates as numbers and short hover labels.
    """
    colors = theme.THEMES.get(theme_name, theme.THEMES["light"])
    rangeslider = rangeslider and not footer  # a footer is for figures that leave the app: no slider there
    if events.empty and lanes is None:
        fig = empty_figure("No events match these filters. Clear a filter or widen the dates.",
                           theme_name=theme_name)
        if height is not None:
            fig.update_layout(height=height)
        return fig
    placed = placements(events, companies, lanes, company_order)
    lanes = placed.attrs.pop("lanes")  # pandas copies attrs on every operation: drop them while building
    rows = events.loc[placed["idx"]]
    hover = hover_texts(events, compact=compact, anchor=anchor)
    deep = years.is_deep(events)
    if compact or deep:  # milliseconds since 1970 travel as typed arrays; a date axis reads them as dates
        for col in ("x", "x_end"):
            placed[col] = years.ms(placed[col])
    fig = go.Figure()

    for category in [*schema.CATEGORIES, *sorted(set(events["category"]) - set(schema.CATEGORIES))]:
        mask = (rows["category"] == category).to_numpy()
        if not mask.any():
            continue
        style = theme.CATEGORY_STYLE.get(category, theme.FALLBACK_STYLE)
        cat_placed = placed[mask]
        fig.add_traces(span_traces(cat_placed, category, style["color"]))  # an ongoing one fades
        fig.add_trace(go.Scatter(
            x=_values(cat_placed["x"]), y=_values(cat_placed["y"]), mode="markers",
            name=plotly_text(category or "no category"),
            legendgroup=category,
            marker={"color": style["color"], "symbol": style["symbol"], "size": theme.MARKER_SIZE,
                    "line": {"color": colors["outline"], "width": 1}},
            # An event on the first or last day in view is drawn whole, not cut in half by the plot's edge
            # (plotly still hides a marker whose centre is out of range; the lane names stand off for it).
            cliponaxis=False,
            customdata=rows.loc[mask, "id"].to_numpy(),
            hovertext=[hover[i] for i in cat_placed["idx"]],
            hovertemplate="%{hovertext}<extra></extra>",
            _validate=not compact,  # compact: thousands of points built here, not typed by hand
        ))

    placed_ids = list(rows["id"])
    ring = highlight_trace(placed, placed_ids, highlight, colors["highlight"]) if highlight else None
    if ring is not None:
        fig.add_trace(ring)
    if links:
        titles = dict(zip(events["id"], events["title"], strict=True))
        fig.add_traces(connector_traces(placed, placed_ids, links, titles, selected, colors["relation"]))

    if selected is not None and (events["id"] == selected).any():
        sel = placed[rows["id"].to_numpy() == selected]
        fig.add_trace(go.Scatter(
            x=sel["x"], y=sel["y"], mode="markers", name="selected", showlegend=False, hoverinfo="skip",
            marker={"symbol": "circle-open", "size": 24, "color": colors["selected"], "line": {"width": 3}},
        ))

    shapes = []
    annotations = []
    if band is not None:
        b0, b1 = years.at(band.start, deep), years.at(band.stop, deep)
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": b0, "x1": b1,
                       "y0": 0, "y1": 1, "fillcolor": colors["band"], "line": {"width": 0}, "layer": "below"})
        # Beside the band, in the row of labels above the plot: the key moments inside the band keep their
        # ticks clear of it (assets' labels.js hides whichever label has no room, least important first).
        annotations.append({"x": b1, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "xanchor": "left", "xshift": 4, "yshift": 2, "showarrow": False,
                            "text": plotly_text(band.label), "font": {"size": 11, "color": colors["muted"]}})
    for era in eras:
        x0, x1 = years.at(era.start, deep), years.at(era.stop, deep)
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
                       "fillcolor": colors["era"], "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": x0, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "top",
                            "xanchor": "left", "showarrow": False, "text": plotly_text(era.label),
                            "font": {"size": 11, "color": colors["muted"]}})
    for i in range(len(lanes)):
        if i % 2 == 0:
            shapes.append({"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": i - 0.5,
                           "y1": i + 0.5, "fillcolor": colors["lane"], "line": {"width": 0},
                           "layer": "below"})
    if annotate:
        annotations[:0] = key_moment_labels(placed, rows, key_moments, colors)

    if height is None:
        height = natural_height(len(lanes), rangeslider=rangeslider)
    if anchor is not None and title:  # a titled figure says what its days count from under the title
        subtitle = " · ".join(part for part in (subtitle, days_note(anchor, short=bool(subtitle))) if part)
    frame = chrome(colors, height=height, title=title, subtitle=subtitle, footer=footer, legend=legend,
                   rangeslider=rangeslider, presets=presets)
    annotations += frame.pop("annotations")
    # (ticklabeloverflow: as for the lanes' axis below; a date at the plot's right end fits in the margin)
    xaxis: dict[str, object] = {"type": "date", "title": None, "showgrid": True, "ticklabeloverflow": "allow",
                                "range": list(x_range) if x_range else default_range(events, window,
                                                                                      clip=not full_range)}
    if deep:  # Plotly labels years '-0500' and '0200': say '500 BCE' and 'AD 200'
        xaxis["labelalias"] = years.aliases(placed)
        xaxis["tickformatstops"] = years.TICK_FORMATS
    if rangeslider:
        thickness = slider_thickness(height, frame["margin"]["t"], frame["margin"]["b"])
        slider: dict[str, object] = {"visible": True, "thickness": thickness, "bgcolor": colors["paper"],
                                     "bordercolor": colors["muted"], "borderwidth": 1}
        if overview:
            slider |= {"range": list(overview), "autorange": False}
        if not compact:  # the slider shows a miniature of the lanes, not the full-size markers
            fig.add_trace(overview_trace(placed, rows, len(lanes)))
            slider["yaxis"] = rangeslider_yaxis()
        xaxis["rangeslider"] = slider
    fig.update_layout(
        template=layout_template(colors["template"]),
        paper_bgcolor=colors["paper"],
        plot_bgcolor=colors["paper"],
        height=height,
        font={"family": theme.FONT_FAMILY, "color": colors["ink"]},
        showlegend=legend,
        xaxis=xaxis,
        yaxis={"tickmode": "array", "tickvals": list(range(len(lanes))),
               "ticktext": [plotly_text(lane) for lane in lanes], "range": [len(lanes) - 0.5, -0.5],
               "fixedrange": True, "showgrid": False, "zeroline": False, "automargin": True,
               "ticklabelstandoff": theme.LANE_NAME_STANDOFF,
               # The margin is made to fit the lane names (automargin), so none can overflow the chart: with
               # plotly's default ("hide past div") it measures every label again after placing each one, a
               # forced layout per pair, n^2 of them (~30% of redrawing a 21-lane chart in the page).
               "ticklabeloverflow": "allow"},
        **frame,
        hovermode="closest",
        clickmode="event",
        shapes=shapes,
        annotations=annotations,
        dragmode="pan",
        uirevision=uirevision,  # zoom survives a new selection, resets when the filters change
    )
    if presets:
        fig.update_layout(updatemenus=[preset_menu(events, colors, preset_ranges, overview)])
    if context is not None:
        add_context(fig, context, theme_name=theme_name)
    if anchor is not None:
        to_days(fig, anchor, ink=colors["ink"], describe=not title and describe_days)
    return fig


def _values(series: pd.Series) -> object:
    """A numeric column as a numpy array (sent as a typed array), anything else as it is."""
    return series.to_numpy() if series.dtype.kind in "fiu" else series
