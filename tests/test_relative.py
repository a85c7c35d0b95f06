"""Relative time: the anchor, day labels at each date's precision, and turning a date axis into days."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.load import load_events
from dashboard.figures.timeline import build_figure
from dashboard.view.relative import anchor_of, day_label, days, default_anchor, row_day_label, to_days

from .conftest import DATA, ROOT


@pytest.fixture(scope="module")
def events():
    return load_events(DATA / "related.csv")


def test_anchor_is_the_events_first_day_with_its_title(events):
    anchor = anchor_of(events, "floyd-killed")
    assert (anchor.id, anchor.title, anchor.when) == (
        "floyd-killed",
        "A man is killed by police",
        "25 May 2020",
    )
    assert anchor.day == pd.Timestamp("2020-05-25")
    assert anchor_of(events, "nope") is None and anchor_of(events, None) is None


def test_default_anchor_is_george_floyds_killing_in_the_bundled_data():
    assert default_anchor(load_events(ROOT / "events.csv")) == "george-floyd-killed-minneapolis"


def test_default_anchor_elsewhere_is_the_selected_then_the_earliest_event(events):
    assert default_anchor(events, "ibm-exit") == "ibm-exit"
    assert default_anchor(events) == "study-month"


def test_days_since_the_anchor(events):
    anchor = anchor_of(events, "floyd-killed")
    assert days("2020-06-08", anchor) == 14
    assert days(pd.Timestamp("2020-05-20"), anchor) == -5
    assert days(None, anchor) is None


def test_day_labels_keep_the_dates_precision(events):
    anchor = anchor_of(events, "floyd-killed")
    by_id = events.set_index("id", drop=False)
    assert row_day_label(by_id.loc["ibm-exit"], anchor) == "day +14"
    assert row_day_label(by_id.loc["floyd-killed"], anchor) == "day 0"
    assert (
        row_day_label(by_id.loc["study-month"], anchor) == "days −844 to −817"
    )  # a month, not a made-up day
    assert row_day_label(by_id.loc["amazon-pause"], anchor) == "days +16 to +381"  # a span
    assert day_label("2020-05-24", "2020-05-24", anchor) == "day −1"


def test_to_days_moves_every_x_value_and_marks_day_0(events):
    fig = build_figure(events, window=(pd.Timestamp("2020-05-01").date(), pd.Timestamp("2020-07-31").date()))
    anchor = anchor_of(events, "floyd-killed")
    to_days(fig, anchor)
    assert fig.layout.xaxis.type == "linear"
    assert list(fig.layout.xaxis.range) == [-24, 68]
    for trace in fig.data:
        assert all(x is None or isinstance(x, (int, float)) for x in trace.x), trace.name
    zero = [s for s in fig.layout.shapes if s.name == "day 0"]
    assert len(zero) == 1 and zero[0].x0 == zero[0].x1 == 0
    assert "Days since 25 May 2020: A man is killed by police" in fig.layout.title.text
    for menu in fig.layout.updatemenus:
        for button in menu.buttons:
            if "xaxis.range" in button.args[0]:
                assert all(isinstance(x, float) for x in button.args[0]["xaxis.range"])


def test_a_figure_with_a_title_keeps_it_and_gets_the_axis_as_subtitle(events):
    anchor = anchor_of(events, "floyd-killed")
    fig = build_figure(events, title="My chart", anchor=anchor)
    assert fig.layout.title.text == "My chart"
    assert (
        fig.layout.title.subtitle.text
        == "Days since 25 May 2020: A man is killed by police (dotted line = day 0)"
    )
    with_filters = build_figure(events, title="My chart", subtitle="Companies: IBM", anchor=anchor)
    assert (
        with_filters.layout.title.subtitle.text
        == "Companies: IBM · Days since 25 May 2020: A man is killed by police"
    )
    untitled = to_days(build_figure(events), anchor, describe=False)
    assert not untitled.layout.title.text


def test_the_anchor_title_is_escaped_in_the_figure(write_csv):
    path = write_csv("x,2020-05-25,,<b>Bold</b> & co,D,incident,P,,,https://e.org\n")
    fig = build_figure(load_events(path), anchor=anchor_of(load_events(path), "x"))
    assert (
        "<b>Bold" not in fig.layout.title.text and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in fig.layout.title.text
    )
