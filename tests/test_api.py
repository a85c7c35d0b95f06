"""Routes through app.server.test_client(): the page, the JSON/CSV twins of a view, bad parameters."""

from __future__ import annotations

import csv
import io
import re

import pytest

from dashboard.app import create_app


@pytest.fixture
def client(valid_csv):
    return create_app(valid_csv).server.test_client()


def test_page_has_lang_title_and_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "<title>Big tech and facial recognition: a timeline</title>" in html
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_page_loads_no_external_resources(client):
    html = client.get("/").get_data(as_text=True)
    for tag in ('src="http', "src='http"):
        assert tag not in html
    # The only absolute link is the oEmbed discovery link, to this app itself.
    assert re.findall(r'href="(http[^"]*)"', html) == [
        "http://localhost/oembed?url=http%3A%2F%2Flocalhost%2F&amp;format=json"]
    assert "/assets/style.css" in html


def test_json_twin_with_filters(client):
    data = client.get("/api/events.json?company=IBM&context=0").get_json()
    assert [e["id"] for e in data["events"]] == ["study-month", "ibm-exit"]
    version = data["meta"].pop("version")  # the data version (tests/test_gunicorn.py)
    assert len(version) == 12
    assert data["meta"] == {"source": "valid.csv", "total": 7, "count": 2,
                            "filters": {"company": ["IBM"], "context": ["0"]}, "notices": []}
    assert set(data["events"][0]) >= {"id", "date", "end_date", "title", "description", "category", "actor",
                                      "companies", "location", "sources", "when"}


def test_csv_twin_has_every_column_and_the_filtered_rows(client):
    response = client.get("/api/events.csv?category=decision&start=2020-06-09")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["id"] for r in rows] == ["amazon-pause", "ms-no-police"]
    assert rows[0]["end_date"] == "2021-06-10"


def test_bad_parameters_never_500(client):
    for query in ("start=yesterday", "company=%00", "category=&category=x", "q=" + "x" * 5000,
                  "event=../../etc/passwd", "context=%FF", "start=2020-02-30&end=1"):
        response = client.get("/api/events.json?" + query)
        assert response.status_code == 200, query
    data = client.get("/api/events.json?company=Initech&start=soon").get_json()
    assert data["meta"]["count"] == 7
    assert data["meta"]["notices"] == ["Ignored start='soon': dates are written YYYY-MM-DD.",
                                       "Ignored unknown company 'Initech'."]


def test_csv_export_neutralises_formulas(write_csv):
    path = write_csv('x,2020,,=HYPERLINK("http://evil"),"@SUM(A1)",decision,+cmd,,-1,https://e.org\n')
    client = create_app(path).server.test_client()
    row = next(csv.DictReader(io.StringIO(client.get("/api/events.csv").get_data(as_text=True))))
    assert row["title"] == "'=HYPERLINK(\"http://evil\")"
    assert row["description"] == "'@SUM(A1)"
    assert row["actor"] == "'+cmd"
    assert row["location"] == "-1"  # a number stays a number (tests/test_security_csv.py)
    assert client.get("/api/events.json").get_json()["events"][0]["title"] == '=HYPERLINK("http://evil")'


def test_related_column_is_in_both_twins(client):
    data = client.get("/api/events.json?company=IBM&context=0").get_json()
    assert all(e["related"] == "" for e in data["events"])
    rows = list(csv.reader(io.StringIO(client.get("/api/events.csv").get_data(as_text=True))))
    assert rows[0][-1] == "related"


def test_a_tour_step_gives_the_rows_of_its_view():
    from .conftest import DATA

    client = create_app(DATA / "related.csv", story_path=DATA / "story.csv").server.test_client()
    data = client.get("/api/events.json?step=2").get_json()
    assert [e["id"] for e in data["events"]] == ["floyd-killed", "protest-wave", "ibm-exit", "amazon-pause",
                                                 "ms-no-police"]
    assert data["meta"]["filters"]["step"] == ["2"]
    assert data["meta"]["filters"]["anchor"] == ["floyd-killed"]
    assert client.get("/api/events.json?step=9").get_json()["meta"]["notices"] == [
        "There is no step 9: the tour has 3 steps."]


def test_theme_is_a_display_choice_not_a_filter(client):
    meta = client.get("/api/events.json?category=decision&theme=dark").get_json()["meta"]
    assert meta["filters"] == {"category": ["decision"]}
    assert meta["count"] == 3 and meta["notices"] == []


def test_page_has_one_contentinfo_and_a_skip_link_to_the_timeline(client):
    html = client.get("/").get_data(as_text=True)
    # Dash's scripts sit in a plain div; the app's own footer is the only one
    assert html.count("<footer") == 0
    assert '<a class="skip-link" href="#timeline-section">Skip to the timeline</a>' in html


def test_json_twin_downloads_as_a_file_named_after_the_view_like_the_csv(client):
    query = "?company=IBM&start=2020-01-01"
    response = client.get("/api/events.json" + query)
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="frt-timeline-ibm-2020-01-01-to-end.json"')
    csv_name = client.get("/api/events.csv" + query).headers["Content-Disposition"].split("filename=")[1]
    assert csv_name == '"frt-timeline-ibm-2020-01-01-to-end.csv"'
    assert "ibm-exit" in [e["id"] for e in response.get_json()["events"]]  # still the JSON of the view
