"""Text descriptions of a view: the count line, the chart's summary, the date order the arrow keys walk."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.data.load import load_events
from dashboard.text.summary import count_text, in_date_order, selection_text, span_text, view_summary
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve


@pytest.fixture
def events(valid_csv):
    return load_events(valid_csv)


@pytest.fixture
def dataset(valid_csv):
    return load_dataset(valid_csv)


def test_summary_names_count_range_companies_context_and_categories(dataset):
    assert view_summary(resolve("", dataset)) == (
        "7 events from February 2018 to June 2021; 3 companies: Amazon, IBM, Microsoft; "
        "3 context events (no company); by category: 3 decision, 1 protest, 1 legislation, 1 research, "
        "1 incident.")


def test_summary_of_a_filtered_view_uses_the_date_filter_and_only_the_chosen_companies(dataset):
    shown = resolve("company=IBM&context=0&start=2018-01-01&end=2020-12-31", dataset)
    assert (shown.view.filters.start, shown.view.filters.context) == (date(2018, 1, 1), False)
    assert view_summary(shown) == (
        "2 events from January 2018 to December 2020; 1 company: IBM; by category: 1 decision, 1 research.")


def test_summary_of_one_event_and_of_nothing(dataset):
    assert view_summary(resolve("q=Microsoft says", dataset)) == (
        "1 event in June 2020; 1 company: Microsoft; by category: 1 decision.")
    assert view_summary(resolve("q=nothing at all", dataset)) == "No events match these filters."


def test_count_text(dataset):
    assert count_text(resolve("", dataset)) == "7 of 7 events, February 2018 to June 2021"
    assert count_text(resolve("q=nothing at all", dataset)) == "0 of 7 events"
    assert count_text(resolve("category=decision", dataset)) == "3 of 7 events, June 2020 to June 2021"


def test_span_text_collapses_one_month():
    assert span_text(pd.Timestamp("2020-06-01"), pd.Timestamp("2020-06-30")) == "June 2020"
    assert span_text(pd.Timestamp("2020-05-01"), pd.Timestamp("2020-07-31")) == "May 2020 to July 2020"


def test_date_order_is_by_start_then_end_whatever_the_input_order(events):
    expected = ["study-month", "city-ban", "floyd-killed", "protest-wave", "ibm-exit", "amazon-pause",
                "ms-no-police"]
    assert in_date_order(events) == expected
    assert in_date_order(events.sample(frac=1, random_state=3)) == expected


def test_selection_text_gives_the_position_in_date_order(events):
    assert selection_text(events, "ibm-exit") == "Event 5 of 7: IBM exits, 8 June 2020."
    assert (selection_text(events, "amazon-pause")
            == "Event 6 of 7: Amazon pauses, 10 June 2020 – 10 June 2021.")
    assert selection_text(events[events["category"] == "decision"], "study-month") == ""


def test_events_without_a_category_are_counted_as_uncategorised(valid_csv):
    """As they are filtered (the category filter's `uncategorised`): the summary once said '3 ' for them."""
    shown = resolve("", load_dataset(valid_csv.parent / "minimal.csv"))
    assert view_summary(shown).endswith("; by category: 3 uncategorised.")
