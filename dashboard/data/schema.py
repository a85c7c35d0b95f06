"""The one definition of the events schema: columns, allowed values and what they mean.

The loader validates with it, the docs table is tested against it, fixtures use its names. No I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str


COLUMNS: tuple[Column, ...] = (
    Column("id", False, "unique, stable slug `[a-z0-9-]+`, e.g. `ibm-exits-facial-recognition` (permalinks "
           "use it); when the column or a cell is empty, made from the date and title, e.g. "
           "`2020-06-08-ibm-exits`"),
    Column("date", True, "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the precision the sources support; years "
           "before 1000 with four digits (`0476-09`), years BCE negative as in TimelineJS (`-0500` or "
           "`500 BCE`; there is no year 0)"),
    Column("end_date", False,
           "same formats, not before `date`: for spans (a moratorium in force, a protest wave); or `ongoing` "
           "for a span with no end yet (in force as of the data's as-of date: drawn to that date, fading, "
           "and said in words)"),
    Column("title", True, "plain text, at most 120 characters"),
    Column("description", False, "one to three sentences, plain text; default empty"),
    Column("category", False, "one of the categories below; default `uncategorised` (drawn, and filtered, "
           "as such)"),
    Column("actor", False, "who acted: a company, city, agency, court, organisation or person; default "
           "empty"),
    Column("companies", False, "the companies the event concerns, `;`-separated: any names, each drawn as a "
           "lane; default none (the event is drawn in its category's lane)"),
    Column("location", False, "e.g. `Minneapolis, MN`, `United States`, `European Union`"),
    Column("sources", False, "one or more http(s) URLs, separated by whitespace; default none"),
    Column("related", False, "links to other events, `;`-separated `relation:event-id` (relations below), "
                             "e.g. `extends:amazon-rekognition-police-moratorium`"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: frozenset[str] = frozenset(c.name for c in COLUMNS if c.required)

# Optional columns for your own data (the bundled dataset does not use them).
EXTRA_COLUMNS: tuple[Column, ...] = (
    Column("group", False, "the lane to draw the event in, instead of its companies' or category's lane "
           "(TimelineJS's Group)"),
)
ALL_COLUMNS: tuple[Column, ...] = COLUMNS + EXTRA_COLUMNS
ALL_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in ALL_COLUMNS)

# What every checked row has: readers fill in a missing id (from the date and title, or a TimelineJS
# headline) before rows are checked.
TIMELINE_REQUIRED: frozenset[str] = REQUIRED | {"id"}
# The columns the bundled events.csv fills for every event (its curation policy; tests/test_events_csv.py).
CURATED_REQUIRED: frozenset[str] = frozenset({"id", "date", "title", "description", "category", "actor",
                                              "sources"})

# Category -> meaning. The order is the legend order.
CATEGORIES: dict[str, str] = {
    "decision": "a company's own decision or policy",
    "protest": "protests, demonstrations, open letters and pressure campaigns",
    "legislation": "laws, bans, bills, regulators' rules, lawmakers' hearings and pledges",
    "government": "police and government action other than lawmaking: deployments, pilots, dismissals, "
                  "curfews, use of force",
    "research": "studies, audits, tests",
    "legal": "lawsuits, settlements, fines",
    "incident": "wrongful arrests, misuse, revelations",
}

@dataclass(frozen=True)
class Relation:
    """A kind of link from one event to an earlier one: how it reads forwards and backwards."""

    name: str
    meaning: str
    label: str  # "A <label> B", e.g. "extends"
    inverse: str  # "B <inverse> A", e.g. "extended by"


# The relations the `related` column may use, in the order the details panel lists them.
RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in (
        Relation("responds-to", "a reply or reaction to the other event, as the sources describe it",
                 "responds to", "responded to by"),
        Relation("extends", "prolongs or widens the other event (a moratorium extended)",
                 "extends", "extended by"),
        Relation("reverses", "undoes the other event, in whole or in part (a ban lifted)",
                 "reverses", "reversed by"),
        Relation("follows-up", "a later step in the same matter (a lawsuit after an arrest, a settlement "
                 "after a lawsuit, a re-test after a study)", "follows up", "followed up by"),
        Relation("cites", "relies on or refers to the other event (a suit under a law, a letter citing "
                 "findings)", "cites", "cited by"),
    )
}
RELATION_SEP = ":"

# Lanes for events that concern no company, by category.
CONTEXT_LANES: dict[str, str] = {
    "protest": "Protests",
    "legislation": "Legislation & policy",
    "government": "Police & government",
    "research": "Research",
    "legal": "Legal",
    "incident": "Incidents",
    "decision": "Other decisions",
}
UNGROUPED_LANE = "Events"  # the lane of an event with no group, no company and no category
OTHER_COMPANIES = "Other companies"  # one lane for the companies past the first few, when there are many
UNCATEGORISED = "uncategorised"  # how an event with no category is filtered and described ("" in the table)

MAX_TITLE = 120
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# ASCII digits only: `\d` alone also matches other scripts' digits, e.g. '２０２０'.
DATE_RE = re.compile(r"^(?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$", re.ASCII)
LIST_SEP = ";"
ONGOING = "ongoing"  # an end_date that says a span has no end yet (see validate.Report.as_of)


def lanes(group: str, companies: Sequence[str], category: str) -> list[str]:
    """The lanes an event is drawn in: its group; else each of its companies; else its category's lane."""
    if group:
        return [group]
    if companies:
        return list(companies)
    return [CONTEXT_LANES.get(category, UNGROUPED_LANE)]
