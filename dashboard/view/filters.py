"""The view's filters as a frozen value, and `apply(events, filters)`: no Dash."""

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
    """The events that match `filters`, in the input's order: the rows `EventIndex.mask` keeps (the one
    filter implementation; a Dataset keeps its index, so prefer `dataset.idx.mask` on a hot path)."""
    from dashboard.view.eventindex import EventIndex  # (eventindex imports Filters from here)

    return events[EventIndex.build(events).mask(filters)]


def categories_in(events: pd.DataFrame) -> list[str]:
    """The category filter's choices: the schema's categories, and `uncategorised` when an event has none."""
    return [*schema.CATEGORIES, *([schema.UNCATEGORISED] if (events["category"] == "").any() else [])]


def companies_in(events: pd.DataFrame) -> list[str]:
    """Companies that occur in the data, in alphabetical order."""
    return sorted({c for cs in events["company_list"] for c in cs}, key=str.casefold)
