"""This project's events CSV (the schema in schema.py) -> a checked Report.

Only `date` and `title` are required; every other column has a documented default (docs/data.md). Column
names are matched case-insensitively (`Date`, `End date`). A column the schema does not know is left out
with a warning, never an error: your own columns do not stop a file.
"""

from __future__ import annotations

import difflib
import re

from dashboard.data.dates import ColumnOrder, infer_order, read_date
from dashboard.data.errors import Problem
from dashboard.data.formats.budget import Budget
from dashboard.data.formats.csvtext import Table
from dashboard.data.formats.slides import slugify
from dashboard.data.schema import ALL_COLUMN_NAMES, REQUIRED
from dashboard.data.validate import Checker, Report, Row

FORMAT = "events CSV"
DATE_COLUMNS = ("date", "end_date")
# Names other files use for a required column: suggested in the hint, never taken silently.
SYNONYMS = {
    "title": ("headline", "name", "event", "summary", "what", "label"),
    "date": ("start_date", "start", "when", "day", "event_date", "year"),
}


def column_key(name: str) -> str:
    """'End Date', 'end-date' and 'end_date' are one column."""
    return re.sub(r"[\s\-]+", "_", name.strip().casefold())


def known_columns(header: list[str]) -> set[str]:
    return {column_key(h) for h in header} & set(ALL_COLUMN_NAMES)


def check_header(
    header: list[str], name: str, line: int, errors: list[Problem], warnings: list[Problem] | None = None
) -> dict[str, int]:
    """Column name -> 1-based position; a repeated or missing required column is an error, an unknown one a
    warning (it is left out)."""
    position: dict[str, int] = {}
    unknown: list[str] = []
    for i, col in enumerate(header, start=1):
        k = column_key(col)
        if k not in ALL_COLUMN_NAMES:
            unknown.append(col)
            close = difflib.get_close_matches(k, ALL_COLUMN_NAMES, n=1, cutoff=0.8)
            if warnings is not None and col:
                warnings.append(
                    Problem(
                        name,
                        line,
                        i,
                        f"column '{col}' is not one of this project's columns; it is left out",
                        f"did you mean '{close[0]}'?" if close
                        else "known columns: " + ", ".join(ALL_COLUMN_NAMES),
                        "column left out",
                    )
                )
        elif k in position:
            errors.append(
                Problem(name, line, i, f"column '{col}' appears twice", "keep one of them", "repeated column")
            )
        else:
            position[k] = i
    for col in sorted(REQUIRED):
        if col not in position:
            keys = {column_key(u): u for u in unknown}
            close = [keys[k] for k in SYNONYMS.get(col, ()) if k in keys]
            close = close or [keys[k] for k in difflib.get_close_matches(col, list(keys), n=1, cutoff=0.6)]
            errors.append(
                Problem(
                    name,
                    line,
                    len(header) + 1,
                    f"required column '{col}' is missing",
                    f"rename '{close[0]}' to '{col}'" if close else
                    "add it to the header row (a file needs at least date,title)",
                    "missing column",
                )
            )
    return position


def column_orders(table: Table, position: dict[str, int], stated: str | None) -> dict[str, ColumnOrder]:
    """How each date column writes `03/04/2020`: as the user stated, or as the column's other dates show."""
    if stated is not None:
        return {col: ColumnOrder(stated, "as stated") for col in DATE_COLUMNS}
    return {
        col: infer_order(cells[position[col] - 1] for _, cells in table.rows)
        for col in DATE_COLUMNS
        if col in position
    }


def order_notes(
    orders: dict[str, ColumnOrder], name: str, line: int, position: dict[str, int]
) -> list[Problem]:
    """One warning per column whose day/month order was inferred, naming the value that decided it."""
    return [
        Problem(
            name,
            line,
            position.get(col, 1),
            f"dates in '{col}' are read {o.order}, as '{o.evidence}' shows",
            "state the order if that is wrong",
            "date order inferred",
        )
        for col, o in orders.items()
        if o.order is not None and o.evidence != "as stated"
    ]


def made_ids(rows: list[tuple[int, dict[str, str]]], orders: dict[str, ColumnOrder]) -> dict[int, str]:
    """line -> an id made from the date and title for every row without one; unique within the file (a
    repeat gets -2, -3...) and never one of the ids the file gives."""
    taken = {v.get("id", "") for _, v in rows}
    made: dict[int, str] = {}
    for line, v in rows:
        if v.get("id"):
            continue
        raw = v.get("date", "")
        day = read_date(raw, order=orders.get("date", ColumnOrder(None)).order).value or raw
        day = f"{day[1:]} bce" if day.startswith("-") else day  # '-0500' would read as the year 500
        base = slugify(f"{day} {v.get('title', '')}")
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        made[line] = candidate
    return made


def read(
    table: Table, name: str, report: Report, budget: Budget | None = None, *, day_order: str | None = None
) -> Report:
    """Check a table whose header is in this project's schema (rows the table could not read are already
    in the report; every other row is still checked)."""
    report.format = FORMAT
    header_errors: list[Problem] = []
    position = check_header(table.header, name, table.header_line, header_errors, report.warnings)
    if header_errors:
        report.errors.extend(header_errors)
        return report
    orders = column_orders(table, position, day_order)
    report.warnings += order_notes(orders, name, table.header_line, position)
    checker = Checker(name, report, orders=orders)
    rows: list[tuple[int, dict[str, str]]] = []
    for line, cells in table.rows:
        if budget is not None and budget.late(line, report.errors):
            break
        rows.append((line, {col: cells[i - 1] for col, i in position.items()}))
    ids = made_ids(rows, orders)
    columns = dict(position)
    if ids:
        columns.setdefault("id", 1)
        report.notes.append(
            f"{len(ids)} event{'s have' if len(ids) != 1 else ' has'} no id: made from the date and title "
            f"(e.g. '{next(iter(ids.values()))}')"
        )
    for line, values in rows:
        if line in ids:
            values["id"] = ids[line]
        checker.check(Row(line, values, columns))
    return checker.finish()
