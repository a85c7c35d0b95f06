"""Plain-text descriptions of a view: the count line, the chart's text summary, what the live region says.

Pure functions over the filtered events (no Dash): screen-reader users hear these, everyone reads the first
two.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data import schema
from dashboard.data.dates import month_label
from dashboard.view.shown import Shown


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def date_span(shown: Shown) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day of a view (with at least one event): the date filter where set, else the
    events' own extent (read from the index: the earliest start and latest stop in view)."""
    filters, events, index = shown.view.filters, shown.dataset.events, shown.dataset.idx
    where = np.flatnonzero(shown.mask)
    first = (pd.Timestamp(filters.start) if filters.start
             else events["start"].iloc[where[index.start[where].argmin()]])
    last = (pd.Timestamp(filters.end) if filters.end
            else events["stop"].iloc[where[index.stop[where].argmax()]])
    return first, last


def span_text(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'May 2020 to July 2020', or 'June 2020' when both ends fall in one month."""
    if (first.year, first.month) == (last.year, last.month):
        return month_label(first)
    return f"{month_label(first)} to {month_label(last)}"


def count_text(shown: Shown) -> str:
    """The count line of a view, '42 of 127 events, May 2020 to July 2020': the page's (the render
    callback's, and the pre-drawn page's before it), the live region's and the exports' description."""
    text = f"{shown.count} of {shown.total} events"
    if shown.count:
        text += ", " + span_text(*date_span(shown))
    return text


def view_summary(shown: Shown) -> str:
    """The chart's text summary: '42 events from May 2020 to July 2020; 3 companies: Amazon, IBM,
    Microsoft; ...'. Counted from the dataset's index (view/eventindex.py) over the view's mask: no table of
    the rows in view is built (for 100,000 events that took longer than the counting)."""
    count = shown.count
    if not count:
        return "No events match these filters."
    filters, index, mask = shown.view.filters, shown.dataset.idx, shown.mask
    span = span_text(*date_span(shown))
    parts = [f"{_plural(count, 'event')} {'in' if ' to ' not in span else 'from'} {span}"]
    present = index.member[mask].any(axis=0)  # index.companies is in A-Z order (casefolded)
    companies = [c for c, here in zip(index.companies, present.tolist(), strict=True)
                 if here and (filters.companies is None or c in filters.companies)]
    if companies:
        word = "company" if len(companies) == 1 else "companies"
        parts.append(f"{len(companies)} {word}: {', '.join(companies)}")
    context = int((mask & ~index.has_company).sum())
    if context:
        parts.append(f"{_plural(context, 'context event')} (no company)")
    per_code = np.bincount(index.category_of[mask], minlength=len(index.category_names))
    counts = {str(name): int(n) for name, n in zip(index.category_names, per_code.tolist(), strict=True) if n}
    order = [c for c in schema.CATEGORIES if c in counts] + sorted(set(counts) - set(schema.CATEGORIES))
    parts.append("by category: " + ", ".join(f"{counts[c]} {c}" for c in order))
    return "; ".join(parts) + "."


KEY_ORDER_LIMIT = 2_500  # the arrow keys walk up to this many events (their ids travel with the page)


def keys_note(count: int) -> str:
    """What the arrow keys can do in a view of `count` events ('' when they walk every event)."""
    if count <= KEY_ORDER_LIMIT:
        return ""
    return (f" The arrow keys walk the events when at most {KEY_ORDER_LIMIT:,} are in view: narrow the"
            " filters, or use the events table.")


def in_date_order(shown: pd.DataFrame) -> list[str]:
    """Event ids in date order (start, then end, then id): the order the arrow keys walk."""
    ordered = shown.sort_values(["start", "stop", "id"], kind="stable")
    return [str(i) for i in ordered["id"]]


def selection_text(shown: pd.DataFrame, event: str) -> str:
    """'Event 3 of 42: IBM exits ..., 8 June 2020.' (the position in date order), or '' when not in view."""
    order = in_date_order(shown)
    if event not in order:
        return ""
    row = shown[shown["id"] == event].iloc[0]
    return f"Event {order.index(event) + 1} of {len(order)}: {row['title']}, {row['when']}."
