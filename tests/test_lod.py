"""Level of detail: a large selection is drawn as density lanes, bounded by the screen; zooming in gives
single events; small data is drawn exactly as before."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard.data.load import load_events
from dashboard.figures import lod
from dashboard.figures.timeline import build_figure, placements, protest_band
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import Filters, apply


def ns(day: str) -> int:
    return pd.Timestamp(day).value


@pytest.fixture(scope="module")
def large(large_events):
    return large_events, EventIndex.build(large_events)


def marker_ids(fig) -> set[str]:
    return {
        i
        for t in fig.data
        if t.type == "scatter"
        and t.mode == "markers"
        and t.customdata is not None
        and np.asarray(t.customdata).dtype == object
        for i in t.customdata
    }


def density(fig):
    return next(t for t in fig.data if str(t.name).startswith("events per"))


def test_small_data_is_drawn_exactly_as_build_figure_draws_it(valid_csv):
    events = load_events(valid_csv)
    index = EventIndex.build(events)
    chosen = lod.select(index, Filters())
    assert chosen.plan.mode == "all"
    fig = lod.view_figure(events, index, Filters(), chosen)
    assert to_json_plotly(fig) == to_json_plotly(build_figure(events))


def test_10k_events_full_view_is_density_with_a_bounded_number_of_points(large):
    events, index = large
    chosen = lod.select(index, Filters())
    assert chosen.plan.mode == "density"
    fig = lod.view_figure(events, index, Filters(), chosen)
    lanes = len(fig.layout.yaxis.ticktext)
    cells = density(fig)
    bins = lod.MAX_BINS * 2 + 2  # the visible range plus half a range on each side
    assert np.asarray(cells.z).shape[0] == lanes and np.asarray(cells.z).shape[1] <= bins
    markers = sum(len(t.x) for t in fig.data if t.type == "scatter")
    assert markers < 20  # the key moments, not one marker per event
    assert fig.layout.xaxis.range is not None


def test_density_cells_count_every_event_in_the_window(large):
    events, index = large
    chosen = lod.select(index, Filters(companies=("IBM",)))
    fig = lod.view_figure(events, index, Filters(companies=("IBM",)), chosen)
    counts = np.asarray(density(fig).customdata)
    lo, hi = chosen.plan.window
    placed = chosen.placed
    x = index.x[index.pl_event[placed]]
    assert counts.sum() == ((x >= lo) & (x < hi)).sum()
    texts = [t for row in density(fig).text for t in row if t]
    assert len(texts) == (counts > 0).sum()


def test_density_hover_names_lane_period_and_counts_per_category(large):
    events, index = large
    fig = lod.view_figure(events, index, Filters())
    cells = density(fig)
    assert "week" in cells.name or "month" in cells.name or "quarter" in cells.name
    texts = [t for row in cells.text for t in row if t]
    assert any(t.startswith("<b>IBM · ") and " events: " in t and "decision" in t for t in texts)
    assert "Zoom in" in cells.hovertemplate


def test_key_moment_stays_a_single_event_in_the_density_view(large):
    events, index = large
    moments = (("ibm-exits-general-purpose-frt", "IBM, Amazon, Microsoft step back (8–11 June)"),)
    fig = lod.view_figure(events, index, Filters(), key_moments=moments)
    assert "ibm-exits-general-purpose-frt" in marker_ids(fig)
    assert any("IBM, Amazon, Microsoft step back" in a.text for a in fig.layout.annotations)


def test_selected_event_is_drawn_and_ringed_in_the_density_view(large):
    events, index = large
    fig = lod.view_figure(events, index, Filters(), selected="e42")
    assert "e42" in marker_ids(fig)
    assert any(t.name == "selected" for t in fig.data)


def test_zooming_into_a_week_gives_single_events(large):
    events, index = large
    week = (ns("2019-03-04"), ns("2019-03-11"))
    chosen = lod.select(index, Filters(), week)
    assert chosen.plan.mode == "detail"
    fig = lod.view_figure(events, index, Filters(), chosen)
    assert not any(str(t.name).startswith("events per") for t in fig.data)
    in_week = events[(events["start"] >= "2019-03-04") & (events["start"] < "2019-03-11")]
    assert len(in_week) > 0 and set(in_week["id"]) <= marker_ids(fig)
    assert fig.layout.xaxis.range == ("2019-03-04", "2019-03-11")


def test_the_june_2020_burst_is_single_events_when_zoomed(large):
    events, index = large
    chosen = lod.select(index, Filters(), (ns("2020-06-08"), ns("2020-06-12")))
    assert chosen.plan.mode == "detail"
    fig = lod.view_figure(events, index, Filters(), chosen)
    burst = events[(events["start"] >= "2020-06-08") & (events["start"] < "2020-06-12")]
    assert len(burst) > 1_000 and set(burst["id"]) <= marker_ids(fig)


def test_detail_view_sends_dates_as_numbers_and_short_hover(large):
    events, index = large
    chosen = lod.select(index, Filters(), (ns("2019-03-04"), ns("2019-03-11")))
    fig = lod.view_figure(events, index, Filters(), chosen)
    trace = next(t for t in fig.data if t.name == "decision")
    assert np.asarray(trace.x).dtype.kind == "f"
    assert pd.Timestamp(int(trace.x[0]), unit="ms") >= pd.Timestamp("2018-12-01")
    assert "Actor:" not in trace.hovertext[0]


def test_detail_view_keeps_every_lane_and_the_overview(large):
    events, index = large
    full = lod.view_figure(events, index, Filters())
    zoomed = lod.view_figure(
        events, index, Filters(), lod.select(index, Filters(), (ns("2019-03-04"), ns("2019-03-11")))
    )
    assert zoomed.layout.yaxis.ticktext == full.layout.yaxis.ticktext
    assert zoomed.layout.xaxis.rangeslider.range[0] < "2015-01-01"
    all_button = zoomed.layout.updatemenus[0].buttons[0]
    assert all_button.label == "All" and "xaxis.range" in all_button.args[0]


def test_a_zoom_inside_one_plan_reuses_the_cached_figure(large):
    """The figure's cache key (figures.chart.figure_key) names the plan, never raw zoom coordinates."""
    from dashboard.figures.chart import figure_key
    from dashboard.view.dataset import of_frame
    from dashboard.view.shown import resolve

    dataset = of_frame(large[0])

    def key(query: str) -> str:
        return figure_key(resolve(query, dataset))

    a = key("zoom=2019-03-04..2019-03-10")
    assert a == key("zoom=2019-03-04T01..2019-03-11T01")  # an hour later: the same plan
    assert a != key("zoom=2019-05-04..2019-05-10")
    assert a != key("zoom=2019-03-04..2019-03-10&event=e1")


def test_index_placements_match_the_figure_lanes(large):
    events, index = large
    for companies in (None, ("IBM", "Amazon")):
        filters = Filters(companies=companies)
        chosen = lod.select(index, filters)
        names = index.lane_key_names()
        fast = sorted(
            zip(
                index.ids[index.pl_event[chosen.placed]],
                (names[k] for k in index.pl_lane[chosen.placed]),
                strict=True,
            )
        )
        shown = apply(events, filters)
        slow = placements(shown, companies)
        assert fast == sorted(zip(shown.loc[slow["idx"], "id"], slow["lane"], strict=True))


def test_protest_band_and_filters_work_at_scale(large):
    events, index = large
    fig = lod.view_figure(
        events, index, Filters(categories=("protest",), q="event 1"), band=protest_band(events)
    )
    assert fig.layout.yaxis.ticktext  # still a chart, not an error
