"""The one resolution (view/shown.py): a URL's query + a dataset (+ tour, + theme) -> what is shown."""

from __future__ import annotations

from datetime import datetime

import pytest

from dashboard.data.load import load_events
from dashboard.view.dataset import of_frame
from dashboard.view.shown import resolve
from dashboard.view.story import load_story

from .conftest import DATA


@pytest.fixture(scope="module")
def dataset():
    return of_frame(load_events(DATA / "related.csv"))


@pytest.fixture(scope="module")
def story(dataset):
    return load_story(DATA / "story.csv", dataset.events)


def test_a_step_shows_its_view_and_keeps_the_urls_event_and_zoom(dataset, story):
    step = story.get(2)
    shown = resolve("step=2", dataset, story)
    assert shown.view.filters == step.view.filters and shown.view.anchor == "floyd-killed"
    assert shown.step is step and shown.written.step == 2
    assert resolve("step=2&event=ibm-exit", dataset, story).view.event == "ibm-exit"
    assert resolve("step=3", dataset, story).view.event == "amazon-extends"  # the step's own selection
    # Other filters next to `step` do not change the step's view; the zoom is the reader's own.
    other = resolve("step=2&q=zzz&zoom=2020-05-01..2020-07-31", dataset, story)
    assert other.view.filters == step.view.filters
    assert other.view.zoom == (datetime(2020, 5, 1), datetime(2020, 8, 1))


def test_without_a_tour_a_step_is_a_notice_and_the_urls_view_is_shown(dataset):
    shown = resolve("q=police&step=2", dataset, None)
    assert shown.step is None and shown.view.filters.q == "police"
    assert shown.notices == ("There is no guided tour for this data.",)


def test_the_rows_are_the_filters_rows(dataset):
    shown = resolve("company=IBM&context=0", dataset)
    assert list(shown.rows["id"]) == ["study-month", "ibm-exit"]
    assert (shown.count, shown.total) == (2, len(dataset.events))


def test_a_selection_inside_the_zoom_keeps_it_and_one_outside_pans_there(dataset):
    inside = resolve("zoom=2020-05-01..2020-07-31&event=ibm-exit", dataset)
    assert inside.view.zoom == (datetime(2020, 5, 1), datetime(2020, 8, 1))
    outside = resolve("zoom=2020-05-01..2020-07-31&event=study-month", dataset)
    lo, hi = outside.view.zoom
    assert hi - lo == datetime(2020, 8, 1) - datetime(2020, 5, 1)  # the same width
    assert lo < datetime(2018, 2, 15) < hi  # study-month sits in the middle of February 2018


def test_a_bad_zoom_is_a_notice(dataset):
    shown = resolve("zoom=2020-07-31..2020-05-01", dataset)
    assert shown.view.zoom is None and shown.window is None
    assert shown.notices == ("Ignored zoom='2020-07-31..2020-05-01': the window must end after it starts.",)


@pytest.mark.parametrize(("query", "reader", "theme"), [
    ("", None, "light"), ("", "dark", "dark"), ("theme=light", "dark", "light"), ("theme=dark", None, "dark"),
    ("", "purple", "light"),
])
def test_the_urls_theme_wins_then_the_readers_then_light(dataset, query, reader, theme):
    assert resolve(query, dataset, theme=reader).theme == theme


def test_the_revision_changes_with_the_rows_or_the_zoom_not_with_the_selection(dataset):
    base = resolve("company=IBM", dataset).revision
    assert resolve("company=IBM&event=ibm-exit", dataset).revision == base
    assert resolve("company=IBM&zoom=2020-05-01..2020-07-31", dataset).revision != base
    assert resolve("company=Amazon", dataset).revision != base


def test_a_view_that_says_nothing_about_time_opens_on_the_datasets_opening_window(bundled_csv):
    """The bundled data's settings open the chart on the months around 8-11 June 2020; a zoom, a date filter
    or a tour step decide for themselves, and no link carries the opening."""
    from dashboard.view.dataset import load_dataset

    ds = load_dataset(bundled_csv)
    lo, hi = resolve("", ds).visible or (0, 0)
    assert lo <= datetime(2020, 6, 8).timestamp() * 1e9 and hi >= datetime(2020, 6, 12).timestamp() * 1e9
    assert hi - lo < 2 * 366 * 86_400 * 1e9
    assert resolve("", ds).url_view.zoom is None
    assert resolve("company=IBM", ds).window == resolve("", ds).window
    assert resolve("zoom=2010-01-01..2011-01-01", ds).window != resolve("", ds).window
    assert resolve("start=2012-01-01", ds).window is None


def test_in_view_says_which_events_the_filters_keep(dataset):
    shown = resolve("company=IBM", dataset)
    kept = set(shown.rows["id"])
    assert kept and kept != set(dataset.events["id"])
    assert all(i in shown.in_view for i in kept)
    assert not any(i in shown.in_view for i in set(dataset.events["id"]) - kept)
    assert "no-such-event" not in shown.in_view and None not in shown.in_view
