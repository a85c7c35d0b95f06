"""A file picked in the browser -> checked session data or a list of problems, within stated limits.

Pure (no Dash): the upload callbacks call these. Nothing is written anywhere; the bytes are read, checked and
forgotten, and only the checked rows go back to the browser.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from . import session
from .context import read_context_bytes
from .data import read_bytes
from .errors import Problem

MAX_UPLOAD_BYTES = 1_000_000  # the request carrying it, base64-encoded, stays under the server's 2 MB limit
MAX_EVENTS = 2_000
MAX_CONTEXT_POINTS = 20_000  # days (or weeks) in a context series: about 55 years of days
EVENT_SUFFIXES = (".csv", ".tsv", ".txt", ".json")
CONTEXT_SUFFIXES = (".csv", ".tsv", ".txt")
LIMITS_TEXT = (
    f"Files up to {MAX_UPLOAD_BYTES // 1_000_000} MB; up to {MAX_EVENTS:,} events, and a context series "
    f"of up to {MAX_CONTEXT_POINTS:,} days."
)


@dataclass
class Outcome:
    """What an upload gave: the store payload (None when refused), problems, warnings and a summary."""

    payload: dict[str, Any] | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    summary: str = ""


def _refuse(name: str, problem: str, hint: str, kind: str) -> Outcome:
    return Outcome(None, [Problem(name, 0, 0, problem, hint, kind)])


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


def _bytes(pending: Any, suffixes: tuple[str, ...]) -> tuple[str, bytes | None, Outcome | None]:
    """The name and bytes of a pending upload, or an Outcome that refuses it."""
    if not isinstance(pending, dict):
        return (
            "your file",
            None,
            _refuse("your file", "no file was received", "choose the file again", "no file"),
        )
    name = str(pending.get("name") or "your file")[:200]
    size = pending.get("size")
    if pending.get("too_big") or (isinstance(size, int) and size > MAX_UPLOAD_BYTES):
        shown = _size(size) if isinstance(size, int) else "more than the limit"
        return (
            name,
            None,
            _refuse(
                name,
                f"the file is {shown}; the limit in the browser is {_size(MAX_UPLOAD_BYTES)}",
                "load larger files with `frt-timeline serve --events FILE`",
                "file too large",
            ),
        )
    if not name.lower().endswith(suffixes):
        return (
            name,
            None,
            _refuse(
                name,
                f"'{name}' is not a {' or '.join(s.lstrip('.') for s in suffixes)} file",
                "save it as CSV (or TimelineJS JSON for events)",
                "unsupported file type",
            ),
        )
    contents = pending.get("contents")
    if not isinstance(contents, str) or "," not in contents:
        return name, None, _refuse(name, "the file could not be read", "choose it again", "unreadable file")
    try:
        raw = base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return name, None, _refuse(name, "the file could not be read", "choose it again", "unreadable file")
    if len(raw) > MAX_UPLOAD_BYTES:
        return (
            name,
            None,
            _refuse(
                name,
                f"the file is {_size(len(raw))}; the limit in the browser is {_size(MAX_UPLOAD_BYTES)}",
                "load larger files with `frt-timeline serve --events FILE`",
                "file too large",
            ),
        )
    return name, raw, None


def events_upload(pending: Any) -> Outcome:
    """Check an uploaded events file (any supported format) into a session store payload."""
    name, raw, refused = _bytes(pending, EVENT_SUFFIXES)
    if refused is not None or raw is None:
        return refused or _refuse(name, "no file was received", "choose the file again", "no file")
    report = read_bytes(raw, name)
    if report.errors or report.events is None:
        return Outcome(None, report.errors, report.warnings)
    if len(report.events) > MAX_EVENTS:
        return Outcome(
            None,
            [
                Problem(
                    name,
                    0,
                    0,
                    f"the file has {len(report.events):,} events; the limit in the browser is {MAX_EVENTS:,}",
                    "split the file, or show it with `frt-timeline serve --events FILE`",
                    "too many events",
                )
            ],
            report.warnings,
        )
    events = report.events
    span = f"{events['start'].min():%Y} to {events['stop'].max():%Y}"
    summary = f"{len(events)} events from {span} ({report.format})"
    return Outcome(session.to_payload(report, name), [], report.warnings, summary)


def context_upload(pending: Any) -> Outcome:
    """Check an uploaded context CSV into a session store payload (the series)."""
    name, raw, refused = _bytes(pending, CONTEXT_SUFFIXES)
    if refused is not None or raw is None:
        return refused or _refuse(name, "no file was received", "choose the file again", "no file")
    report = read_context_bytes(raw, name)
    if report.errors or report.series is None:
        return Outcome(None, report.errors, report.warnings)
    if len(report.series.dates) > MAX_CONTEXT_POINTS:
        return Outcome(
            None,
            [
                Problem(
                    name,
                    0,
                    0,
                    f"the series covers {len(report.series.dates):,} days; the limit in "
                    f"the browser is {MAX_CONTEXT_POINTS:,}",
                    "check for a stray date far from the others, or use `frt-timeline serve --context FILE`",
                    "series too long",
                )
            ],
            report.warnings,
        )
    return Outcome(report.series.to_dict(), [], report.warnings, report.summary)
