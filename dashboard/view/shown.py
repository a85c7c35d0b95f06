"""The one resolution: a URL's query + a dataset (+ its tour, + the reader's theme) -> `Shown`, what is shown.

Every surface reads a `Shown` and decides nothing again: the page's callbacks, `/api`, `/embed`, `/oembed`,
the share panel, citations, the live region, exports and the notebook API. Pure: no Dash, no Flask, no I/O.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property

import numpy as np
import pandas as pd

from dashboard.data import relations, timescale
from dashboard.view import detail, story, urlstate
from dashboard.view.dataset import Dataset
from dashboard.view.eventindex import EventIndex
from dashboard.view.relative import Anchor, anchor_of

THEMES = ("light", "dark")
DAYS_LIMIT_NOTICE = (f"Days since an event are counted for up to {detail.DETAIL_LIMIT:,} events in view: "
                     "narrow the filters to count days. The axis shows dates.")


def theme_of(value: object) -> str:
    """A theme name from anywhere (URL, the browser's store, an option): light or dark, else light."""
    return value if isinstance(value, str) and value in THEMES else "light"


@dataclass(frozen=True, eq=False)
class Shown:
    """What one URL shows of one dataset.

    `written` is the URL's view as written (a tour step stays `step=N`); `view` is the view shown (the
    step's view, with the URL's event and zoom). `window` is the visible range in ns (None: the opening
    range of the view); `selection` is the level-of-detail plan the figure follows.
    """

    dataset: Dataset
    written: urlstate.View
    view: urlstate.View
    step: story.Step | None
    tour: story.Story | None  # the tour that goes with the data (None for a tab's own file)
    theme: str
    notices: tuple[str, ...]
    mask: np.ndarray
    window: tuple[int, int] | None
    selection: detail.Selection
    anchor: Anchor | None

    @cached_property
    def rows(self) -> pd.DataFrame:
        """The events in the view, in the file's order (sorted by date)."""
        return self.dataset.events[self.mask]

    @property
    def in_view(self) -> Container[str]:
        """`id in shown.in_view`: whether the view shows that event (no set of every id in view)."""
        return _InView(self.dataset.idx, self.mask)

    @property
    def count(self) -> int:
        return int(self.mask.sum())

    @property
    def total(self) -> int:
        return len(self.dataset.events)

    @property
    def selected(self) -> pd.Series | None:
        """The selected event's row (it may lie outside the filters: a link can name any event)."""
        event = self.view.event
        return self.dataset.by_id.loc[event] if event else None

    @cached_property
    def company_order(self) -> tuple[str, ...]:
        """The company lanes' order, as the URL's `lanes` asks (A-Z by default), over the view's events:
        most events first, earliest event first, or as listed in `company=` (the rest A-Z after them)."""
        return company_order(self.dataset.idx, self.mask, self.view.lanes, self.view.filters.companies)

    @property
    def highlight(self) -> tuple[str, ...]:
        return self.step.highlight if self.step else ()

    @cached_property
    def links(self) -> tuple[relations.Link, ...]:
        return tuple(relations.links_touching(self.dataset.events, self.view.event))

    @cached_property
    def visible(self) -> tuple[int, int] | None:
        """The visible range (ns): the zoom, else the view's opening range; None for an empty view."""
        if self.window is not None:
            return self.window
        if not self.count:
            return None
        f = self.view.filters
        return detail.default_view(self.dataset.idx, self.mask, (f.start, f.end))

    @property
    def url_view(self) -> urlstate.View:
        """The view a link to this one writes: a tour step keeps `step=N` (with the event and zoom)."""
        return self.written

    @property
    def data_query(self) -> str:
        """The query of the rows alone: the data links' query and the chart's identity across zooms."""
        return urlstate.data_query(self.view)

    @property
    def revision(self) -> str:
        """The chart's uirevision: a new one makes Plotly take the figure's range (filters, axis or zoom
        changed from outside the chart); the same one keeps what the reader did on the chart."""
        zoom = urlstate.format_zoom(self.view.zoom) if self.view.zoom else ""
        own = ("own:" + self.dataset.name) if self.dataset.uploaded else ""
        return own + (self.data_query or "all") + zoom


class _InView(Container[str]):
    def __init__(self, index: EventIndex, mask: np.ndarray) -> None:
        self._ids, self._mask = index.ids, mask

    def __contains__(self, event: object) -> bool:
        if not isinstance(event, str):
            return False
        at = self._ids.get_indexer([event])[0]
        return bool(at >= 0 and self._mask[at])


def company_order(index: EventIndex, mask: np.ndarray, order: str | None,
                  listed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Every company of the data in lane order (`order`: urlstate.LANE_ORDERS; None is A-Z)."""
    names = index.companies  # A-Z already
    if order == "listed" and listed:
        known = set(names)
        chosen = [c for c in listed if c in known]
        rest = known.difference(chosen)
        return (*chosen, *(c for c in names if c in rest))
    if order not in ("events", "first") or not len(names):
        return names
    member = index.member[mask]
    if order == "events":
        key = -member.sum(axis=0)
    else:  # events are sorted by date: a company's first row in the view is its earliest event
        key = np.where(member.any(axis=0), member.argmax(axis=0), len(member))
    return tuple(names[i] for i in np.argsort(key, kind="stable"))  # ties stay A-Z


def pan_to_event(view: urlstate.View, dataset: Dataset,
                 visible: tuple[int, int] | None = None) -> urlstate.View:
    """The view with its zoom moved, keeping its width, so the selected event is on screen (a selection
    keeps the zoom; one outside it pans there). `visible` (ns) is what is on screen when the view has no
    zoom of its own."""
    if not view.event or view.event not in dataset.event_ids:
        return view
    if view.zoom is not None:
        lo, hi = view.zoom
    elif visible is not None:
        lo, hi = zoom_of(*visible)
    else:
        return view
    position = int(dataset.idx.positions([view.event])[0])
    x = _moment(float(dataset.idx.x[position]))
    if any(isinstance(v, pd.Timestamp) for v in (lo, hi, x)):  # BCE: compare as Timestamps
        lo, hi, x = (pd.Timestamp(v).as_unit("s") for v in (lo, hi, x))
    margin = (hi - lo) * 0.01  # an event on the very edge is hard to see
    if lo + margin <= x <= hi - margin:
        return view
    half = (hi - lo) / 2
    return replace(view, zoom=(x - half, x + half))


def _window(zoom: tuple[datetime, datetime] | None, notices: list[str]) -> tuple[int, int] | None:
    if zoom is None:
        return None
    try:
        return timescale.ns_of(zoom[0]), timescale.ns_of(zoom[1])  # type: ignore[return-value]
    except (OverflowError, ValueError):
        notices.append("Ignored the zoom: it is outside the range the chart can draw.")
        return None


def resolve(query: urlstate.Query, dataset: Dataset, tour: story.Story | None = None, *,
            theme: object = None) -> Shown:
    """Resolve a URL query against a dataset (and the tour that goes with it) into what is shown.

    `theme` is the reader's own choice (the page's system preference) when the URL names none. A tab's
    upload has no tour. Never raises: what cannot be used is dropped with a notice.

    Example:
        >>> shown = resolve("company=IBM&zoom=2020-05-01..2020-07-31", dataset)
        >>> shown.count, shown.view.zoom
    """
    steps = None if dataset.uploaded else tour
    written, notices = urlstate.parse(query, companies=dataset.companies, event_ids=dataset.event_ids,
                                      step_count=len(steps) if steps else 0)
    step = steps.get(written.step) if steps is not None else None
    if step is not None:
        view = replace(step.view, event=written.event or step.view.event, step=step.number,
                       zoom=written.zoom or step.view.zoom, theme=written.theme,
                       lanes=written.lanes or step.view.lanes)
    else:
        view = replace(written, step=None)
    opening = _opening(view, dataset)
    view = pan_to_event(view, dataset, opening)
    window = _window(view.zoom, notices) if view.zoom is not None else opening
    index = dataset.idx
    selection = detail.select(index, view.filters, window)
    anchor = None if dataset.deep else anchor_of(dataset.events, view.anchor)
    if anchor is not None and selection.plan.mode != "all" and not dataset.grouped:
        anchor = None
        notices.append(DAYS_LIMIT_NOTICE)
    if view.anchor and dataset.deep:
        notices.append("Days since an event are counted for dates from 1677 to 2262: the axis shows years.")
    # a days axis, `group` lanes and deep time (bins are calendar units of pandas' ns range) are drawn whole
    if anchor is not None or dataset.grouped or dataset.deep:
        selection = replace(selection, plan=detail.Plan("all"))
    return Shown(
        dataset=dataset,
        written=written,
        view=view,
        step=step,
        tour=steps,
        theme=theme_of(view.theme or theme),
        notices=tuple(notices),
        mask=selection.mask,
        window=window,
        selection=selection,
        anchor=anchor,
    )


def _opening(view: urlstate.View, dataset: Dataset) -> tuple[int, int] | None:
    """The dataset's opening window (its settings' `opening`, in ns) for a view that says nothing about
    time: no zoom, no date filter, no days axis, no tour step. Links and the URL keep no trace of it."""
    opening = dataset.settings.opening
    f = view.filters
    if opening is None or view.zoom is not None or f.start or f.end or view.anchor or view.step:
        return None
    lo = pd.Timestamp(opening[0])
    return lo.value, (pd.Timestamp(opening[1]) + pd.Timedelta(days=1)).value



def _moment(ns: float) -> datetime:
    """ns since 1970 -> a datetime; a Timestamp (in seconds) for a year a datetime cannot hold (BCE)."""
    if timescale.NS_MIN <= ns <= timescale.NS_MAX:
        epoch = datetime(1970, 1, 1)
        return epoch + timedelta(microseconds=int(ns) // 1000)
    return timescale.stamp(ns)


def zoom_of(lo_ns: float, hi_ns: float) -> tuple[datetime, datetime]:
    """A visible range in ns -> the View's zoom value."""
    return _moment(lo_ns), _moment(hi_ns)
