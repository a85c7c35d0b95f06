"""A context series (e.g. protests per day) from a CSV, drawn as an area under the lanes.

Two shapes are accepted, detected from the columns (context_columns.py) or chosen (`date_column`,
`value_column`, `count_rows`), and the reading is always said in words ("summing 'events' per day",
"counting rows per day of 'EVENT_DATE'"):
- a date column and a numeric column: one value per day or per week (`date,protests`);
- one row per event (e.g. one protest per row, as ACLED exports them): rows are counted per day.
An identifier column is never summed. Rows without a date are counted and reported, never dropped
silently; a date that cannot be read, or is ambiguous like 03/04/2020 in a column that cannot tell, is an
error at its line and column.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dashboard.data import context_columns as cols
from dashboard.data.dates import infer_order, read_date
from dashboard.data.errors import DataError, Problem
from dashboard.data.formats.budget import Budget
from dashboard.data.formats.csvtext import Table, decode, read_table
from dashboard.data.limits import Limits

DATE_COLUMNS = cols.DATE_NAMES
COUNT_LABEL = "rows per day"
ENV_VAR = "FRT_CONTEXT"
MAX_POINTS = 20_000  # days (or weeks) of a series a browser may hold: about 55 years of days


@dataclass(frozen=True)
class Series:
    """Days (ISO) and their values; None is a gap. `period` is "day" or "week"; `kind` "value" or "count"."""

    dates: tuple[str, ...]
    values: tuple[float | None, ...]
    label: str
    period: str = "day"
    kind: str = "value"
    name: str = ""
    interpretation: str = ""  # how the file was read, e.g. "counting rows per day of 'EVENT_DATE'"

    def to_dict(self) -> dict[str, Any]:
        return {
            "dates": list(self.dates),
            "values": list(self.values),
            "label": self.label,
            "period": self.period,
            "kind": self.kind,
            "name": self.name,
            "interpretation": self.interpretation,
        }


@dataclass
class ContextReport:
    series: Series | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    summary: str = ""
    interpretation: str = ""  # "summing 'events' per day"
    columns: list[str] = field(default_factory=list)  # the header, for a browser's column menus


def _rows(n: int, verb: str) -> str:
    """'1 row has', '3 rows have' (verb given in the plural)."""
    singular = {"have": "has", "repeat": "repeats", "are": "is"}.get(verb, verb)
    return f"1 row {singular}" if n == 1 else f"{n} rows {verb}"


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:10])
    return shown + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")


CLI_CHOICES = {"date": "--context-date COLUMN", "value": "--context-value COLUMN", "count": "--context-count",
               "order": "--dayfirst or --monthfirst"}
NEUTRAL_CHOICES = {"date": "choose the date column", "value": "choose the value column",
                   "count": "choose to count rows", "order": "say whether days or months come first"}


def check_context(
    text: str,
    name: str = "context.csv",
    *,
    date_column: str | None = None,
    value_column: str | None = None,
    count_rows: bool = False,
    day_order: str | None = None,
    limits: Limits | None = None,
    choices: Mapping[str, str] = NEUTRAL_CHOICES,
) -> ContextReport:
    """Read a context CSV; every problem has its line and column, and `summary` says how it was read
    ("summing 'events' per day"). `choices` words the hints for the reader's way of choosing a column (the
    CLI's options, the browser's menus). With `limits` (an upload), reading stops with one problem past the
    row or time limit."""
    report = ContextReport(None)
    table = read_table(text, name, report.errors, empty_hint="start with a header row, e.g. date,protests",
                       budget=Budget(name, limits))
    if table is None:
        return report
    header = table.header
    report.columns = list(header)

    def missing(what: str, column: str) -> None:
        report.errors.append(
            Problem(name, table.header_line, len(header) + 1, f"there is no column '{column}'",
                    "the columns are: " + ", ".join(header), f"no such {what} column")
        )

    if date_column:
        date_at = cols.find(header, date_column)
        if date_at is None:
            missing("date", date_column)
    else:
        date_at = cols.date_column(table)
        if date_at is None:
            report.errors.append(
                Problem(name, table.header_line, 1, "no date column: no column is named like a date, and no "
                        "single column holds only days",
                        f"name the date column `date`, or {choices['date']}", "no date column")
            )
    value_at = None
    if value_column and not count_rows:
        value_at = cols.find(header, value_column)
        if value_at is None:
            missing("value", value_column)
        elif date_at is not None and (why := cols.id_like(table, value_at, rows_per_date=False)):
            report.errors.append(
                Problem(name, table.header_line, value_at + 1, f"{why}: adding it up per day means nothing",
                        f"{choices['value']} that holds a count or an amount, or {choices['count']}",
                        "identifier as value")
            )
    if report.errors or date_at is None:
        return report
    meaning = cols.interpret(table, date_at, value_at, count_rows=count_rows)
    days = _read_days(table, name, date_at, report, day_order)
    if meaning.value is None:
        _count(days, table, name, header[date_at], report)
    else:
        _values(days, table, name, date_at, meaning.value, report)
    period = report.series.period if report.series is not None else "day"
    report.interpretation = meaning.sentence(header, period)
    if report.interpretation:
        report.summary = (f"{report.interpretation}: {report.summary}" if report.summary
                          else report.interpretation)
    report.warnings += cols.left_out(meaning, name, table, choices)
    report.errors.sort(key=lambda p: (p.line, p.column))
    report.warnings.sort(key=lambda p: (p.line, p.column))
    if report.errors:
        report.series = None
    elif report.series is not None:
        report.series = Series(**{**report.series.__dict__, "name": name,
                                  "interpretation": report.interpretation})
    return report


def _read_days(
    table: Table, name: str, at: int, report: ContextReport, day_order: str | None = None
) -> list[tuple[int, date | None]]:
    """(line, day or None when the row has no date) for every row; unreadable dates are errors. `03/04/2020`
    is read in `day_order`, else in the order the column's other dates show."""
    days: list[tuple[int, date | None]] = []
    notes: list[tuple[int, str]] = []
    column = infer_order(cells[at] for _, cells in table.rows)
    order = day_order or column.order
    for line, cells in table.rows:
        raw = cells[at]
        if not raw:
            days.append((line, None))
            continue
        reading = read_date(raw, named_months=True, order=order)
        if reading.value is None or len(reading.value) != 10:
            report.errors.append(
                Problem(
                    name,
                    line,
                    at + 1,
                    reading.problem or f"'{raw}' is not a day",
                    reading.hint or "write days as YYYY-MM-DD, e.g. 2020-06-08",
                    reading.kind if reading.problem else "invalid date",
                )
            )
            continue
        if reading.note:
            notes.append((line, reading.note))
        days.append((line, date.fromisoformat(reading.value)))
    if notes:
        report.warnings.append(
            Problem(
                name,
                notes[0][0],
                at + 1,
                f"{len(notes)} dates were read from another format, e.g. {notes[0][1]}",
                "write dates as YYYY-MM-DD",
                "date read from another format",
            )
        )
    undated = [line for line, day in days if day is None]
    if undated:
        report.warnings.append(
            Problem(
                name,
                undated[0],
                at + 1,
                f"{_rows(len(undated), 'have')} no date: not counted (line {_lines(undated)})",
                "fill in the date to count them",
                "row without a date",
            )
        )
    return days


