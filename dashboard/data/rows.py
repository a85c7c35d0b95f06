"""The rows of a view as data: JSON-ready records and spreadsheet-safe CSV. Used by /api and `export`."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd

from dashboard.data import schema
from dashboard.data.safe import csv_cell


def columns(events: pd.DataFrame) -> list[str]:
    """The schema's columns, plus `group` when the data uses it (a TimelineJS file, your own CSV)."""
    optional = schema.ALL_COLUMN_NAMES[len(schema.COLUMN_NAMES):]
    extra = [c for c in optional if c in events and (events[c] != "").any()]
    return [*schema.COLUMN_NAMES, *extra]


def records(view: pd.DataFrame, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows with every schema column (or `names`), as strings, plus the date label and `ongoing` (a span
    with no end yet: `as_of` is the day it is known to be in force, the day it is drawn to)."""
    out = view[names or list(schema.COLUMN_NAMES)].to_dict(orient="records")
    ongoing = view["ongoing"] if "ongoing" in view else pd.Series(False, index=view.index)
    for rec, when, open_end, stop in zip(out, view["when"], ongoing, view["stop"], strict=True):
        rec["when"] = when
        rec["ongoing"] = bool(open_end)
        if open_end:
            rec["as_of"] = pd.Timestamp(stop).strftime("%Y-%m-%d")
    return out


def csv_text(view: pd.DataFrame, names: list[str] | None = None) -> str:
    """The schema's columns (or `names`) as CSV (CRLF lines); formula-like cells are neutralised."""
    names = names or list(schema.COLUMN_NAMES)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(names)
    for row in view[names].itertuples(index=False):
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()
