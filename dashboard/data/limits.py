"""Limits on a file a user brings: its size, its rows and the time spent reading it, each with a message.

The bundled 127-event file is 94 KB and reads in about 15 ms; 5,000 events of the same kind are about 3.7 MB
and read in about 0.4 s on a small server. The limits leave room for that and stop a file meant to tie up a
worker.
A problem about the whole file (its size) is located at line 0, column 0, as an unreadable file is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from dashboard.data.errors import DataError, Problem

MAX_UPLOAD_BYTES = 4_000_000
MAX_ROWS = 5_000
PARSE_TIMEOUT_S = 5.0
# dcc.Upload sends a file base64-encoded inside a callback's JSON body: 4/3 of its size plus the JSON around.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES * 4 // 3 + 256 * 1024


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


@dataclass(frozen=True)
class Limits:
    """How much one file may hold and how long reading it may take."""

    max_bytes: int = MAX_UPLOAD_BYTES
    max_rows: int = MAX_ROWS
    timeout_s: float = PARSE_TIMEOUT_S
    clock: Callable[[], float] = time.monotonic

    def size_problem(self, size: int, name: str) -> Problem | None:
        if size <= self.max_bytes:
            return None
        return Problem(name, 0, 0, f"the file is {megabytes(size)}; the limit is {megabytes(self.max_bytes)}",
                       "remove columns or events you do not need, or split the file by years")

    def rows_problem(self, rows: int, name: str, line: int) -> Problem | None:
        if rows <= self.max_rows:
            return None
        return Problem(name, line, 1,
                       f"the file has more than {self.max_rows:,} events; reading stopped here",
                       "split the file, e.g. by years or companies, and load one part at a time")

    def start(self) -> Deadline:
        return Deadline(self.clock() + self.timeout_s, self.timeout_s, self.clock)


@dataclass(frozen=True)
class Deadline:
    """The moment reading must stop by."""

    at: float
    seconds: float
    clock: Callable[[], float]

    def problem(self, name: str, line: int) -> Problem | None:
        if self.clock() <= self.at:
            return None
        return Problem(name, line, 1, f"reading the file took more than {self.seconds:g} s and stopped here",
                       "the file is too large or too complex to read here: split it into smaller files")


def check_size(size: int, name: str, limits: Limits | None = None) -> None:
    """Raise DataError when a file of `size` bytes is over the upload limit (checked before reading it)."""
    problem = (limits or Limits()).size_problem(size, name)
    if problem is not None:
        raise DataError([problem])
