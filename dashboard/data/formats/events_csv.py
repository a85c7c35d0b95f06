"""This project's events CSV (the schema in schema.py) -> a checked Report."""

from __future__ import annotations

from dashboard.data.errors import Problem
from dashboard.data.formats.budget import Budget
from dashboard.data.formats.csvtext import Table
from dashboard.data.schema import ALL_COLUMN_NAMES, COLUMN_NAMES, REQUIRED
from dashboard.data.validate import Checker, Report, Row

FORMAT = "events CSV"


def check_header(header: list[str], name: str, line: int, errors: list[Problem]) -> dict[str, int]:
    """Column name -> 1-based position; unknown, repeated and missing required columns are errors."""
    position: dict[str, int] = {}
    for i, col in enumerate(header, start=1):
        if col not in ALL_COLUMN_NAMES:
            errors.append(
                Problem(
                    name,
                    line,
                    i,
                    f"unknown column '{col}'" if col else "a column has no name",
                    "allowed columns: " + ", ".join(ALL_COLUMN_NAMES),
                    "unknown column",
                )
            )
        elif col in position:
            errors.append(
                Problem(name, line, i, f"column '{col}' appears twice", "keep one of them", "repeated column")
            )
        else:
            position[col] = i
    for col in COLUMN_NAMES:
        if col in REQUIRED and col not in position:
            errors.append(
                Problem(
                    name,
                    line,
                    len(header) + 1,
                    f"required column '{col}' is missing",
                    "add it to the header row",
                    "missing column",
                )
            )
    return position


def read(table: Table, name: str, report: Report, budget: Budget | None = None) -> Report:
    """Check a table whose header is in this project's schema (rows the table could not read are already
    in the report; every other row is still checked)."""
    report.format = FORMAT
    header_errors: list[Problem] = []
    position = check_header(table.header, name, table.header_line, header_errors)
    if header_errors:
        report.errors.extend(header_errors)
        return report
    checker = Checker(name, report)
    for line, cells in table.rows:
        if budget is not None and budget.late(line, report.errors):
            break
        checker.check(Row(line, {col: cells[i - 1] for col, i in position.items()}, dict(position)))
    return checker.finish()
