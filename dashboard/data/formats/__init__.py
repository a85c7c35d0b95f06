"""Event file formats, detected from the content: this project's events CSV, a TimelineJS sheet saved as
CSV, and TimelineJS JSON. Every reader produces the same checked Report (validate.py).

Before the rows are checked, the reader says what the file looks like when it is not what was expected:
a title row above the header (the header is then read from its own line), a context series, a workbook.
"""

from __future__ import annotations

from datetime import date

from dashboard.data import schema
from dashboard.data.dates import read_date
from dashboard.data.errors import Problem
from dashboard.data.formats import events_csv, timelinejs
from dashboard.data.formats.budget import Budget
from dashboard.data.formats.csvtext import first_rows, read_table
from dashboard.data.limits import Limits
from dashboard.data.validate import Report

FORMATS = (events_csv.FORMAT, timelinejs.FORMAT_CSV, timelinejs.FORMAT_JSON)
EMPTY_HINT = (
    "start with a header row: at least date,title (this project's columns: "
    + ",".join(schema.COLUMN_NAMES)
    + ") or a TimelineJS sheet's (Year, Month, Day, ..., Headline, Text, ...)"
)
CONTEXT_HINT = ("load it as a context series instead: with --context on the command line, or as the context "
                "series in the browser's upload panel")
HEADER_SEARCH = 10  # rows a title or notes may take above the header


def _kind(header: list[str]) -> str:
    """Which reader a header row belongs to ('' when none)."""
    if timelinejs.is_timelinejs_header(header):
        return "timelinejs"
    known = events_csv.known_columns(header)
    return "events" if {"date", "title"} <= known else ""


def _number(value: str) -> bool:
    try:
        float(value.replace(",", ""))
    except ValueError:
        return False
    return True


def looks_like_context(rows: list[tuple[int, list[str]]]) -> bool:
    """A date and numbers per row, and nothing that could be a title: a context series."""
    if len(rows) < 2:
        return False
    header, body = rows[0][1], [cells for _, cells in rows[1:]]
    wordy = {"title", "headline", "text", "description", "event", "name", "summary"}
    if {h.casefold() for h in header} & wordy:
        return False

    def column(i: int) -> list[str]:
        return [c[i] for c in body if i < len(c) and c[i]]

    dated = [i for i in range(len(header)) if column(i) and all(
        read_date(v, named_months=True).value or read_date(v, named_months=True).problem for v in column(i))]
    numeric = [i for i in range(len(header)) if i not in dated and column(i) and all(map(_number, column(i)))]
    return bool(dated) and bool(numeric)


def _diagnose(rows: list[tuple[int, list[str]]], name: str) -> Problem:
    """The one problem of a file that is no events file, saying what it looks like."""
    line, header = rows[0] if rows else (1, [])
    shown = ", ".join(h for h in header if h)[:200]
    if looks_like_context(rows):
        return Problem(name, line, 1, "this looks like a context series (a date and numbers per row: "
                       f"{shown}), not a list of events", CONTEXT_HINT, "not an events file")
    if len([h for h in header if h]) <= 1 and len(rows) > 1:
        return Problem(name, line, 1, f"line {line} ('{shown}') looks like a title, and no header row "
                       f"follows in the next {HEADER_SEARCH} rows",
                       "start the file with the header row, at least date,title", "no header row")
    return Problem(
        name,
        line,
        1,
        f"the columns ({shown}) are neither this project's nor a TimelineJS sheet's",
        "name at least a date and a title column (date,title), or use a TimelineJS sheet with at least Year "
        "and Headline",
        "unknown format",
    )


def recognised(text: str) -> bool:
    """True when one of the first rows of `text` is a header this app knows (a workbook's sheet)."""
    return any(_kind(cells) for _, cells in first_rows(text, HEADER_SEARCH + 1))


def read_text(text: str, name: str, limits: Limits | None = None, *, day_order: str | None = None,
              as_of: date | None = None) -> Report:
    """Detect the format of `text` and check it; every problem carries the file, line and column.

    With `limits` (a user's upload), reading stops with one problem past the row or time limit;
    `day_order` (dates.DAY_FIRST or MONTH_FIRST) says how `03/04/2020` is read; `as_of` is the day an
    `ongoing` span runs to (default: today).
    """
    report = Report(events=None, as_of=as_of)
    budget = Budget(name, limits)
    if text.lstrip().startswith(("{", "[")):
        report = timelinejs.read_json(text, name, report, budget, day_order=day_order)
    else:
        rows = first_rows(text, HEADER_SEARCH + 1)
        at = next((i for i, (_, cells) in enumerate(rows) if _kind(cells)), None)
        loose = rows and len(events_csv.known_columns(rows[0][1])) >= 2
        if at is None and loose and not looks_like_context(rows):
            at = 0  # this project's columns without a title: the checker says what is missing
        if rows and at is None:
            report.errors.append(_diagnose(rows, name))
            report.diagnosis = report.errors[-1].problem
        else:
            if at:
                above = "; ".join(" ".join(c for c in cells if c)[:60] for _, cells in rows[:at])
                report.diagnosis = (f"line {rows[0][0]} looks like a title row above the header ('{above}'); "
                                    f"the header is read from line {rows[at][0]}")
                report.warnings.append(Problem(name, rows[0][0], 1, report.diagnosis,
                                               "start the file with the header row",
                                               "title row above the header"))
            table = read_table(text, name, report.errors, empty_hint=EMPTY_HINT, budget=budget, skip=at or 0)
            if table is not None:
                if timelinejs.is_timelinejs_header(table.header):
                    report = timelinejs.read_csv(table, name, report, budget, day_order=day_order)
                else:
                    report = events_csv.read(table, name, report, budget, day_order=day_order)
    if report.errors:
        report.events = None
    report.errors.sort(key=lambda p: (p.line, p.column))
    report.warnings.sort(key=lambda p: (p.line, p.column))
    return report
