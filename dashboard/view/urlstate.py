"""The URL is the view: parse a query string into a View (tolerantly) and serialize one back.

Only non-default values are written. Unknown parameters are ignored silently (old or foreign links keep
working); unknown values of known parameters are ignored with a notice the page shows. `/embed` takes the
same parameters plus the drawing options of `EmbedOptions` (height, theme, legend, title).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from dashboard.data import schema
from dashboard.data.timescale import year_text
from dashboard.view.filters import Filters

MAX_Q = 200
THEMES = ("light", "dark")  # the page: `theme` absent follows the reader's system (prefers-color-scheme)
MIN_HEIGHT = 200
MAX_HEIGHT = 2000
MIN_FIT = 164  # px: the smallest frame `maxheight` may ask for (a chart of 120 px and the footer line)

Query = str | Mapping[str, Sequence[str]] | None


@dataclass(frozen=True)
class View:
    """Everything a URL describes: the filters, the visible window of the time axis (`zoom`: None = the
    view's opening range), the selected event, the day-0 event of the relative time axis (`anchor`; None =
    calendar dates), the guided-tour step (`step`, numbered from 1), the colour theme (None: the system's) and
    the order of the company lanes (`lanes`, one of LANE_ORDERS; None: A-Z).

    `start`/`end` (in `filters`) decide which events are in the view: the count, the table, the API and the
    downloads. `zoom` only decides which part of the time axis is on screen."""

    filters: Filters = field(default_factory=Filters)
    event: str | None = None
    anchor: str | None = None
    step: int | None = None
    theme: str | None = None
    zoom: tuple[datetime, datetime] | None = None
    lanes: str | None = None


# `lanes=`: how company lanes are ordered (the companies shown are `company=`). "name" is the default.
LANE_ORDERS = {
    "name": "A–Z",
    "events": "most events first",
    "first": "earliest event first",
    "listed": "as listed in company=",
}


@dataclass(frozen=True)
class EmbedOptions:
    """How a view is drawn outside the app (the `/embed` page and exports), on top of the View.

    `height` is the chart's height in pixels (None: as tall as its lanes need); `theme` is light or dark;
    `legend` and `title` show the category legend and the view's title above the chart. `maxheight` is
    the most the whole page may take (an oEmbed consumer's limit): the chart shrinks, then the zoom
    buttons, the legend and the title give way, until the page fits.
    """

    height: int | None = None
    theme: str = "light"
    legend: bool = True
    title: bool = True
    maxheight: int | None = None


DEFAULT_OPTIONS = EmbedOptions()


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _choices(
    values: Sequence[str], allowed: Collection[str] | None, name: str, notices: list[str]
) -> tuple[str, ...] | None:
    """Repeatable parameter -> tuple of allowed values; None (no filter) when absent or all unknown."""
    if not values:
        return None
    given = [v.strip() for v in values]
    if all(v == "" for v in given):
        return ()  # `company=` selects none
    unknown = [v for v in given if v and allowed is not None and v not in allowed]
    if unknown:
        notices.append(f"Ignored unknown {name} {', '.join(repr(u) for u in unknown)}.")
    ok = tuple(dict.fromkeys(v for v in given if v and v not in unknown))
    return ok or None


def _mapping(query: Query) -> Mapping[str, Sequence[str]]:
    if query is None:
        return {}
    if isinstance(query, str):
        return parse_qs(query.lstrip("?"), keep_blank_values=True)
    return query


def _last(params: Mapping[str, Sequence[str]], name: str) -> str:
    values = params.get(name) or [""]
    return values[-1].strip()


def _flag(raw: str, name: str, default: bool, notices: list[str]) -> bool:
    """'0'/'1' (and false/true, no/yes, off/on) -> bool; anything else keeps the default with a notice."""
    if raw in ("0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw:
        notices.append(f"Ignored {name}={raw!r}: use 0 or 1.")
    return default


def parse(
    query: Query,
    *,
    companies: Collection[str] | None = None,  # the data's companies; None: any name (companies are data)
    categories: Collection[str] = (*schema.CATEGORIES, schema.UNCATEGORISED),
    event_ids: Collection[str] | None = None,
    step_count: int | None = None,
) -> tuple[View, list[str]]:
    """Query string (with or without '?') or a parsed mapping -> (View, notices). Never raises."""
    params = _mapping(query)
    notices: list[str] = []

    def first(name: str) -> str:
        return _last(params, name)

    start = end = None
    for name in ("start", "end"):
        raw = first(name)
        if raw:
            parsed = _parse_date(raw)
            if parsed is None:
                notices.append(f"Ignored {name}={raw!r}: dates are written YYYY-MM-DD.")
            elif name == "start":
                start = parsed
            else:
                end = parsed
    if start and end and start > end:
        notices.append("The start date was after the end date; they have been swapped.")
        start, end = end, start

    context = _flag(first("context"), "context", True, notices)

    q = first("q")
    if len(q) > MAX_Q:
        notices.append(f"The search text was cut to {MAX_Q} characters.")
        q = q[:MAX_Q].strip()  # a cut can end on a space; the URL never keeps one at the end

    event = first("event") or None
    if event is not None and event_ids is not None and event not in event_ids:
        notices.append(f"There is no event with id {event!r} in this data.")
        event = None

    anchor = first("anchor") or None
    if anchor is not None and event_ids is not None and anchor not in event_ids:
        notices.append(f"There is no event with id {anchor!r} to count days from; showing calendar dates.")
        anchor = None

    step = _parse_step(first("step"), step_count, notices)
    zoom = parse_zoom(first("zoom"), notices)

    theme = first("theme").lower() or None
    if theme is not None and theme not in THEMES:
        notices.append(f"Ignored theme={theme!r}: use light or dark.")
        theme = None

    lanes = first("lanes").lower() or None
    if lanes is not None and lanes not in LANE_ORDERS:
        notices.append(f"Ignored lanes={lanes!r}: use {', '.join(LANE_ORDERS)}.")
        lanes = None
    lanes = None if lanes == "name" else lanes

    filters = Filters(
        companies=_choices(list(params.get("company", [])), companies, "company", notices),
        categories=_choices(list(params.get("category", [])), categories, "category", notices),
        start=start,
        end=end,
        q=q,
        context=context,
    )
    return View(filters=filters, event=event, anchor=anchor, step=step, theme=theme, zoom=zoom,
                lanes=lanes), notices


ZOOM_SEP = ".."
_ZOOM_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H", "%Y-%m-%dT%H:%M")


_DEEP_MOMENT = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?)?$", re.ASCII)


def _moment(text: str) -> datetime | None:
    """A zoom end; a year before AD 1 (`-0500-01-01`, 500 BCE) becomes a Timestamp (a datetime that holds
    it)."""
    for fmt in _ZOOM_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    m = _DEEP_MOMENT.match(text)
    if not m:
        return None
    try:
        return pd.Timestamp(np.datetime64(f"{m[1]}-{m[2]}-{m[3]}T{m[4] or '00'}:{m[5] or '00'}", "s"))
    except ValueError:
        return None


def parse_zoom(raw: str, notices: list[str] | None = None) -> tuple[datetime, datetime] | None:
    """`2020-05-01..2020-07-31` (dates, or `YYYY-MM-DDTHH[:MM]` for a short window) -> (first, last)
    moment on screen; None (with a notice) when malformed. The last date is inclusive: a day-only end means
    the end of that day."""
    if not raw:
        return None
    first, sep, last = raw.partition(ZOOM_SEP)
    lo, hi = _moment(first.strip()), _moment(last.strip())
    if not sep or lo is None or hi is None:
        if notices is not None:
            notices.append(f"Ignored zoom={raw!r}: write zoom=YYYY-MM-DD..YYYY-MM-DD.")
        return None
    if isinstance(lo, pd.Timestamp) or isinstance(hi, pd.Timestamp):  # BCE: compare as Timestamps
        lo, hi = pd.Timestamp(lo).as_unit("s"), pd.Timestamp(hi).as_unit("s")
    if len(last.strip()) in (10, 11):  # a whole day: up to its end
        hi += timedelta(days=1)
    if lo >= hi:
        if notices is not None:
            notices.append(f"Ignored zoom={raw!r}: the window must end after it starts.")
        return None
    return lo, hi


def format_zoom(zoom: tuple[datetime, datetime]) -> str:
    """(first, last) -> the `zoom` value: whole days when that moves neither end by more than 0.1% of the
    window (or not at all), else hours, else minutes, so a shared link opens where the reader was. Any year
    (`-0500-01-01` is in 500 BCE)."""
    lo, hi = (pd.Timestamp(z).as_unit("s") for z in zoom)
    tolerance = (hi - lo) * 0.001
    epoch = pd.Timestamp(0).as_unit("s")
    for step, cut in ((timedelta(days=1), 10), (timedelta(hours=1), 13), (timedelta(minutes=1), 16)):
        a = epoch + round((lo - epoch) / step) * step
        b = epoch + round((hi - epoch) / step) * step
        if b > a and abs(a - lo) <= tolerance and abs(b - hi) <= tolerance or step == timedelta(minutes=1):
            b = max(b, a + step)
            if cut == 10:
                b -= step  # the last day is inclusive
            return f"{_zoom_text(a, cut)}{ZOOM_SEP}{_zoom_text(b, cut)}"
    raise AssertionError("unreachable")


def _zoom_text(ts: pd.Timestamp, cut: int) -> str:
    text = f"{year_text(ts.year)}-{ts.month:02d}-{ts.day:02d}"
    return text if cut == 10 else text + f"T{ts.hour:02d}" + ("" if cut == 13 else f":{ts.minute:02d}")


def _parse_step(raw: str, step_count: int | None, notices: list[str]) -> int | None:
    """`step=N` -> N (from 1); a malformed or out-of-range step is ignored with a notice."""
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        notices.append(f"Ignored step={raw!r}: tour steps are numbered from 1.")
        return None
    if step_count is not None and int(raw) > step_count:
        notices.append(f"There is no step {int(raw)}: the tour has {step_count} steps." if step_count
                       else "There is no guided tour for this data.")
        return None
    return int(raw)


def to_params(view: View) -> list[tuple[str, str]]:
    """View -> ordered (name, value) pairs, non-default values only."""
    f = view.filters
    pairs: list[tuple[str, str]] = []
    if f.companies is not None:
        pairs += [("company", c) for c in f.companies] or [("company", "")]
    if f.categories is not None:
        pairs += [("category", c) for c in f.categories] or [("category", "")]
    if f.start:
        pairs.append(("start", f.start.isoformat()))
    if f.end:
        pairs.append(("end", f.end.isoformat()))
    if f.q:
        pairs.append(("q", f.q))
    if not f.context:
        pairs.append(("context", "0"))
    if view.lanes:
        pairs.append(("lanes", view.lanes))
    if view.zoom is not None:
        pairs.append(("zoom", format_zoom(view.zoom)))
    if view.theme:
        pairs.append(("theme", view.theme))
    if view.event:
        pairs.append(("event", view.event))
    if view.anchor:
        pairs.append(("anchor", view.anchor))
    if view.step is not None:
        pairs.append(("step", str(view.step)))
    return pairs


def serialize(view: View) -> str:
    """View -> '?a=b&...' or '' for the default view."""
    pairs = to_params(view)
    return "?" + urlencode(pairs, safe=":") if pairs else ""


def with_event(view: View, event: str | None) -> View:
    return replace(view, event=event)


def parse_embed(query: Query) -> tuple[EmbedOptions, list[str]]:
    """The drawing options of an `/embed` URL -> (EmbedOptions, notices). Never raises."""
    params = _mapping(query)
    notices: list[str] = []
    height = None
    raw = _last(params, "height").removesuffix("px")
    if raw:
        try:
            height = int(raw)
        except ValueError:
            notices.append(f"Ignored height={raw!r}: give a number of pixels.")
        else:
            if not MIN_HEIGHT <= height <= MAX_HEIGHT:
                notices.append(f"height={height} is outside {MIN_HEIGHT}-{MAX_HEIGHT}; it was clamped.")
                height = min(max(height, MIN_HEIGHT), MAX_HEIGHT)
    theme = _last(params, "theme").lower() or "light"
    if theme not in THEMES:
        notices.append(f"Ignored theme={theme!r}: use light or dark.")
        theme = "light"
    maxheight = None
    raw = _last(params, "maxheight").removesuffix("px")
    if raw:
        if raw.isdigit():
            maxheight = min(max(int(raw), MIN_FIT), MAX_HEIGHT)
        else:
            notices.append(f"Ignored maxheight={raw!r}: give a number of pixels.")
    return EmbedOptions(
        height=height,
        theme=theme,
        legend=_flag(_last(params, "legend"), "legend", True, notices),
        title=_flag(_last(params, "title"), "title", True, notices),
        maxheight=maxheight,
    ), notices


def embed_params(options: EmbedOptions) -> list[tuple[str, str]]:
    """EmbedOptions -> (name, value) pairs, non-default values only."""
    pairs: list[tuple[str, str]] = []
    if options.height is not None:
        pairs.append(("height", str(options.height)))
    if options.theme != "light":
        pairs.append(("theme", options.theme))
    if not options.legend:
        pairs.append(("legend", "0"))
    if not options.title:
        pairs.append(("title", "0"))
    if options.maxheight is not None:
        pairs.append(("maxheight", str(options.maxheight)))
    return pairs


def serialize_embed(view: View, options: EmbedOptions) -> str:
    """View and drawing options -> the query string of an `/embed` URL ('' for the defaults)."""
    pairs = to_params(replace(view, theme=None)) + embed_params(options)  # the embed's own `theme` decides
    return "?" + urlencode(pairs, safe=":") if pairs else ""


def data_query(view: View) -> str:
    """The query of the view's rows alone (no selection, tour step, theme or zoom; the days anchor stays,
    as it changes the axis): for the data links and the chart's identity across zooms."""
    return serialize(replace(view, event=None, step=None, theme=None, zoom=None))
