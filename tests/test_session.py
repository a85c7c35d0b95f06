"""The browser store of an upload: checked again on every use, and a tampered store falls back safely."""

from __future__ import annotations

import copy

import pytest

from dashboard.data import schema
from dashboard.data.load import read_report
from dashboard.view.dataset import Dataset, from_payload, resolve, to_payload

from .conftest import DATA


@pytest.fixture(scope="module")
def payload():
    return to_payload(read_report(DATA / "timelinejs.csv"), "timelinejs.csv")


@pytest.fixture(scope="module")
def bundled():
    report = read_report(DATA / "valid.csv")
    return Dataset.build(report.events, "valid.csv")


def test_payload_rebuilds_the_same_events_title_and_eras(payload):
    report = read_report(DATA / "timelinejs.csv")
    ds = from_payload(payload)
    cols = list(schema.ALL_COLUMN_NAMES)
    assert ds.events[cols].to_dict("records") == report.events[cols].to_dict("records")
    assert (ds.title, ds.uploaded, ds.name) == ("A newsroom's timeline", True, "timelinejs.csv")
    assert [e.label for e in ds.eras] == ["Protest weeks"]
    assert ds.event_ids == frozenset(report.events["id"])


@pytest.mark.parametrize(
    "tamper",
    [
        lambda p: p.update(version=99),
        lambda p: p["rows"][0].__setitem__(1, "not a date"),
        lambda p: p["rows"][0].__setitem__(5, "<script>"),
        lambda p: p["rows"].append(["too", "short"]),
        lambda p: p.update(columns=["id"]),
        lambda p: p.update(rows=[]),
        lambda p: p["rows"][0].__setitem__(0, 12),
    ],
)
def test_a_tampered_store_is_refused(payload, tamper):
    bad = copy.deepcopy(payload)
    tamper(bad)
    assert from_payload(bad) is None


def test_resolve_falls_back_to_the_bundled_data_with_a_notice(bundled, payload):
    assert resolve(bundled, None) == (bundled, [])
    own, notices = resolve(bundled, payload)
    assert own.uploaded and notices == []
    fallback, notices = resolve(bundled, {"version": 1, "rows": "x"})
    assert fallback is bundled
    assert notices == [
        "Your uploaded data could not be read again; showing the bundled data. Load the file again."
    ]
