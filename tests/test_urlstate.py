"""URL state: tolerant parsing with notices, non-default-only serialization, round trips."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.filters import Filters
from dashboard.urlstate import View, parse, serialize


def test_default_view_serializes_to_nothing():
    assert serialize(View()) == ""
    assert parse("") == (View(), [])
    assert parse(None) == (View(), [])


@pytest.mark.parametrize(
    "view",
    [
        View(Filters(companies=("IBM", "Amazon"))),
        View(Filters(companies=()), event="ibm-exit"),
        View(Filters(categories=("decision",), start=date(2020, 5, 1), end=date(2020, 7, 31))),
        View(Filters(q="police & bias?", context=False)),
        View(Filters(categories=())),
    ],
)
def test_round_trip(view):
    query = serialize(view)
    assert query.startswith("?")
    assert parse(query) == (view, [])


def test_full_example():
    view, notices = parse("?company=IBM&company=Amazon&start=2020-05-01&end=2020-07-31&category=decision"
                          "&q=police&context=0&event=x")
    assert notices == []
    assert view == View(Filters(companies=("IBM", "Amazon"), categories=("decision",), start=date(2020, 5, 1),
                                end=date(2020, 7, 31), q="police", context=False), event="x")


def test_unknown_values_are_ignored_with_a_notice():
    view, notices = parse("company=Initech&company=IBM&category=opinion&start=2020-13-01&end=soon&context=maybe")
    assert view.filters == Filters(companies=("IBM",))
    assert notices == [
        "Ignored start='2020-13-01': dates are written YYYY-MM-DD.",
        "Ignored end='soon': dates are written YYYY-MM-DD.",
        "Ignored context='maybe': use 0 or 1.",
        "Ignored unknown company 'Initech'.",
        "Ignored unknown category 'opinion'.",
    ]


def test_only_unknown_companies_means_no_company_filter():
    view, notices = parse("company=Initech")
    assert view.filters.companies is None
    assert notices


def test_unknown_parameters_are_tolerated_silently():
    assert parse("utm_source=x&theme=dark") == (View(), [])


def test_swapped_dates_are_put_in_order():
    view, notices = parse("start=2021-01-01&end=2020-01-01")
    assert (view.filters.start, view.filters.end) == (date(2020, 1, 1), date(2021, 1, 1))
    assert notices == ["The start date was after the end date; they have been swapped."]


def test_unknown_event_id_is_reported_when_ids_are_known():
    view, notices = parse("event=nope", event_ids={"ibm-exit"})
    assert view.event is None
    assert notices == ["There is no event with id 'nope' in this data."]


def test_long_search_is_cut():
    view, notices = parse("q=" + "a" * 500)
    assert len(view.filters.q) == 200
    assert notices
