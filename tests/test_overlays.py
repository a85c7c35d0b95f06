"""Figure overlays: which placements a connector joins, how it arches in one lane, the highlight rings."""

from __future__ import annotations

import pandas as pd

from dashboard.data.relations import Link
from dashboard.figures.overlays import ARCH, connector_traces, highlight_trace, positions


def placed(rows):
    return pd.DataFrame(rows, columns=["x", "y"])


def test_a_connector_joins_the_nearest_lanes_of_events_drawn_in_several():
    frame = placed(
        [
            (pd.Timestamp("2018-02-15"), 1.0),
            (pd.Timestamp("2018-02-15"), 4.0),
            (pd.Timestamp("2020-06-08"), 3.0),
        ]
    )
    ids = ["study", "study", "exit"]
    assert positions(frame, ids)["study"] == [
        (pd.Timestamp("2018-02-15"), 1.0),
        (pd.Timestamp("2018-02-15"), 4.0),
    ]
    lines, labels = connector_traces(frame, ids, [Link("exit", "cites", "study")], {}, "exit", "#333")
    assert (lines.y[0], lines.y[2]) == (3.0, 4.0)  # lane 4, not lane 1
    assert list(labels.text) == ["cites"] and list(labels.customdata) == ["study"]


def test_arches_point_into_the_chart():
    top = placed([(pd.Timestamp("2020-01-01"), 0.0), (pd.Timestamp("2021-01-01"), 0.0)])
    lines, _ = connector_traces(top, ["a", "b"], [Link("b", "extends", "a")], {}, None, "#333")
    assert lines.y[1] == ARCH  # below the top lane (the y-axis runs downwards)
    lower = placed([(pd.Timestamp("2020-01-01"), 3.0), (pd.Timestamp("2021-01-01"), 3.0)])
    lines, _ = connector_traces(lower, ["a", "b"], [Link("b", "extends", "a")], {}, None, "#333")
    assert lines.y[1] == 3.0 - ARCH


def test_no_connector_when_an_end_is_out_of_view_and_no_ring_when_nothing_is_highlighted():
    frame = placed([(pd.Timestamp("2020-01-01"), 0.0)])
    assert connector_traces(frame, ["a"], [Link("a", "cites", "b")], {}, "a", "#333") == []
    assert highlight_trace(frame, ["a"], ["b"], "#8E0152") is None
    assert list(highlight_trace(frame, ["a"], ["a"], "#8E0152").customdata) == ["a"]
