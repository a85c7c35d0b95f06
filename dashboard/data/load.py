"""Read an events file (this project's CSV, a TimelineJS sheet or TimelineJS JSON) into a validated, typed,
sorted DataFrame. Never writes; raises DataError.

Every problem is collected (not only the first) so a user fixes a file in one pass, and each names the
file, line and column. Rows are never dropped silently: a row that cannot be used is an error.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.data.dates import Period, parse_period, period_label, when_label
from dashboard.data.errors import DataError, Problem
from dashboard.data.formats import read_text, recognised, workbook
from dashboard.data.formats.csvtext import decode
from dashboard.data.limits import Limits
from dashboard.data.settings import load_settings
from dashboard.data.validate import Era, Report
from dashboard.version import RELEASED

__all__ = ["Era", "Period", "Report", "bundled_path", "check_text", "decode", "default_events_path",
           "load_events", "parse_period", "period_label", "read_bytes", "read_report", "when_label"]

ENV_VAR = "FRT_EVENTS"


def bundled_path(name: str = "events.csv") -> Path:
    """The bundled file: inside an installed wheel, or at the repository root in a checkout."""
    here = Path(__file__).resolve().parents[1]  # the dashboard package
    packaged = here / "_bundled" / name
    return packaged if packaged.exists() else here.parent / name


def default_events_path() -> Path:
    """`FRT_EVENTS` if set, else the bundled `events.csv`."""
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else bundled_path()


def as_of_for(path: str | os.PathLike[str]) -> date | None:
    """The day an `ongoing` span of this file runs to: the release date for the bundled events.csv (its
    "ongoing" is a claim made when the data was released), else None (the day the file is read)."""
    try:
        bundled = Path(path).resolve() == bundled_path().resolve()
    except OSError:
        return None
    return date.fromisoformat(RELEASED) if bundled else None


def check_text(
    text: str, name: str = "events.csv", limits: Limits | None = None, *, day_order: str | None = None,
    as_of: date | None = None,
) -> Report:
    """Validate the text of an events file (format detected from its content); every error and warning
    carries its location.

    With `limits` (a user's upload), reading stops with an error past the row limit or the time limit.
    """
    return read_text(text, name, limits, day_order=day_order, as_of=as_of)


def read_bytes(
    raw: bytes, name: str = "events.csv", limits: Limits | None = None, *, day_order: str | None = None,
    as_of: date | None = None,
) -> Report:
    """Check the bytes of a file (an upload: pass `limits`); any bytes give a report, never an exception.
    A workbook (.xlsx, .ods) is read sheet by sheet; a text file that is not UTF-8 is one error naming the
    byte offset, never mojibake."""
    if limits is not None:
        too_big = limits.size_problem(len(raw), name)
        if too_big is not None:
            return Report(None, [too_big])
    kind = workbook.kind_of(raw)
    if kind:
        sheet, text, problems = workbook.read(raw, name, kind, recognised)
        if not text:
            return Report(None, problems)
        report = check_text(text, name, limits, day_order=day_order, as_of=as_of)
        report.warnings[:0] = problems
        report.format += f", from sheet '{sheet}' of a .{kind} workbook"
        return report
    try:
        text = decode(raw, name)
    except DataError as exc:
        return Report(None, list(exc.problems))
    return check_text(text, name, limits, day_order=day_order, as_of=as_of)


def read_report(path: str | os.PathLike[str], *, day_order: str | None = None) -> Report:
    """Read and check a file (read-only); an unreadable or non-UTF-8 file becomes an error, not an
    exception. Its `ongoing` spans run to `as_of_for(path)`."""
    p = Path(path)
    name = p.name
    try:
        with open(p, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return Report(None, [Problem(str(p), 0, 0, f"cannot read the file: {exc.strerror or exc}",
                                     "check the path and its permissions")])
    return read_bytes(raw, name, day_order=day_order, as_of=as_of_for(p))


def load_events(path: str | os.PathLike[str] | None = None, *, day_order: str | None = None) -> pd.DataFrame:
    """Load and validate an events file (default: `FRT_EVENTS` or the bundled file).

    Args:
        path: this project's events CSV, a TimelineJS sheet saved as CSV or a TimelineJS JSON file; it is
            opened read-only and never written.
        day_order: `dates.DAY_FIRST` or `dates.MONTH_FIRST` to read `03/04/2020` that way (default: as
            each date column's other dates show, else such a date is an error).

    Returns:
        One row per event, sorted by date, with the schema's columns plus `start`, `stop` (timestamps;
        an `ongoing` span stops at the data's as-of date), `precision`, `when` (the date as text, at its
        precision), `ongoing` (True when the span has no end yet), `company_list`, `source_list`,
        `relation_list` ((relation, id) pairs) and `line` (its line in the file).

    Raises:
        DataError: listing every problem, each as `file:line:column: problem (hint)`.

    Example:
        >>> events = load_events()
        >>> events.loc[events.id == "ibm-exits-general-purpose-frt", "date"].item()
        '2020-06-08'
    """
    source = Path(default_events_path() if path is None else path)
    report = read_report(source, day_order=day_order)
    if report.errors or report.events is None:
        raise DataError(report.errors)
    events = report.events
    events.attrs["settings"] = load_settings(source, frozenset(events["id"]))
    events.attrs["warnings"] = [str(w) for w in report.warnings]
    events.attrs["title"] = report.title
    events.attrs["eras"] = [(e.date, e.end_date, e.label) for e in report.eras]
    return events
