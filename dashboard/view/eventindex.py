"""Per-event arrays computed once at load, so a view of 100,000 events is filtered and placed with numpy.

`EventIndex.mask(filters)` is the one filter implementation (`filters.apply` uses it), and
`placements(mask, companies)` lists every (event, lane) pair a view draws, without a Python loop per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data import schema, timescale
from dashboard.view.filters import Filters

CONTEXT_OTHER = schema.UNGROUPED_LANE  # no company and no (known) category


def point_x(events: pd.DataFrame) -> pd.Series:
    """Where each event's point sits: its day, or the middle of its month or year (never a made-up day)."""
    start = events["start"]
    month = (events["precision"] == "month") & (events["end_date"] == "")
    year = (events["precision"] == "year") & (events["end_date"] == "")
    days = pd.Series(0, index=events.index, dtype="int64")
    if month.any():
        days[month] = start[month].dt.days_in_month - 1
    if year.any():
        days[year] = np.where(start[year].dt.is_leap_year, 365, 364)
    return start + pd.to_timedelta(days, unit="D") / 2


def _ns(moments: pd.Series) -> np.ndarray:
    """Timestamps (any unit) -> float64 ns since 1970: exact for the seconds of these centuries, and any
    year fits (an int64 of ns holds only 1677-2262)."""
    return moments.to_numpy(dtype="datetime64[ms]").astype("int64").astype("float64") * 1e6


def context_lane(category: str) -> str:
    return schema.CONTEXT_LANES.get(category, CONTEXT_OTHER)


CATEGORY_CODES = {c: i for i, c in enumerate(schema.CATEGORIES)}
CONTEXT_NAMES = (*schema.CONTEXT_LANES.values(), CONTEXT_OTHER)  # context lane of category code k is [k]


@dataclass(frozen=True, eq=False)
class EventIndex:
    """Arrays aligned with the rows of the events table (positions, not labels)."""

    companies: tuple[str, ...]  # company lane names, in lane order
    start: np.ndarray  # float64 ns since 1970 (data/timescale.py: any year, BCE too)
    stop: np.ndarray  # float64 ns
    x: np.ndarray  # float64 ns: where the point sits
    has_end: np.ndarray  # bool: a span
    category_of: np.ndarray  # int: each event's position in `category_names` (a filter compares ints)
    category_names: pd.Index  # every category the data has, schema's or its own (UNCATEGORISED for none)
    cat_code: np.ndarray  # int8: position in schema.CATEGORIES (-1: another category)
    has_company: np.ndarray  # bool
    member: np.ndarray  # bool (events x companies)
    haystack: np.ndarray  # object: casefolded "title\ndescription\nactor"
    pl_event: np.ndarray  # int64: event position of each (event, lane) pair over every lane
    pl_company: np.ndarray  # int32: company code, or -1 for the event's context lane
    pl_lane: np.ndarray  # int32: lane key, a company code or len(companies) + k for CONTEXT_NAMES[k]
    ids: pd.Index  # event ids -> positions

    @classmethod
    def build(cls, events: pd.DataFrame) -> EventIndex:
        companies = tuple(sorted({c for cs in events["company_list"] for c in cs}, key=str.casefold))
        code = {c: i for i, c in enumerate(companies)}
        lists = events["company_list"].tolist()
        counts = np.fromiter((len(cs) for cs in lists), dtype=np.int64, count=len(lists))
        flat = np.fromiter((code[c] for cs in lists for c in cs), dtype=np.int32, count=int(counts.sum()))
        member = np.zeros((len(events), len(companies)), dtype=bool)
        owner = np.repeat(np.arange(len(events)), counts)
        member[owner, flat] = True
        has_company = counts > 0
        # Placements: every company of an event, in its listed order, or its context lane.
        pl_event = np.repeat(np.arange(len(events)), np.maximum(counts, 1))
        pl_company = np.full(len(pl_event), -1, dtype=np.int32)
        pl_company[np.repeat(has_company, np.maximum(counts, 1))] = flat
        cat_code = events["category"].map(CATEGORY_CODES).fillna(-1).to_numpy(dtype=np.int8)
        context_key = np.array(
            [
                list(schema.CONTEXT_LANES).index(c) if c in schema.CONTEXT_LANES else len(CONTEXT_NAMES) - 1
                for c in schema.CATEGORIES
            ]
            + [len(CONTEXT_NAMES) - 1]
        )
        pl_lane = pl_company.copy()
        context = pl_company < 0
        pl_lane[context] = len(companies) + context_key[cat_code[pl_event[context]]]
        category_of, category_names = pd.factorize(
            events["category"].replace("", schema.UNCATEGORISED).to_numpy(dtype=object))
        haystack = (events["title"] + "\n" + events["description"] + "\n" + events["actor"]).str.casefold()
        return cls(
            companies=companies,
            start=_ns(events["start"]),
            stop=_ns(events["stop"]),
            x=_ns(point_x(events)),
            has_end=(events["end_date"] != "").to_numpy(),
            category_of=category_of,
            category_names=pd.Index(category_names),
            cat_code=cat_code,
            has_company=has_company,
            member=member,
            haystack=haystack.to_numpy(dtype=object),
            pl_event=pl_event,
            pl_company=pl_company,
            pl_lane=pl_lane,
            ids=pd.Index(events["id"].to_numpy(dtype=object)),
        )

    def positions(self, ids: Sequence[str]) -> np.ndarray:
        """Positions of the given event ids that exist."""
        found = self.ids.get_indexer(list(ids))
        return found[found >= 0]

    def __len__(self) -> int:
        return len(self.start)

    def mask(self, filters: Filters) -> np.ndarray:
        """Boolean array over events: the rows a view with `filters` shows (the one filter implementation).
        A category filter keeps the categories it names; an event with no category is `uncategorised`."""
        keep = np.ones(len(self), dtype=bool)
        if filters.companies is not None:
            wanted = [i for i, c in enumerate(self.companies) if c in set(filters.companies)]
            chosen = self.member[:, wanted].any(axis=1) if wanted else np.zeros(len(self), dtype=bool)
            keep &= chosen | (~self.has_company & filters.context)
        elif not filters.context:
            keep &= self.has_company
        if filters.categories is not None:  # a lookup per category code (np.isin sorts 100,000 codes)
            keep &= self.category_names.isin(list(filters.categories))[self.category_of]
        if filters.start is not None:
            keep &= self.stop >= timescale.ns_of(filters.start)
        if filters.end is not None:
            keep &= self.start <= timescale.ns_of(filters.end)
        needle = filters.q.strip().casefold()
        if needle:
            candidates = np.flatnonzero(keep)
            found = np.fromiter(
                (needle in h for h in self.haystack[candidates]), dtype=bool, count=len(candidates)
            )
            keep[candidates[~found]] = False
        return keep

    def placements(self, mask: np.ndarray, companies: Sequence[str] | None) -> np.ndarray:
        """Positions into `pl_event`/`pl_company` of the (event, lane) pairs a view draws."""
        keep = mask[self.pl_event]
        if companies is not None:
            wanted = np.array(
                [i for i, c in enumerate(self.companies) if c in set(companies)], dtype=np.int32
            )
            keep &= (self.pl_company == -1) | np.isin(self.pl_company, wanted)
        return np.flatnonzero(keep)

    def lane_key_names(self) -> tuple[str, ...]:
        """Lane key -> lane name."""
        return (*self.companies, *CONTEXT_NAMES)
