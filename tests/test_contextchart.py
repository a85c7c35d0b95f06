"""The context series under the lanes: a second x-axis matching the timeline's, an area with day hovers."""

from __future__ import annotations

import pytest

from dashboard.data.context import load_context
from dashboard.data.load import load_events
from dashboard.figures.chart import timeline_figure
from dashboard.figures.context import hover_labels
from dashboard.figures.layout import SLIDER_HEIGHT
from dashboard.figures.timeline import build_figure

from .conftest import DATA


@pytest.fixture
def events():
    return load_events(DATA / "valid.csv")


def area(fig):
    return next(t for t in fig.data if t.fill == "tozeroy")


def test_the_area_shares_the_timelines_x_axis(events):
    fig = build_figure(events, context=load_context(DATA / "context_daily.csv"))
    trace = area(fig)
    assert (trace.xaxis, trace.yaxis) == ("x2", "y2")
    assert fig.layout.xaxis2.matches == "x"  # zooming or panning one moves the other
    assert fig.layout.xaxis2.anchor == "y2"
    assert fig.layout.yaxis2.domain[1] < fig.layout.yaxis.domain[0]  # under the lanes
    assert fig.layout.xaxis.range == build_figure(events).layout.xaxis.range


def test_the_range_slider_moves_under_the_area(events):
    fig = build_figure(events, context=load_context(DATA / "context_daily.csv"))
    assert fig.layout.xaxis2.rangeslider.visible is True
    assert fig.layout.xaxis.rangeslider.visible is False
    assert fig.layout.height > build_figure(events).layout.height
    taller = fig.layout
    size = (taller.height - taller.margin.t - taller.margin.b) * taller.xaxis2.rangeslider.thickness
    assert size == pytest.approx(SLIDER_HEIGHT, abs=0.01)  # the same slider as without the area


def test_hover_shows_the_days_value(events):
    trace = area(build_figure(events, context=load_context(DATA / "context_daily.csv")))
    assert trace.hovertext[0] == "<b>25 May 2020</b><br>1 protests"
    assert trace.hovertext[2] == "<b>27 May 2020</b><br>no value"
    assert trace.hovertemplate == "%{hovertext}<extra></extra>"
    assert list(trace.y[:3]) == [1.0, 4.0, None]


def test_weekly_values_say_week_of():
    labels = hover_labels(load_context(DATA / "context_weekly.csv"))
    assert labels[1] == "<b>Week of 1 June 2020</b><br>220 protests"


def test_the_label_from_a_csv_header_is_escaped(events, write_csv):
    series = load_context(write_csv("date,<b>x</b>\n2020-06-01,1\n", header=None))
    fig = build_figure(events, context=series)
    assert "<b>x</b>" not in fig.layout.yaxis2.title.text
    assert "&lt;b&gt;x&lt;/b&gt;" in area(fig).hovertext[0]


def test_no_context_no_second_axis(events):
    fig = build_figure(events)
    assert "xaxis2" not in fig.layout.to_plotly_json() and not any(t.fill for t in fig.data)


def test_timeline_figure_takes_a_series(events):
    fig = timeline_figure(events, series=load_context(DATA / "context_events.csv"))
    assert area(fig).y[:2] == (1.0, 2.0)
