"""Event file formats, detected from the content: this project's events CSV, a TimelineJS sheet saved as
CSV, and TimelineJS JSON. Every reader produces the same checked Report (validate.py)."""

from __future__ import annotations

from dashboard.data import schema
from dashboard.data.errors import Problem
from dashboard.data.formats import events_csv, timelinejs
from dashboard.data.formats.budget import Budget
from dashboard.data.formats.csvtext import read_table
from dashboard.data.limits import Limits
from dashboard.data.validate import Report

FORMATS = (events_csv.FORMAT, timelinejs.FORMAT_CSV, timelinejs.FORMAT_JSON)
EMPTY_HINT = (
    "start with a header row: this project's columns ("
    + ",".join(schema.COLUMN_NAMES)
    + ") or a TimelineJS sheet's (Year, Month, Day, ..., Headline, Text, ...)"
)


def read_text(text: str, name: str, limits: Limits | None = None) -> Report:
    """Detect the format of `text` and check it; every problem carries the file, line and column.

    With `limits` (a user's upload), reading stops with one problem past the row or time limit.
    """
    report = Report(events=None)
    budget = Budget(name, limits)
    if text.lstrip().startswith(("{", "[")):
        report = timelinejs.read_json(text, name, report, budget)
    else:
        table = read_table(text, name, report.errors, empty_hint=EMPTY_HINT, budget=budget)
        if table is not None:
            if timelinejs.is_timelinejs_header(table.header):
                report = timelinejs.read_csv(table, name, report, budget)
            elif set(table.header) & set(schema.ALL_COLUMN_NAMES):
                report = events_csv.read(table, name, report, budget)
            else:
                report.errors.append(
                    Problem(
                        name,
                        table.header_line,
                        1,
                        "the columns are neither this project's nor a TimelineJS sheet's",
                        "use the empty template (columns "
                        + ", ".join(schema.COLUMN_NAMES)
                        + "), or a TimelineJS sheet with at least Year and Headline",
                        "unknown format",
                    )
                )
    if report.errors:
        report.events = None
    report.errors.sort(key=lambda p: (p.line, p.column))
    report.warnings.sort(key=lambda p: (p.line, p.column))
    return report