def _count(
    days: list[tuple[int, date | None]], table: Table, name: str, column: str, report: ContextReport
) -> None:
    counts = Counter(day for _, day in days if day is not None)
    if not counts:
        report.errors.append(
            Problem(
                name, table.header_line, 1, "no row has a date", "fill in the date column", "no dated rows"
            )
        )
        return
    first, last = min(counts), max(counts)
    all_days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    report.series = Series(
        tuple(d.isoformat() for d in all_days),
        tuple(float(counts.get(d, 0)) for d in all_days),
        COUNT_LABEL,
        "day",
        "count",
    )
    report.summary = f"{sum(counts.values())} rows, {first:%-d %B %Y} to {last:%-d %B %Y}"


def _values(
    days: list[tuple[int, date | None]],
    table: Table,
    name: str,
    date_at: int,
    value_at: int,
    report: ContextReport,
) -> None:
    column = table.header[value_at]
    cells = {line: row for line, row in table.rows}
    totals: dict[date, float | None] = {}
    repeated: list[int] = []
    empty: list[int] = []
    for line, day in days:
        raw = cells[line][value_at]
        if day is None:
            continue
        value = cols.number(raw) if raw else None
        if raw and value is None:
            report.errors.append(
                Problem(
                    name,
                    line,
                    value_at + 1,
                    f"'{raw}' in '{column}' is not a number",
                    "write plain numbers such as 12 or 3.5, without thousands separators",
                    "not a number",
                )
            )
            continue
        if value is None:
            empty.append(line)
        if day in totals:
            repeated.append(line)
            previous = totals[day]
            totals[day] = value if previous is None else previous + (value or 0)
        else:
            totals[day] = value
    if empty:
        report.warnings.append(
            Problem(
                name,
                empty[0],
                value_at + 1,
                f"{_rows(len(empty), 'have')} no value in '{column}': drawn as gaps (line {_lines(empty)})",
                "fill in 0 if none",
                "row without a value",
            )
        )
    if repeated:
        report.warnings.append(
            Problem(
                name,
                repeated[0],
                date_at + 1,
                f"{_rows(len(repeated), 'repeat')} an earlier "
                f"date: their values are added (line {_lines(repeated)})",
                "give each date one row",
                "repeated date",
            )
        )
    if not totals:
        report.errors.append(
            Problem(
                name, table.header_line, 1, "no row has a date", "fill in the date column", "no dated rows"
            )
        )
        return
    ordered = sorted(totals)
    steps = {(b - a).days for a, b in zip(ordered, ordered[1:], strict=False)}
    period = (
        "week"
        if len(ordered) >= 3 and steps and all(s % 7 == 0 for s in steps) and min(steps) == 7
        else "day"
    )
    report.series = Series(
        tuple(d.isoformat() for d in ordered), tuple(totals[d] for d in ordered), column, period
    )
    report.summary = f"{len(ordered)} {period}s, {ordered[0]:%-d %B %Y} to {ordered[-1]:%-d %B %Y}"


