"""The bundled dataset: valid, sourced, unique, within the documented lists, and never modified."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter

import pytest

from dashboard.data import schema
from dashboard.data.load import load_events, read_report
from dashboard.data.safe import is_http_url

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
    assert len(events) >= 150
    years = events["start"].dt.year
    assert years.between(2017, 2026).sum() >= 145
    assert years.max() <= 2026  # the record runs to the present (issue 18), never into the future
    assert (years >= 2025).sum() >= 10


def test_every_source_is_http(events):
    for sources in events["source_list"]:
        assert sources and all(is_http_url(u) for u in sources)


def test_ids_unique_and_no_event_twice(events):
    assert events["id"].is_unique
    assert events["title"].str.casefold().is_unique
    assert not events.duplicated(["date", "actor", "category"]).any()


def test_spans_end_after_they_start(events):
    assert (events["stop"] >= events["start"]).all()


def test_companies_are_from_the_curated_list_in_companies_csv(events):
    from dashboard.data.companies import bundled_companies

    assert {c for cs in events["company_list"] for c in cs} <= set(bundled_companies())


def test_every_event_fills_the_columns_the_curation_policy_requires(events):
    for column in schema.CURATED_REQUIRED:
        assert (events[column] != "").all(), column
    assert all(events["source_list"].map(len))


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


def test_the_key_chains_are_linked(events):
    from dashboard.data.relations import Link, links

    found = set(links(events))
    for link in [
        Link("amazon-extends-rekognition-moratorium-indefinitely", "extends",
             "amazon-rekognition-police-moratorium"),
        Link("virginia-lifts-police-facial-recognition-ban", "reverses",
             "virginia-bans-local-police-facial-recognition"),
        Link("new-orleans-reverses-facial-recognition-ban", "reverses",
             "new-orleans-bans-facial-recognition"),
        Link("robert-williams-lawsuit", "follows-up", "robert-williams-wrongful-arrest"),
        Link("robert-williams-detroit-settlement", "follows-up", "robert-williams-lawsuit"),
        Link("amazon-disputes-rekognition-bias-audit", "responds-to", "actionable-auditing-study"),
        Link("actionable-auditing-study", "follows-up", "gender-shades-study"),
    ]:
        assert link in found, link


def test_links_point_back_in_time_and_the_count_is_documented(events):
    from dashboard.data.relations import links

    start = events.set_index("id")["start"]
    all_links = links(events)
    assert all(start[link.source] >= start[link.target] for link in all_links)
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    assert f"with {len(all_links)} links between them" in doc
    latest = next(line for line in doc.split("## Changelog", 1)[1].splitlines() if line.startswith("- **"))
    assert f"{len(all_links)} links" in latest  # the newest changelog entry gives the current count


def test_the_june_2020_decisions_claim_no_more_than_their_sources(events):
    """IBM's letter named George Floyd's death (`cites`); Amazon and Microsoft did not tie their decisions to
    the killing or the protests, so they have no links, and no decision `responds-to` anything
    (docs/verification.md)."""
    by_id = events.set_index("id")
    assert list(by_id.loc["ibm-exits-general-purpose-frt", "relation_list"]) == [
        ("cites", "george-floyd-killed-minneapolis")]
    for decision in ("amazon-rekognition-police-moratorium", "microsoft-no-frt-sales-to-us-police"):
        assert by_id.loc[decision, "relation_list"] == ()


def test_every_link_is_explained_in_the_verification_log(events):
    from dashboard.data.relations import links

    log = (ROOT / "docs" / "verification.md").read_text(encoding="utf-8")
    log = log.split("## Relations between events", 1)[1]
    for link in links(events):
        assert link.source in log and link.target in log, link
