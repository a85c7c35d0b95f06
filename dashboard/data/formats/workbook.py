"""Spreadsheet workbooks (.xlsx from Excel or a Google Sheets download, .ods from LibreOffice) -> the text of
the sheet that holds the events, read by pandas (openpyxl / odfpy). An old binary .xls is named as such.

Each sheet's header is looked for in its first rows (a title above it is fine); the first sheet with a
header this app knows is read, and the other sheets are named in a warning, never dropped silently.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable

from dashboard.data.errors import Problem

XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE2 container of Excel 97-2003 files


def kind_of(raw: bytes) -> str:
    """'xlsx', 'ods', 'xls' or '' (not a workbook), from the bytes alone."""
    if raw.startswith(XLS_MAGIC):
        return "xls"
    if not raw.startswith(b"PK\x03\x04"):
        return ""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            ods = b"application/vnd.oasis.opendocument.spreadsheet"
            if "mimetype" in names and z.read("mimetype").startswith(ods):
                return "ods"
    except (zipfile.BadZipFile, OSError, KeyError):
        return ""
    return ""


def sheets(raw: bytes, kind: str) -> dict[str, list[list[str]]]:
    """Every sheet as rows of text cells (empty cells ''; whole numbers without '.0')."""
    import pandas as pd

    frames = pd.read_excel(io.BytesIO(raw), sheet_name=None, header=None, dtype=object,
                           engine="openpyxl" if kind == "xlsx" else "odf")
    return {str(name): [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
            for name, frame in frames.items()}


def _cell(value: object) -> str:
    import pandas as pd

    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp) or hasattr(value, "isoformat"):
        text = value.isoformat()  # type: ignore[union-attr]
        return text.removesuffix("T00:00:00")
    return str(value)


def csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def read(
    raw: bytes, name: str, kind: str, recognised: Callable[[str], bool]
) -> tuple[str, str, list[Problem]]:
    """(the sheet's name, its text as CSV, problems) for the first sheet `recognised` accepts; with no such
    sheet, the text is '' and the one problem says what each sheet looks like."""
    if kind == "xls":
        return "", "", [Problem(name, 1, 1, "this looks like an Excel 97-2003 workbook (.xls)",
                                "save it as .xlsx or as CSV UTF-8, then load it again", "workbook")]
    try:
        found = sheets(raw, kind)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook is reported, never a crash
        return "", "", [Problem(name, 1, 1, f"this looks like a workbook (.{kind}) that cannot be read: "
                                f"{exc}", "open it and save it again, or save the sheet as CSV UTF-8",
                                "workbook")]
    texts = {sheet: csv_text(rows) for sheet, rows in found.items()}
    chosen = next((sheet for sheet, text in texts.items() if recognised(text)), None)
    if chosen is None:
        listed = ", ".join(f"'{s}'" for s in texts) or "none"
        return "", "", [Problem(name, 1, 1, f"this is a workbook (.{kind}), and none of its sheets "
                                f"({listed}) starts with a header this app knows in its first rows",
                                "put the header row (at least date,title, or TimelineJS's Year and Headline) "
                                "on one sheet", "workbook")]
    others = [s for s in texts if s != chosen and any(any(c for c in r) for r in found[s])]
    problems = []
    if others:
        problems.append(Problem(name, 1, 1, f"only sheet '{chosen}' is read; sheet "
                                + ", ".join(f"'{s}'" for s in others) + " is left out",
                                "put every event on one sheet", "sheet left out"))
    return chosen, texts[chosen], problems
