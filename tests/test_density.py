"""Calendar bins for density lanes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.figures import density

DAY = density.DAY


@pytest.mark.parametrize(
    ("days", "noun"),
    [
        (20, "day"),
        (400, "week"),
        (3_000, "month"),
        (12_000, "quarter"),
        (40_000, "year"),
        (200_000, "5 years"),
    ],
)
def test_the_finest_unit_that_fits_is_chosen(days, noun):
    assert density.choose_unit(days * DAY, 150).noun == noun


@pytest.mark.parametrize("freq", ["D", "W-MON", "MS", "QS", "YS"])
def test_edges_cover_the_range_on_calendar_boundaries(freq):
    unit = next(u for u in density.UNITS if u.freq == freq)
    lo, hi = pd.Timestamp("2019-02-13 05:00").value, pd.Timestamp("2021-03-02").value
    edges = density.bin_edges(lo, hi, unit)
    assert edges[0] <= lo < edges[1] and edges[-2] <= hi < edges[-1]
    stamps = pd.to_datetime(edges)
    assert (stamps == stamps.normalize()).all()
    if freq == "W-MON":
        assert (stamps.day_of_week == 0).all()
    if freq in ("MS", "QS", "YS"):
        assert (stamps.day == 1).all()


def test_bin_labels_read_as_periods():
    week = next(u for u in density.UNITS if u.freq == "W-MON")
    quarter = next(u for u in density.UNITS if u.freq == "QS")
    assert density.bin_label(pd.Timestamp("2020-06-08").value, week) == "week of 8 June 2020"
    assert density.bin_label(pd.Timestamp("2020-04-01").value, quarter) == "Q2 2020"


def test_cells_count_events_per_lane_and_bin_and_escape_lane_names():
    unit = next(u for u in density.UNITS if u.freq == "MS")
    edges = density.bin_edges(pd.Timestamp("2020-01-01").value, pd.Timestamp("2020-03-31").value, unit)
    x = pd.to_datetime(["2020-01-05", "2020-01-20", "2020-03-03", "2020-01-09"]).as_unit("ns").asi8
    trace = density.density_trace(
        np.array([0, 0, 0, 1]),
        x,
        np.array([0, 1, 0, 2], dtype=np.int8),
        ["<b>Lane</b>", "Other"],
        edges,
        unit,
    )
    assert trace.type == "heatmap" and len(trace.x) == len(edges) == 4  # bricks between calendar edges
    assert np.asarray(trace.customdata).tolist() == [[2, 0, 1], [1, 0, 0]]
    z = np.asarray(trace.z)
    assert np.isnan(z[0, 1]) and np.isnan(z[1, 2])  # empty cells are gaps, not zero-coloured
    assert (
        trace.text[0][0]
        == "<b>&lt;b&gt;Lane&lt;/b&gt; · January 2020</b><br>2 events: decision 1 · protest 1"
    )
    assert trace.text[0][1] == ""
