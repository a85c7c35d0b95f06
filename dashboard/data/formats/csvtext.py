"""Bytes and text of a CSV as real files write it: UTF-8 with or without a BOM, CRLF, `,` `;` or tab as the
delimiter, quoted fields with commas and newlines, trailing spaces, blank lines, trailing empty columns.

What cannot be read becomes a Problem with its line and column; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from dashboard.data.errors import DataError, Problem
from dashboard.data.formats.budget import Budget

DELIMITERS = (",", ";", "\t")
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (a byte-order mark is allowed) or a DataError naming the byte offset and the likely encoding."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            [
                Problem(
                    name,
                    line,
                    column,
                    f"byte offset {exc.start}: byte 0x{raw[exc.start]:02x} is not valid UTF-8; "
                    f"the file looks like {likely_encoding(raw)}",
                    "save the file as UTF-8 (a spreadsheet's 'CSV UTF-8' format), then load it again",
                    "not UTF-8",
                )
            ]
        ) from None


def likely_encoding(raw: bytes) -> str:
    """A best guess, for the message only: the file is never read in this encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 (a spreadsheet's 'Unicode text')"
    if _decodes(raw, "cp1252"):
        return "Windows-1252 or Latin-1"
    return "an encoding other than UTF-8"


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of `,` `;` and tab outside quotes (`,` on a
    tie)."""
    for line in text.splitlines():
        if line.strip():
            counts = dict.fromkeys(DELIMITERS, 0)
            quoted = False
            for ch in line:
                if ch == '"':
                    quoted = not quoted
                elif not quoted and ch in counts:
                    counts[ch] += 1
            best = max(DELIMITERS, key=lambda d: counts[d])
            return best if counts[best] > counts[","] else ","
    return ","


@dataclass
class Table:
    """A CSV's header (names stripped) and its non-blank rows with the line each starts on."""

    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    delimiter: str = ","
    header_line: int = 1


def _cell(value: str) -> str:
    value = value.strip()
    # A cell neutralised for spreadsheets on export ('=...) reads back as it was written.
    return value[1:] if value.startswith(_NEUTRALISED) else value


def first_rows(text: str, count: int = 12) -> list[tuple[int, list[str]]]:
    """The first `count` non-blank rows (line, stripped cells), to find the header before reading; a row
    that cannot be parsed ends the list."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: list[tuple[int, list[str]]] = []
    before = 0
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((before + 1, [c.strip() for c in row]))
                if len(rows) >= count:
                    break
            before = reader.line_num
    except csv.Error:
        pass
    return rows


def read_table(
    text: str, name: str, errors: list[Problem], *, empty_hint: str, budget: Budget | None = None,
    skip: int = 0,
) -> Table | None:
    """Parse CSV text into a Table; append every problem to `errors`. None when there is no header.

    `skip` non-blank rows above the header are passed over (a title row). With a `budget` (a user's
    upload), reading stops with one problem past the row or time limit.
    """
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    header_line = 1
    try:
        before = 0  # the line the next row starts on is the one after the last row's end
        for row in reader:
            if any(cell.strip() for cell in row):
                if skip:
                    skip -= 1
                else:
                    header = [h.strip() for h in row]
                    header_line = before + 1
                    break
            before = reader.line_num
    except csv.Error as exc:
        errors.append(
            Problem(
                name,
                reader.line_num or 1,
                1,
                f"cannot read the header: {exc}",
                "check the quoting",
                "unreadable row",
            )
        )
        return None
    if header is None:
        errors.append(Problem(name, 1, 1, "the file is empty", empty_hint, "empty file"))
        return None
    width = len(header)
    while header and not header[-1]:
        header.pop()  # trailing empty columns that spreadsheets add
    table = Table(header=header, delimiter=delimiter, header_line=header_line)
    while True:
        line = reader.line_num + 1
        if budget is not None and budget.late(line, errors):
            break
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                Problem(
                    name,
                    line,
                    1,
                    f"cannot read this row: {exc}",
                    "check for an unbalanced double quote",
                    "unreadable row",
                )
            )
            break
        if not any(cell.strip() for cell in row):
            continue  # a blank line carries nothing
        if budget is not None and budget.row(line, errors):
            break
        fields = len(row)
        while len(row) > len(header) and not row[-1].strip():
            row.pop()  # a trailing delimiter, or empty cells under unnamed trailing columns
        if len(row) != len(header):
            errors.append(
                Problem(
                    name,
                    line,
                    min(len(row), len(header)) + 1,
                    f"this row has {fields} field{'s' if fields != 1 else ''} but the header has "
                    f"{len(header)}"
                    + (f" named ones (and {width - len(header)} unnamed)" if width > len(header) else ""),
                    "quote fields that contain commas, and check for missing or extra commas"
                    if delimiter == ","
                    else f"quote fields that contain '{delimiter}', and check for missing or extra ones",
                    "wrong number of fields",
                )
            )
            continue
        table.rows.append((line, [_cell(c) for c in row]))
    return table
