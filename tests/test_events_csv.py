"""The bundled dataset: valid, sourced, unique, within the documented lists, and never modified."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter

import pytest

from dashboard import schema
from dashboard.data import load_events, read_report
from dashboard.text import is_http_url

from .conftest import ROOT


@pytest.fixture(scope="module")
def events():
    return load_events(ROOT / "events.csv")


def test_bundled_file_is_valid_without_warnings(bundled_csv):
    report = read_report(bundled_csv)
    assert report.errors == []
    assert report.warnings == []


def test_header_is_exactly_the_schema(bundled_csv):
    with open(bundled_csv, encoding="utf-8", newline="") as fh:
        assert tuple(next(csv.reader(fh))) == schema.COLUMN_NAMES


def test_size_and_range(events):
    assert len(events) >= 90
    years = events["start"].dt.year
    assert years.between(2017, 2024).sum() >= 90
    assert years.max() <= 2024


def test_every_source_is_http(events):
    for sources in events["source_list"]:
        assert sources and all(is_http_url(u) for u in sources)


def test_ids_unique_and_no_event_twice(events):
    assert events["id"].is_unique
    assert events["title"].str.casefold().is_unique
    assert not events.duplicated(["date", "actor", "category"]).any()


def test_spans_end_after_they_start(events):
    assert (events["stop"] >= events["start"]).all()


def test_companies_are_from_the_documented_list(events):
    assert {c for cs in events["company_list"] for c in cs} <= set(schema.COMPANIES)


def test_coverage_of_each_category_and_the_named_companies(events):
    assert set(events["category"]) == set(schema.CATEGORIES)
    counts = Counter(c for cs in events.loc[events["category"] == "decision", "company_list"] for c in cs)
    for company in ("Amazon", "IBM", "Microsoft", "Google", "Meta", "Axon", "Clearview AI"):
        assert counts[company] >= 1, company


def test_the_week_of_8_to_11_june_2020(events):
    by_id = events.set_index("id")
    assert by_id.loc["ibm-exits-general-purpose-frt", "date"] == "2020-06-08"
    amazon = by_id.loc["amazon-rekognition-police-moratorium"]
    assert (amazon["date"], amazon["end_date"]) == ("2020-06-10", "2021-06")
    assert by_id.loc["microsoft-no-frt-sales-to-us-police", "date"] == "2020-06-11"
    assert by_id.loc["george-floyd-killed-minneapolis", "date"] == "2020-05-25"


def test_loading_does_not_modify_the_file(bundled_csv):
    before = hashlib.sha256(bundled_csv.read_bytes()).hexdigest()
    load_events(bundled_csv)
    assert hashlib.sha256(bundled_csv.read_bytes()).hexdigest() == before
