"""A file picked in the browser -> checked session data or a list of problems, within stated limits.

Pure (no Dash): the upload callbacks call these. Nothing is written anywhere; the bytes are read, checked and
forgotten, and only the checked rows go back to the browser. The limits are limits.py's (size, rows, time).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field, replace
from typing import Any

from dashboard.data.context import MAX_POINTS, read_context_bytes
from dashboard.data.dates import ORDERS, year_label
from dashboard.data.errors import Problem
from dashboard.data.limits import MAX_UPLOAD_BYTES, PARSE_TIMEOUT_S, Limits, megabytes
from dashboard.data.load import read_bytes
from dashboard.view import dataset as session

EVENT_LIMITS = Limits()
MAX_CONTEXT_ROWS = 100_000  # one row per protest: a year of a large country's protests fits
CONTEXT_LIMITS = Limits(max_rows=MAX_CONTEXT_ROWS)
MAX_CONTEXT_POINTS = MAX_POINTS
EVENT_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".xlsx", ".ods")
CONTEXT_SUFFIXES = (".csv", ".tsv", ".txt")
LIMITS_TEXT = (
    f"Files up to {megabytes(MAX_UPLOAD_BYTES)} and {EVENT_LIMITS.max_rows:,} events, read in at most "
    f"{PARSE_TIMEOUT_S:g} s; a context series up to {MAX_CONTEXT_ROWS:,} rows and {MAX_CONTEXT_POINTS:,} "
    "days."
)
CLI_HINT = "larger files work from the command line: `frt-timeline serve --events FILE --context FILE`"
COUNT_ROWS = "__count_rows__"  # the value menu's "count rows per day"
# How the browser's hints name the choices (the panel's own menus, never command-line options).
BROWSER_CHOICES = {"date": "choose it in the 'Date column' menu below",
                   "value": "choose a column in the 'Values' menu below",
                   "count": "choose 'count rows per day' there", "order": "choose the order under 'Dates'"}


@dataclass
class Outcome:
    """What an upload gave: the store payload (None when refused), problems, warnings and a summary."""

    payload: dict[str, Any] | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    summary: str = ""
    columns: list[str] = field(default_factory=list)  # a context file's header, for the column menus
    interpretation: str = ""  # how a context file was read: "summing 'events' per day"


def pending_name(pending: Any) -> str:
    """The file name the browser sent (any JSON may arrive: a name is only ever a string)."""
    name = pending.get("name") if isinstance(pending, dict) else None
    return name[:200] if isinstance(name, str) and name else "your file"


def _refuse(name: str, problem: str, hint: str, kind: str) -> Outcome:
    return Outcome(None, [Problem(name, 0, 0, problem, hint, kind)])


def _bytes(
    pending: Any, suffixes: tuple[str, ...], limits: Limits
) -> tuple[str, bytes | None, Outcome | None]:
    """The name and bytes of a pending upload, or an Outcome that refuses it."""
    name = pending_name(pending)
    if not isinstance(pending, dict):
        return name, None, _refuse(name, "no file was received", "choose the file again", "no file")
    size = pending.get("size")
    too_big = limits.size_problem(size if isinstance(size, int) and not isinstance(size, bool) else 0, name)
    if pending.get("too_big") is True and too_big is None:
        too_big = Problem(name, 0, 0, f"the file is over the limit of {megabytes(limits.max_bytes)}",
                          CLI_HINT)
    if too_big is not None:
        return name, None, Outcome(None, [replace(too_big, kind="file too large")])
    if not name.lower().endswith(suffixes):
        kinds = " or ".join(s.lstrip(".") for s in suffixes)
        return name, None, _refuse(name, f"'{name}' is not a {kinds} file",
                                   "save it as CSV (or TimelineJS JSON for events)", "unsupported file type")
    contents = pending.get("contents")
    if not isinstance(contents, str) or "," not in contents:
        return name, None, _refuse(name, "the file could not be read", "choose it again", "unreadable file")
    try:
        raw = base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return name, None, _refuse(name, "the file could not be read", "choose it again", "unreadable file")
    return name, raw, None


def day_order(choice: Any) -> str | None:
    """The upload panel's date order choice -> dates.DAY_FIRST / MONTH_FIRST, or None (as the file shows)."""
    return choice if choice in ORDERS else None


def events_upload(pending: Any, order: Any = None) -> Outcome:
    """Check an uploaded events file (any supported format) into a session store payload; `order` is the
    panel's date order choice."""
    name, raw, refused = _bytes(pending, EVENT_SUFFIXES, EVENT_LIMITS)
    if refused is not None or raw is None:
        return refused or _refuse(name, "no file was received", "choose the file again", "no file")
    # the size again, the rows and the reading time
    report = read_bytes(raw, name, EVENT_LIMITS, day_order=day_order(order))
    if report.errors or report.events is None:
        return Outcome(None, report.errors, report.warnings)
    events = report.events
    span = f"{year_label(events['start'].min().year)} to {year_label(events['stop'].max().year)}"
    summary = f"{len(events)} events from {span} ({report.format})"
    if report.diagnosis:
        summary += f"; {report.diagnosis}"
    notes = [Problem(name, 0, 0, note, "", "what was assumed") for note in report.notes]
    payload = session.to_payload(report, name)
    if session.store_json(payload) is None:  # the rows must fit the tab's store the callbacks read back
        return _refuse(name, f"the file's events take more than {megabytes(session.MAX_STORE_BYTES)} once "
                       "read", "remove columns or events you do not need, or split the file by years",
                       "file too large")
    return Outcome(payload, [], notes + report.warnings, summary)


def context_upload(
    pending: Any, date_column: Any = None, value_column: Any = None, order: Any = None
) -> Outcome:
    """Check an uploaded context CSV into a session store payload (the series), read with the panel's
    choices: the date column, the value column or COUNT_ROWS ("" or None: detected), the date order."""
    name, raw, refused = _bytes(pending, CONTEXT_SUFFIXES, CONTEXT_LIMITS)
    if refused is not None or raw is None:
        return refused or _refuse(name, "no file was received", "choose the file again", "no file")
    value = value_column if isinstance(value_column, str) and value_column else None
    report = read_context_bytes(
        raw, name, limits=CONTEXT_LIMITS, choices=BROWSER_CHOICES, day_order=day_order(order),
        date_column=date_column if isinstance(date_column, str) and date_column else None,
        value_column=None if value == COUNT_ROWS else value, count_rows=value == COUNT_ROWS)
    if report.errors or report.series is None:
        return Outcome(None, report.errors, report.warnings, columns=report.columns)
    if len(report.series.dates) > MAX_CONTEXT_POINTS:
        problem = Problem(name, 0, 0, f"the series covers {len(report.series.dates):,} days; the limit "
                          f"in the browser is {MAX_CONTEXT_POINTS:,}",
                          "check for a stray date far from the others; " + CLI_HINT, "series too long")
        return Outcome(None, [problem], report.warnings)
    counts = report.summary.removeprefix(f"{report.interpretation}: ")
    return Outcome(report.series.to_dict(), [], report.warnings, counts, columns=report.columns,
                   interpretation=report.interpretation)
