"""Companies are data: any file may name any company; the bundled list is a checked data file."""

from __future__ import annotations

import pytest

from dashboard.data.companies import LIST_FILE, bundled_companies, name_key, near_duplicates, read_list
from dashboard.data.load import check_text

from .conftest import ROOT


def test_the_bundled_list_is_a_clean_data_file_next_to_events_csv():
    text = (ROOT / LIST_FILE).read_text(encoding="utf-8")
    names, problems = read_list(text)
    assert problems == []
    assert names == bundled_companies() and len(names) == 16
    assert list(names) == sorted(names, key=str.casefold)


def test_the_wheel_ships_the_list_next_to_events_csv():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"companies.csv" = "dashboard/_bundled/companies.csv"' in pyproject


@pytest.mark.parametrize(("a", "b"), [("Amazon", "amazon.com"), ("Amazon", " AMAZON "),
                                      ("Clearview AI", "Clearview  AI, Inc."), ("Rite Aid", "Rite-Aid")])
def test_spellings_of_one_company_share_a_key(a, b):
    assert name_key(a) == name_key(b)
    assert near_duplicates([a, b, "IBM"]) == [[a, b]]


def test_different_companies_do_not(ibm="IBM"):
    assert near_duplicates(["Clearview AI", "Clearview", "Meta", "Metal", ibm]) == []


def test_a_list_with_a_repeated_or_near_duplicate_name_is_reported():
    names, problems = read_list("company,note\nAmazon,\namazon.com,\nAmazon,\n,\n")
    assert names == ("Amazon", "amazon.com")
    assert [(p.line, p.kind) for p in problems] == [(4, "repeated name"), (5, "empty name"),
                                                    (3, "similar company names")]


def test_any_company_loads_and_near_duplicates_are_warnings_not_errors():
    text = ("date,title,companies\n2020-01-01,One,Acme Corp\n2020-02-01,Two,Palantir;Hikvision\n"
            "2020-03-01,Three,acme corp\n")
    report = check_text(text, "own.csv")
    assert report.errors == []
    assert {c for cs in report.events["company_list"] for c in cs} == {"Acme Corp", "acme corp", "Palantir",
                                                                      "Hikvision"}
    assert [str(w) for w in report.warnings if w.kind == "similar company names"] == [
        "own.csv:4:3: these company names differ only in case, spacing, punctuation or a suffix: 'Acme Corp' "
        "(line 2); 'acme corp' (line 4); each is drawn as its own lane (write the company the same way "
        "everywhere)"]


def test_forty_companies_get_a_readable_set_of_lanes_and_a_filter_draws_any_of_them():
    import datetime as dt

    from dashboard.figures.timeline import MAX_COMPANY_LANES, placements

    rows = ["date,title,companies"]
    for n in range(40):
        rows += [f"{dt.date(2020, 1, 1) + dt.timedelta(days=d)},Event {n}-{d},Company {n:02d}"
                 for d in range(40 - n)]
    rows.append("2020-02-01,Shared,Company 38;Company 39")
    events = check_text("\n".join(rows) + "\n", "forty.csv").events
    placed = placements(events)
    lanes = placed.attrs["lanes"]
    assert len(lanes) == MAX_COMPANY_LANES
    assert lanes[-1] == "Other companies" and "Company 00" in lanes and "Company 39" not in lanes
    shared = events.index[events["title"] == "Shared"][0]
    assert list(placed.loc[placed["idx"] == shared, "lane"]) == ["Other companies"]  # drawn once there
    chosen = placements(events, companies=["Company 39", "Company 00"])
    assert set(chosen.attrs["lanes"]) == {"Company 39", "Company 00"}
