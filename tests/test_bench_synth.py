"""The benchmark's synthetic events load through the real loader: every row validates."""

from __future__ import annotations

import csv
import io

from bench import synth
from dashboard.data import schema
from dashboard.data.load import check_text


def test_synthetic_rows_validate_and_every_row_is_kept() -> None:
    text = synth.generate(600)
    report = check_text(text, "synthetic.csv")
    assert report.errors == [], [str(p) for p in report.errors[:3]]
    assert report.events is not None and len(report.events) == 600


def test_every_synthetic_row_has_as_many_fields_as_the_header() -> None:
    rows = list(csv.reader(io.StringIO(synth.generate(300))))
    assert rows[0] == list(schema.COLUMN_NAMES)
    assert {len(r) for r in rows} == {len(schema.COLUMN_NAMES)}
