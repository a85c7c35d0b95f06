"""The rows of a view as data: JSON-ready records and spreadsheet-safe CSV. Used by /api and `export`."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd

from . import schema
from .text import csv_cell


def records(view: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows with every schema column, as strings, plus the date label."""
    out = view[list(schema.COLUMN_NAMES)].to_dict(orient="records")
    for rec, when in zip(out, view["when"], strict=True):
        rec["when"] = when
    return out


def csv_text(view: pd.DataFrame) -> str:
    """The schema's columns as CSV (CRLF lines); formula-like cells are neutralised for spreadsheets."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(schema.COLUMN_NAMES)
    for row in view[list(schema.COLUMN_NAMES)].itertuples(index=False):
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()
