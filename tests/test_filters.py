"""Filters: companies with and without context lanes, categories, date overlap, text search."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.data.load import load_events
from dashboard.view.filters import Filters, apply, companies_in


@pytest.fixture
def events(valid_csv):
    return load_events(valid_csv)


def ids(df) -> list[str]:
    return sorted(df["id"])


def test_default_filters_keep_everything(events):
    assert len(apply(events, Filters())) == len(events)


def test_company_filter_keeps_context_lanes_by_default(events):
    shown = apply(events, Filters(companies=("IBM",)))
    assert ids(shown) == ["city-ban", "floyd-killed", "ibm-exit", "protest-wave", "study-month"]


def test_company_filter_without_context_shows_only_that_company(events):
    assert ids(apply(events, Filters(companies=("IBM",), context=False))) == ["ibm-exit", "study-month"]


def test_no_company_and_no_context_shows_nothing(events):
    assert apply(events, Filters(companies=(), context=False)).empty
    assert ids(apply(events, Filters(companies=()))) == ["city-ban", "floyd-killed", "protest-wave"]


def test_context_off_without_company_filter_hides_context_rows(events):
    assert ids(apply(events, Filters(context=False))) == [
        "amazon-pause", "ibm-exit", "ms-no-police", "study-month"]


def test_categories(events):
    assert ids(apply(events, Filters(categories=("protest", "legislation")))) == ["city-ban", "protest-wave"]


def test_date_range_keeps_overlapping_spans_and_periods(events):
    shown = apply(events, Filters(start=date(2020, 7, 1), end=date(2020, 12, 31)))
    assert ids(shown) == ["amazon-pause"]  # the only event in force in the second half of 2020
    # a year-precision event overlaps any day of its year
    assert ids(apply(events, Filters(start=date(2019, 12, 31), end=date(2019, 12, 31)))) == ["city-ban"]


def test_text_search_is_case_insensitive_over_title_description_actor(events):
    assert ids(apply(events, Filters(q="one-YEAR"))) == ["amazon-pause"]
    assert ids(apply(events, Filters(q="minneapolis police"))) == ["floyd-killed"]
    assert ids(apply(events, Filters(q="[unclosed"))) == []  # not a regex


def test_companies_in(events):
    assert companies_in(events) == ["Amazon", "IBM", "Microsoft"]


def test_events_without_a_category_are_filtered_as_uncategorised(valid_csv):
    from dashboard.data.load import load_events as load
    from dashboard.view.eventindex import EventIndex
    from dashboard.view.filters import categories_in

    events = load(valid_csv.parent / "timelinejs.csv")
    assert categories_in(events)[-1] == "uncategorised"
    assert len(apply(events, Filters(categories=("decision",)))) == 0
    assert len(apply(events, Filters(categories=("decision", "uncategorised")))) == len(events)
    index = EventIndex.build(events)
    for categories in (("decision",), ("uncategorised",)):
        f = Filters(categories=categories)
        assert list(events[index.mask(f)]["id"]) == list(apply(events, f)["id"])
