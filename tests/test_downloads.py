"""Templates and the schema for people bringing their own data, built from schema.py."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.data import schema
from dashboard.data.formats.timelinejs import COLUMNS
from dashboard.data.load import check_text


@pytest.fixture
def client(valid_csv):
    return create_app(valid_csv).server.test_client()


def test_the_empty_template_has_every_column_and_loads(client):
    response = client.get("/download/template.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.strip() == ",".join(schema.ALL_COLUMN_NAMES)
    report = check_text(text, "template.csv")
    assert report.errors == [] and len(report.events) == 0


def test_the_timelinejs_and_context_templates(client):
    assert client.get("/download/timelinejs-template.csv").get_data(as_text=True).strip() == ",".join(COLUMNS)
    assert client.get("/download/context-template.csv").get_data(as_text=True).strip() == "date,protests"


def test_the_schema_document_matches_the_schema(client):
    doc = client.get("/download/schema.json").get_json()
    columns = doc["events_csv"]["columns"]
    assert [c["name"] for c in columns] == list(schema.ALL_COLUMN_NAMES)
    assert {c["name"] for c in columns if c["required"]} == set(schema.REQUIRED)
    assert doc["events_csv"]["categories"] == schema.CATEGORIES
    assert doc["limits_in_the_browser"]["events"] == 5000
    assert doc["limits_in_the_browser"]["bytes"] == 4_000_000
