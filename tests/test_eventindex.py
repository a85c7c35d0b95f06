"""The index selects exactly what filters.apply selects, and places events in the same lanes."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.data.load import load_events
from dashboard.figures.timeline import point_x as row_point_x
from dashboard.view.eventindex import EventIndex, point_x
from dashboard.view.filters import Filters, apply

from .conftest import loaded_events

CASES = [
    Filters(),
    Filters(companies=("IBM",)),
    Filters(companies=("IBM", "Amazon"), context=False),
    Filters(companies=()),
    Filters(companies=(), context=False),
    Filters(context=False),
    Filters(categories=("decision", "legal")),
    Filters(categories=()),
    Filters(start=date(2020, 6, 1), end=date(2020, 6, 30)),
    Filters(start=date(2020, 6, 9)),
    Filters(q="POLICE"),
    Filters(q="event 12", companies=("Microsoft",), categories=("protest",)),
]


@pytest.mark.parametrize("filters", CASES, ids=repr)
@pytest.mark.parametrize("source", ["valid_csv", "bundled_csv", "large_csv"])
def test_mask_selects_what_apply_selects(filters, source, request):
    # each file loaded once for all the filter cases (neither EventIndex nor apply changes the frame)
    events = loaded_events(request.getfixturevalue(source))
    index = EventIndex.build(events)
    expected = apply(events, filters)
    assert events.index[index.mask(filters)].tolist() == expected.index.tolist()


def test_point_x_matches_the_row_rule(bundled_csv):
    events = load_events(bundled_csv)
    fast = point_x(events)
    assert all(fast[i] == row_point_x(events.loc[i]) for i in events.index)


def test_every_company_of_an_event_gets_a_placement(valid_csv):
    events = load_events(valid_csv)
    index = EventIndex.build(events)
    names = index.lane_key_names()
    at = int(np.flatnonzero(events["id"] == "study-month")[0])
    lanes = [names[k] for e, k in zip(index.pl_event, index.pl_lane, strict=True) if e == at]
    assert lanes == ["IBM", "Microsoft"]
    context = int(np.flatnonzero(events["id"] == "protest-wave")[0])
    assert [names[k] for e, k in zip(index.pl_event, index.pl_lane, strict=True) if e == context] == [
        "Protests"
    ]


def test_positions_of_ids(valid_csv):
    index = EventIndex.build(load_events(valid_csv))
    assert len(index.positions(["ibm-exit", "no-such-event"])) == 1
    assert pd.Index(index.ids)[index.positions(["ibm-exit"])[0]] == "ibm-exit"
