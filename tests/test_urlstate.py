"""URL state: tolerant parsing with notices, non-default-only serialization, round trips; embed options."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.data import schema
from dashboard.data.companies import bundled_companies
from dashboard.view.filters import Filters
from dashboard.view.urlstate import MAX_Q, EmbedOptions, View, parse, parse_embed, serialize, serialize_embed


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
        View(anchor="george-floyd-killed-minneapolis"),
        View(Filters(companies=("IBM",), start=date(2020, 5, 20)), event="ibm-exit", anchor="floyd-killed"),
        View(step=3),
        View(event="amazon-pause", step=10),
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
    view, notices = parse(
        "company=Initech&company=IBM&category=opinion&start=2020-13-01&end=soon&context=maybe",
        companies=bundled_companies())
    assert view.filters == Filters(companies=("IBM",))
    assert notices == [
        "Ignored start='2020-13-01': dates are written YYYY-MM-DD.",
        "Ignored end='soon': dates are written YYYY-MM-DD.",
        "Ignored context='maybe': use 0 or 1.",
        "Ignored unknown company 'Initech'.",
        "Ignored unknown category 'opinion'.",
    ]


def test_only_unknown_companies_means_no_company_filter():
    view, notices = parse("company=Initech", companies=bundled_companies())
    assert view.filters.companies is None
    assert notices


def test_companies_are_the_data_s_own_any_name_when_none_are_given():
    view, notices = parse("company=Acme+Corp&company=IBM", companies=("Acme Corp",))
    assert view.filters.companies == ("Acme Corp",) and notices == ["Ignored unknown company 'IBM'."]
    assert parse("company=Acme+Corp")[0].filters.companies == ("Acme Corp",)
    assert parse("category=uncategorised")[0].filters.categories == ("uncategorised",)


def test_unknown_parameters_are_tolerated_silently():
    assert parse("utm_source=x&lang=fr") == (View(), [])


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


# Property-based tests (hypothesis): any query string gives a valid view plus notices; views round-trip.

EVENT_IDS = frozenset({"ibm-exit", "amazon-pause"})
query_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
param_pairs = st.lists(st.tuples(
    st.sampled_from(["company", "category", "start", "end", "q", "context", "event", "other"]),
    st.sampled_from(["IBM", "Amazon", "Initech", "decision", "nope", "2020-06-08", "2020-02-30", "20200608",
                     "2020-W23-1", "0", "1", "off", "maybe", "ibm-exit", "", " ", "x" * 199 + " cut here"])
    | query_text,
), max_size=12)


def assert_valid(view: View, notices: list[str]) -> None:
    f = view.filters
    assert f.companies is None or (set(f.companies) <= set(bundled_companies())
                                   and len(set(f.companies)) == len(f.companies))
    assert f.categories is None or (set(f.categories) <= {*schema.CATEGORIES, schema.UNCATEGORISED}
                                    and len(set(f.categories)) == len(f.categories))
    assert f.start is None or isinstance(f.start, date)
    assert f.end is None or isinstance(f.end, date)
    assert not (f.start and f.end and f.start > f.end)
    assert len(f.q) <= MAX_Q and f.q == f.q.strip()
    assert isinstance(f.context, bool)
    assert view.event is None or view.event in EVENT_IDS
    assert all(isinstance(n, str) and n for n in notices)


@settings(max_examples=300, deadline=None)
@given(query_text)
def test_any_query_string_gives_a_valid_view_and_notices(query):
    view, notices = parse(query, event_ids=EVENT_IDS, companies=bundled_companies())
    assert_valid(view, notices)


@settings(max_examples=300, deadline=None)
@given(param_pairs)
def test_any_parameters_give_a_valid_view_that_round_trips(pairs):
    view, notices = parse(urlencode(pairs), event_ids=EVENT_IDS, companies=bundled_companies())
    assert_valid(view, notices)
    assert parse(serialize(view), event_ids=EVENT_IDS, companies=bundled_companies()) == (view, [])


def test_embed_options_default_to_nothing_in_the_url():
    assert parse_embed("") == (EmbedOptions(), [])
    assert serialize_embed(View(), EmbedOptions()) == ""


@pytest.mark.parametrize("options", [
    EmbedOptions(height=420),
    EmbedOptions(theme="dark", legend=False),
    EmbedOptions(title=False),
    EmbedOptions(height=2000, theme="dark", legend=False, title=False),
])
def test_embed_round_trip_keeps_view_and_options(options):
    view = View(Filters(companies=("IBM",), start=date(2020, 5, 1)), event="ibm-exit")
    query = serialize_embed(view, options)
    # The page's parameters are the embed's too; `theme` is shared (the page reads a dark embed's as dark).
    assert parse(query) == (replace(view, theme="dark" if options.theme == "dark" else None), [])
    assert parse_embed(query) == (options, [])


def test_embed_options_are_tolerant_with_notices():
    options, notices = parse_embed("height=tall&theme=blue&legend=maybe&title=0")
    assert options == EmbedOptions(title=False)
    assert notices == ["Ignored height='tall': give a number of pixels.",
                       "Ignored theme='blue': use light or dark.",
                       "Ignored legend='maybe': use 0 or 1."]


def test_embed_height_is_clamped_and_accepts_px():
    assert parse_embed("height=480px") == (EmbedOptions(height=480), [])
    options, notices = parse_embed("height=50")
    assert options.height == 200
    assert notices == ["height=50 is outside 200-2000; it was clamped."]
    assert parse_embed("height=99999")[0].height == 2000


def test_anchor_and_step_are_written_last_and_read_back():
    view = View(Filters(companies=("IBM",)), event="ibm-exit", anchor="floyd-killed", step=2)
    assert serialize(view) == "?company=IBM&event=ibm-exit&anchor=floyd-killed&step=2"
    assert parse(serialize(view), event_ids={"ibm-exit", "floyd-killed"}, step_count=3) == (view, [])


def test_a_step_url_is_only_the_step():
    assert serialize(View(step=4)) == "?step=4"
    assert parse("?step=4") == (View(step=4), [])


def test_unknown_anchor_falls_back_to_dates_with_a_notice():
    view, notices = parse("anchor=nope&event=ibm-exit", event_ids={"ibm-exit"})
    assert (view.anchor, view.event) == (None, "ibm-exit")
    assert notices == ["There is no event with id 'nope' to count days from; showing calendar dates."]


@pytest.mark.parametrize(
    ("query", "step_count", "notice"),
    [
        ("step=0", 5, "Ignored step='0': tour steps are numbered from 1."),
        ("step=two", 5, "Ignored step='two': tour steps are numbered from 1."),
        ("step=-1", 5, "Ignored step='-1': tour steps are numbered from 1."),
        ("step=6", 5, "There is no step 6: the tour has 5 steps."),
        ("step=1", 0, "There is no guided tour for this data."),
    ],
)
def test_bad_steps_are_ignored_with_a_notice(query, step_count, notice):
    view, notices = parse(query, step_count=step_count)
    assert view.step is None
    assert notices == [notice]


def test_step_within_range_is_kept():
    assert parse("step=5", step_count=5)[0].step == 5


def test_theme_round_trips_and_bad_values_are_ignored_with_a_notice():
    view, notices = parse("?theme=dark&event=x")
    assert (view.theme, view.event, notices) == ("dark", "x", [])
    assert serialize(view) == "?theme=dark&event=x"
    view, notices = parse("theme=purple")
    assert view.theme is None
    assert notices == ["Ignored theme='purple': use light or dark."]


def test_data_query_leaves_out_the_selection_and_the_theme():
    from dashboard.view.urlstate import data_query

    view, _ = parse("?category=decision&theme=dark&event=x")
    assert data_query(view) == "?category=decision"
