"""Links between events (the `related` column): parse and check a cell, and look up an event's links.

A cell holds `;`-separated `relation:event-id` entries, written on the later event and pointing back to the
earlier one (`extends:amazon-rekognition-police-moratorium`). Links are read in both directions: the earlier
event lists the later one with the relation's inverse label ("extended by"). Pure; no I/O, no Dash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.data import schema


@dataclass(frozen=True)
class Link:
    """`source` <relation> `target`, as written in the source event's `related` cell."""

    source: str
    relation: str
    target: str


@dataclass(frozen=True)
class Neighbour:
    """A link seen from one event: the other event and how it reads from here ("extended by")."""

    other: str
    relation: str
    label: str
    outgoing: bool


def parse_cell(value: str) -> tuple[tuple[tuple[str, str], ...], list[tuple[str, str]]]:
    """'extends:a; cites:b' -> ((relation, id), ...) and a list of (problem, hint) for bad entries.

    Ids are checked for their form here; whether they exist is checked once the whole file is read.
    """
    entries: list[tuple[str, str]] = []
    problems: list[tuple[str, str]] = []
    allowed = ", ".join(schema.RELATIONS)
    for raw in value.split(schema.LIST_SEP):
        entry = raw.strip()
        if not entry:
            continue
        relation, sep, target = (part.strip() for part in entry.partition(schema.RELATION_SEP))
        if not sep or not relation or not target:
            problems.append(
                (
                    f"related entry '{entry}' is not relation:event-id",
                    f"write e.g. extends:some-event-id; relations: {allowed}",
                )
            )
            continue
        if relation not in schema.RELATIONS:
            problems.append((f"unknown relation '{relation}' in '{entry}'", f"use one of: {allowed}"))
            continue
        if not schema.ID_RE.match(target):
            problems.append(
                (
                    f"'{target}' in '{entry}' is not an event id",
                    "use the id (a slug) of another event in this file",
                )
            )
            continue
        if (relation, target) in entries:
            problems.append((f"related entry '{entry}' is listed twice", "list each link once"))
            continue
        entries.append((relation, target))
    return tuple(entries), problems


def target_problems(
    source: str, entries: Iterable[tuple[str, str]], ids: Mapping[str, int]
) -> list[tuple[str, str]]:
    """Problems with the targets of one event's links, given every id in the file (id -> line)."""
    problems = []
    for relation, target in entries:
        if target == source:
            problems.append(
                (f"event '{source}' cannot be related to itself", f"remove '{relation}:{target}'")
            )
        elif target not in ids:
            problems.append(
                (
                    f"related event '{target}' does not exist in this file",
                    "check the id (ids are case-sensitive), or add that event first",
                )
            )
    return problems


def links(events: pd.DataFrame) -> list[Link]:
    """Every link in the table, in file order."""
    if "relation_list" not in events.columns:
        return []
    return [
        Link(source, relation, target)
        for source, entries in zip(events["id"], events["relation_list"], strict=True)
        for relation, target in entries
    ]


def neighbours(events: pd.DataFrame, event_id: str | None) -> list[Neighbour]:
    """The events linked to `event_id`, both directions, grouped by relation in the schema's order."""
    if not event_id:
        return []
    found: list[Neighbour] = []
    for link in links(events):
        rel = schema.RELATIONS[link.relation]
        if link.source == event_id:
            found.append(Neighbour(link.target, link.relation, rel.label, True))
        elif link.target == event_id:
            found.append(Neighbour(link.source, link.relation, rel.inverse, False))
    order = list(schema.RELATIONS)
    return sorted(found, key=lambda n: (not n.outgoing, order.index(n.relation)))


def links_touching(events: pd.DataFrame, event_id: str | None) -> list[Link]:
    """The links of which `event_id` is either end (what the chart draws when it is selected)."""
    if not event_id:
        return []
    return [link for link in links(events) if event_id in (link.source, link.target)]


def keep_within(events: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The events with their links to events outside them left out (a view written as its own file), and
    how many were left out."""
    ids = set(events["id"])
    kept = [tuple(e for e in entries if e[1] in ids) for entries in events["relation_list"]]
    dropped = sum(len(a) - len(b) for a, b in zip(events["relation_list"], kept, strict=True))
    if not dropped:
        return events, 0
    out = events.copy()
    out["relation_list"] = kept
    out["related"] = [schema.LIST_SEP.join(f"{r}{schema.RELATION_SEP}{t}" for r, t in entries)
                      for entries in kept]
    return out, dropped
