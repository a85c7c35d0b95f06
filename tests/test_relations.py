"""Links between events: parsing a `related` cell, checking targets, reading links both ways."""

from __future__ import annotations

import pytest

from dashboard.data.load import load_events
from dashboard.data.relations import Link, links, links_touching, neighbours, parse_cell, target_problems

from .conftest import DATA


@pytest.fixture
def events():
    return load_events(DATA / "related.csv")


def test_a_cell_is_a_list_of_relation_and_id():
    entries, problems = parse_cell(" extends:amazon-pause ; cites:study-month;")
    assert entries == (("extends", "amazon-pause"), ("cites", "study-month"))
    assert problems == []


def test_an_empty_cell_has_no_links():
    assert parse_cell("") == ((), [])


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("inspired-by:x", "unknown relation 'inspired-by' in 'inspired-by:x'"),
        ("extends", "related entry 'extends' is not relation:event-id"),
        ("extends:", "related entry 'extends:' is not relation:event-id"),
        (":x", "related entry ':x' is not relation:event-id"),
        ("extends:Not An Id", "'Not An Id' in 'extends:Not An Id' is not an event id"),
        ("cites:a;cites:a", "related entry 'cites:a' is listed twice"),
    ],
)
def test_malformed_entries_are_explained(cell, problem):
    _, problems = parse_cell(cell)
    assert [p for p, _ in problems] == [problem]
    assert all(hint for _, hint in problems)


def test_unknown_relation_hint_lists_the_relations():
    _, [(_, hint)] = parse_cell("inspired-by:x")
    assert hint == "use one of: responds-to, extends, reverses, follows-up, cites"


def test_targets_must_exist_and_differ_from_the_source():
    problems = target_problems("a", [("cites", "b"), ("extends", "a"), ("cites", "zzz")], {"a": 2, "b": 3})
    assert [p for p, _ in problems] == [
        "event 'a' cannot be related to itself",
        "related event 'zzz' does not exist in this file",
    ]


def test_links_in_file_order(events):
    assert links(events)[:2] == [
        Link("protest-wave", "responds-to", "floyd-killed"),
        Link("ibm-exit", "cites", "study-month"),
    ]


def test_neighbours_read_both_directions_with_inverse_labels(events):
    pause = neighbours(events, "amazon-pause")
    assert [(n.other, n.label, n.outgoing) for n in pause] == [("amazon-extends", "extended by", False)]
    extension = neighbours(events, "amazon-extends")
    assert [(n.other, n.label, n.outgoing) for n in extension] == [("amazon-pause", "extends", True)]
    ban = neighbours(events, "city-ban")
    assert [(n.other, n.label) for n in ban] == [
        ("city-unban", "reversed by"),
        ("city-unban", "followed up by"),
    ]


def test_an_event_without_links_has_no_neighbours(events):
    assert neighbours(events, "ms-no-police") == []
    assert neighbours(events, None) == []


def test_links_touching_an_event(events):
    assert links_touching(events, "study-month") == [Link("ibm-exit", "cites", "study-month")]
    assert links_touching(events, None) == []


def test_a_table_without_the_column_has_no_links(valid_csv):
    assert links(load_events(valid_csv)) == []