def read_context_bytes(
    raw: bytes, name: str, *, limits: Limits | None = None, **options: Any
) -> ContextReport:
    """Check the bytes of a context CSV (an upload: pass `limits`); any bytes give a report."""
    if limits is not None:
        too_big = limits.size_problem(len(raw), name)
        if too_big is not None:
            return ContextReport(None, [too_big])
    try:
        text = decode(raw, name)
    except DataError as exc:
        return ContextReport(None, list(exc.problems))
    return check_context(text, name, limits=limits, **options)


def read_context(path: str | os.PathLike[str], **options: Any) -> ContextReport:
    """Read and check a context CSV (read-only); `options` are check_context's (date_column,
    value_column, count_rows, day_order, choices)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        return ContextReport(
            None,
            [
                Problem(
                    str(p),
                    0,
                    0,
                    f"cannot read the file: {exc.strerror or exc}",
                    "check the path and its permissions",
                )
            ],
        )
    return read_context_bytes(raw, p.name, **options)


def load_context(path: str | os.PathLike[str], **options: Any) -> Series:
    """The series of a context CSV, or DataError listing every problem with its location (`options` as for
    `read_context`)."""
    report = read_context(path, **options)
    if report.errors or report.series is None:
        raise DataError(report.errors)
    return report.series


def series_from_dict(data: Any, max_points: int = MAX_POINTS) -> Series | None:
    """A Series from its `to_dict` form (e.g. from a browser's store); None when it is not one (or longer
    than `max_points`)."""
    dates = data.get("dates") if isinstance(data, dict) else None
    if not isinstance(dates, list) or len(dates) > max_points:
        return None
    try:
        dates = tuple(date.fromisoformat(str(d)).isoformat() for d in data["dates"])
        values = tuple(None if v is None else float(v) for v in data["values"])
        if len(dates) != len(values) or not dates:
            return None
        return Series(
            dates,
            values,
            str(data.get("label", ""))[:80],
            "week" if data.get("period") == "week" else "day",
            "count" if data.get("kind") == "count" else "value",
            str(data.get("name", ""))[:200],
            str(data.get("interpretation", ""))[:200],
        )
    except (KeyError, TypeError, ValueError):
        return None
