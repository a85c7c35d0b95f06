"""Read an events CSV into a validated, typed, sorted DataFrame. Never writes; raises DataError.

Every problem is collected (not only the first) so a user fixes a file in one pass, and each names the
file, line and column. Rows are never dropped silently: a row that cannot be used is an error.
"""

from __future__ import annotations

import calendar
import csv
import io
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import schema
from .errors import DataError, Problem
from .limits import Limits
from .text import is_http_url

ENV_VAR = "FRT_EVENTS"


def bundled_path(name: str = "events.csv") -> Path:
    """The bundled file: inside an installed wheel, or at the repository root in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_bundled" / name
    return packaged if packaged.exists() else here.parent / name


def default_events_path() -> Path:
    """`FRT_EVENTS` if set, else the bundled `events.csv`."""
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else bundled_path()


@dataclass
class Report:
    """What checking a file found: the table (when usable), errors and warnings."""

    events: pd.DataFrame | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Period:
    """A date at its precision: the first and last day it covers."""

    first: date
    last: date
    precision: str  # "year" | "month" | "day"


def parse_period(value: str) -> Period | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` -> Period, or None when malformed or not a calendar date."""
    m = schema.DATE_RE.match(value)
    if not m:
        return None
    year = int(m["year"])
    try:
        if m["day"]:
            d = date(year, int(m["month"]), int(m["day"]))
            return Period(d, d, "day")
        if m["month"]:
            month = int(m["month"])
            last = calendar.monthrange(year, month)[1]
            return Period(date(year, month, 1), date(year, month, last), "month")
        return Period(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError:
        return None


def period_label(period: Period) -> str:
    """A date written at its precision: '8 June 2020', 'June 2020' or '2020', never a made-up day."""
    d = period.first
    if period.precision == "day":
        return f"{d.day} {d:%B %Y}"
    if period.precision == "month":
        return f"{d:%B %Y}"
    return f"{d:%Y}"


def when_label(date_value: str, end_value: str = "") -> str:
    """The label of a date or span, e.g. '10 June 2020 – May 2021'."""
    start = parse_period(date_value)
    if start is None:
        return date_value
    end = parse_period(end_value) if end_value else None
    return period_label(start) if end is None else f"{period_label(start)} – {period_label(end)}"


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (a byte-order mark is allowed) or a DataError naming the byte offset and the likely encoding."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        likely = "Windows-1252 or Latin-1" if _decodes(raw, "cp1252") else "an encoding other than UTF-8"
        raise DataError(
            [
                Problem(
                    name,
                    line,
                    column,
                    f"byte offset {exc.start}: byte 0x{raw[exc.start]:02x} is not valid UTF-8; "
                    f"the file looks like {likely}",
                    "save the file as UTF-8 (a spreadsheet's 'CSV UTF-8' format), then load it again",
                )
            ]
        ) from None


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def check_text(text: str, name: str = "events.csv", limits: Limits | None = None) -> Report:
    """Validate CSV text against the schema; return every error and warning with its location.

    With `limits` (a user's upload), reading stops with an error past the row limit or the time limit.
    """
    report = Report(events=None)
    deadline = limits.start() if limits is not None else None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        report.errors.append(Problem(name, 1, 1, "the file is empty", "start with the header row: "
                                     + ",".join(schema.COLUMN_NAMES)))
        return report
    except csv.Error as exc:
        report.errors.append(Problem(name, 1, 1, f"cannot read the header: {exc}", "check the quoting"))
        return report
    header = [h.strip() for h in header]
    position = _check_header(header, name, report)
    if report.errors:
        return report

    records: list[dict[str, object]] = []
    seen_ids: dict[str, int] = {}
    rows = 0
    while True:
        line = reader.line_num + 1
        late = deadline.problem(name, line) if deadline is not None else None
        if late is not None:
            report.errors.append(late)
            break
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            report.errors.append(Problem(name, line, 1, f"cannot read this row: {exc}",
                                         "check for an unbalanced double quote"))
            break
        if not any(cell.strip() for cell in row):
            continue  # a blank line carries no event
        rows += 1
        too_many = limits.rows_problem(rows, name, line) if limits is not None else None
        if too_many is not None:
            report.errors.append(too_many)
            break
        if len(row) != len(header):
            report.errors.append(
                Problem(name, line, min(len(row), len(header)) + 1,
                        f"this row has {len(row)} fields but the header has {len(header)}",
                        "quote fields that contain commas, and check for missing or extra commas")
            )
            continue
        values = {col: row[i].strip() for col, i in position.items()}
        record = _check_row(values, position, name, line, seen_ids, report)
        if record is not None:
            records.append(record)
    if not report.errors:
        report.events = _frame(records)
    return report


def _check_header(header: list[str], name: str, report: Report) -> dict[str, int]:
    position: dict[str, int] = {}
    for i, col in enumerate(header):
        if col not in schema.COLUMN_NAMES:
            report.errors.append(Problem(name, 1, i + 1, f"unknown column '{col}'",
                                         "allowed columns: " + ", ".join(schema.COLUMN_NAMES)))
        elif col in position:
            report.errors.append(Problem(name, 1, i + 1, f"column '{col}' appears twice", "keep one of them"))
        else:
            position[col] = i
    for col in schema.COLUMN_NAMES:
        if col in schema.REQUIRED and col not in position:
            report.errors.append(Problem(name, 1, len(header) + 1, f"required column '{col}' is missing",
                                         "add it to the header row"))
    return position


def _check_row(
    v: dict[str, str],
    position: dict[str, int],
    name: str,
    line: int,
    seen_ids: dict[str, int],
    report: Report,
) -> dict[str, object] | None:
    errors_before = len(report.errors)

    def err(col: str, problem: str, hint: str = "") -> None:
        report.errors.append(Problem(name, line, position.get(col, 0) + 1, problem, hint))

    for col in schema.REQUIRED:
        if not v.get(col):
            err(col, f"'{col}' is empty", "every event needs a value here")

    event_id = v.get("id", "")
    if event_id and not schema.ID_RE.match(event_id):
        err("id", f"id '{event_id}' is not a slug", "use lowercase letters, digits and single hyphens")
    elif event_id in seen_ids:
        err("id", f"id '{event_id}' is already used on line {seen_ids[event_id]}", "ids must be unique")
    elif event_id:
        seen_ids[event_id] = line

    start = parse_period(v["date"]) if v.get("date") else None
    if v.get("date") and start is None:
        err("date", f"date '{v['date']}' is not a valid YYYY, YYYY-MM or YYYY-MM-DD date",
            "write e.g. 2020-06-08, or 2020-06 when only the month is known")
    end = None
    if v.get("end_date"):
        end = parse_period(v["end_date"])
        if end is None:
            err("end_date", f"end_date '{v['end_date']}' is not a valid YYYY, YYYY-MM or YYYY-MM-DD date",
                "write e.g. 2021-06-10, or leave it empty")
        elif start is not None and end.last < start.first:
            err("end_date", f"end_date {v['end_date']} is before date {v['date']}",
                "swap them, or leave end_date empty")

    if len(v.get("title", "")) > schema.MAX_TITLE:
        err("title", f"title is {len(v['title'])} characters long", f"shorten it to {schema.MAX_TITLE}")
    category = v.get("category", "")
    if category and category not in schema.CATEGORIES:
        err("category", f"unknown category '{category}'", "use one of: " + ", ".join(schema.CATEGORIES))

    companies = tuple(c.strip() for c in v.get("companies", "").split(schema.LIST_SEP) if c.strip())
    for company in companies:
        if company not in schema.COMPANIES:
            err("companies", f"unknown company '{company}'",
                "use names from the documented list: " + ", ".join(schema.COMPANIES))
    if len(set(companies)) != len(companies):
        err("companies", "a company is listed twice", "list each company once")

    sources = tuple(v.get("sources", "").split())
    for url in sources:
        if not is_http_url(url):
            report.warnings.append(Problem(name, line, position["sources"] + 1,
                                           f"source '{url}' is not an http(s) URL; it is shown as plain text",
                                           "use a full https:// address"))
    if sources and not any(is_http_url(u) for u in sources):
        err("sources", "no source is an http(s) URL", "cite at least one https:// address")

    if len(report.errors) > errors_before or start is None:
        return None
    stop = (end or start).last
    return {
        **{col: v.get(col, "") for col in schema.COLUMN_NAMES},
        "start": start.first,
        "stop": stop,
        "precision": start.precision,
        "when": period_label(start) if end is None else f"{period_label(start)} – {period_label(end)}",
        "company_list": companies,
        "source_list": sources,
        "line": line,
    }


def _frame(records: list[dict[str, object]]) -> pd.DataFrame:
    columns = [*schema.COLUMN_NAMES, "start", "stop", "precision", "when", "company_list", "source_list", "line"]
    df = pd.DataFrame.from_records(records, columns=columns)
    for col in schema.COLUMN_NAMES:
        df[col] = df[col].astype(object)
    df["start"] = pd.to_datetime(df["start"])
    df["stop"] = pd.to_datetime(df["stop"])
    df = df.sort_values(["start", "id"], kind="stable").reset_index(drop=True)
    return df


def read_bytes(raw: bytes, name: str = "events.csv", limits: Limits | None = None) -> Report:
    """Check the bytes of a file (an upload: pass `limits`); any bytes give a report, never an exception."""
    if limits is not None:
        too_big = limits.size_problem(len(raw), name)
        if too_big is not None:
            return Report(None, [too_big])
    try:
        text = decode(raw, name)
    except DataError as exc:
        return Report(None, list(exc.problems))
    return check_text(text, name, limits)


def read_report(path: str | os.PathLike[str]) -> Report:
    """Read and check a file (read-only); an unreadable or non-UTF-8 file becomes an error, not an exception."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return Report(None, [Problem(str(p), 0, 0, f"cannot read the file: {exc.strerror or exc}",
                                     "check the path and its permissions")])
    return read_bytes(raw, p.name)


def load_events(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load and validate an events CSV (default: `FRT_EVENTS` or the bundled file).

    Args:
        path: the CSV to read; it is opened read-only and never written.

    Returns:
        One row per event, sorted by date, with the schema's columns plus `start`, `stop` (timestamps),
        `precision`, `when` (the date as text, at its precision), `company_list`, `source_list` and `line` (its line in the file).

    Raises:
        DataError: listing every problem, each as `file:line:column: problem (hint)`.

    Example:
        >>> events = load_events()
        >>> events.loc[events.id == "ibm-exits-general-purpose-frt", "date"].item()
        '2020-06-08'
    """
    report = read_report(default_events_path() if path is None else path)
    if report.errors or report.events is None:
        raise DataError(report.errors)
    events = report.events
    events.attrs["warnings"] = [str(w) for w in report.warnings]
    return events
