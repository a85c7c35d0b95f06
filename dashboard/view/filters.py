"""The view's filters as a frozen value, and `apply(events, filters)`: pure pandas, no Dash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data import schema


@dataclass(frozen=True)
class Filters:
    """What subset of events a view shows.

    `companies=None` means every company; an empty tuple means none (only context lanes, if `context`).
    `categories=None` means every category. `start`/`end` bound the dates (inclusive); `q` searches title,
    description and actor, case-insensitively. `context` keeps events that concern no company in view
    while companies are filtered.
    """

    companies: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    start: date | None = None
    end: date | None = None
    q: str = ""
    context: bool = True

    def is_default(self) -> bool:
        return self == Filters()


def apply(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events that match `filters`, in the input's order."""
    keep = pd.Series(True, index=events.index)
    has_company = events["company_list"].map(bool)
    if filters.companies is not None:
        wanted = set(filters.companies)
        keep &= events["company_list"].map(lambda cs: not wanted.isdisjoint(cs)) | (
            ~has_company & filters.context
        )
    elif not filters.context:
        keep &= has_company
    if filters.categories is not None:
        # An event with no category is filtered as "uncategorised".
        keep &= events["category"].replace("", schema.UNCATEGORISED).isin(filters.categories)
    if filters.start is not None:
        keep &= events["stop"] >= pd.Timestamp(filters.start)
    if filters.end is not None:
        keep &= events["start"] <= pd.Timestamp(filters.end)
    if filters.q.strip():
        needle = filters.q.strip().casefold()
        haystack = (events["title"] + "\n" + events["description"] + "\n" + events["actor"]).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    return events[keep]


def categories_in(events: pd.DataFrame) -> list[str]:
    """The category filter's choices: the schema's categories, and `uncategorised` when an event has none."""
    return [*schema.CATEGORIES, *([schema.UNCATEGORISED] if (events["category"] == "").any() else [])]


def companies_in(events: pd.DataFrame) -> list[str]:
    """Companies that occur in the data, in alphabetical order."""
    return sorted({c for cs in events["company_list"] for c in cs}, key=str.casefold)
