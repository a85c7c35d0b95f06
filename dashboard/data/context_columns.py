"""Which columns of a context CSV are its dates and its values, chosen so the series is never wrong.

- The date column is the one chosen, else one named like a date (`date`, `event_date`, `day`...), else the
  one column whose every value reads as a day.
- An id-like column is never the value: a name like `id`, `key` or `row`, row numbers (1, 2, 3...), or
  unique integers in a file with several rows per date.
- One row per date: the numeric column is the value, a count-like name (`count`, `events`, `n_...`)
  first. Several rows per date: a count-like column is summed, else rows are counted (one protest per row).
Every numeric column left out is named in a warning, and the choice is said in words (`Interpretation`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.data.dates import read_date
from dashboard.data.errors import Problem
from dashboard.data.formats.csvtext import Table

DATE_NAMES = ("date", "event_date", "event date", "day", "week", "date_reported", "report_date")
_ID_NAME = re.compile(r"^(?:#|no|nr|row|rownum|row_?number|index|idx|key|uuid|guid|fid|objectid|id)$|"
                      r"(?:^|[\s_\-.])(?:id|key|uuid|code)$|^(?:id|key)[\s_\-.]", re.IGNORECASE)
_COUNT_NAME = re.compile(r"^(?:n|count|counts|total|events|number|num|value|amount|sum|protests|incidents)$|"
                         r"(?:^|[\s_\-.])(?:count|total|n|number|num|events)(?:$|[\s_\-.])|^n_|_n$",
                         re.IGNORECASE)


def number(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass
class Interpretation:
    """What the series means: count rows per day of `date`, or sum `value` per day; and what was left out."""

    date: int | None
    value: int | None = None
    ignored: list[str] = field(default_factory=list)  # numeric columns not used, with why
    id_like: list[str] = field(default_factory=list)

    def sentence(self, header: list[str], period: str = "day") -> str:
        if self.date is None:
            return ""
        if self.value is None:
            return f"counting rows per {period} of '{header[self.date]}'"
        return f"summing '{header[self.value]}' per {period}"


def column_values(table: Table, i: int) -> list[str]:
    return [cells[i] for _, cells in table.rows if cells[i]]


def is_numeric(table: Table, i: int) -> bool:
    values = column_values(table, i)
    return bool(values) and all(number(v) is not None for v in values)


def mostly_numeric(table: Table, i: int) -> bool:
    values = column_values(table, i)
    return sum(number(v) is not None for v in values) * 2 > len(values)


def find(header: list[str], wanted: str) -> int | None:
    exact = [i for i, h in enumerate(header) if h == wanted]
    loose = [i for i, h in enumerate(header) if h.casefold().strip() == wanted.casefold().strip()]
    found = exact or loose
    return found[0] if found else None


def date_column(table: Table) -> int | None:
    """A column named like a date, else the only column whose every value reads as a day."""
    for i, h in enumerate(table.header):
        if " ".join(h.casefold().split()) in DATE_NAMES:
            return i
    dated = []
    for i in range(len(table.header)):
        values = column_values(table, i)[:200]
        if values and all(_day(v) for v in values):
            dated.append(i)
    return dated[0] if len(dated) == 1 else None


def _day(raw: str) -> bool:
    reading = read_date(raw, named_months=True)
    return bool(reading.problem) or (reading.value is not None and len(reading.value) == 10)


def id_like(table: Table, i: int, *, rows_per_date: bool) -> str:
    """Why column `i` cannot be a value ('' when it can): its name, row numbers, or unique integers."""
    name = table.header[i]
    if _ID_NAME.search(name.strip()):
        return f"'{name}' is named like an identifier"
    values = [number(v) for v in column_values(table, i)]
    integers = [int(v) for v in values if v is not None and v == int(v)]
    if len(integers) != len(values) or len(integers) < 3:
        return ""
    if len(integers) >= 5 and integers in (list(range(1, len(integers) + 1)), list(range(len(integers)))):
        return f"'{name}' holds row numbers"
    if rows_per_date and len(set(integers)) == len(integers) and not _COUNT_NAME.search(name):
        return f"'{name}' holds a different whole number on every row, like an identifier"
    return ""


def interpret(table: Table, date_at: int, value_at: int | None, *, count_rows: bool) -> Interpretation:
    """The value column (None: count rows) for `date_at`, when the user chose neither."""
    found = Interpretation(date_at)
    dates = Counter(cells[date_at] for _, cells in table.rows if cells[date_at])
    several = any(n > 1 for n in dates.values())
    numeric = [i for i in range(len(table.header)) if i != date_at and is_numeric(table, i)]
    if not numeric and len(table.header) == 2 and mostly_numeric(table, 1 - date_at):
        numeric = [1 - date_at]  # `date,protests` with a typo in a value: the typo is reported
    if value_at is not None or count_rows:
        found.value = value_at
        found.ignored = [table.header[i] for i in numeric if i != value_at]
        return found
    usable = []
    for i in numeric:
        why = id_like(table, i, rows_per_date=several)
        if why:
            found.id_like.append(why)
        else:
            usable.append(i)
    counting = [i for i in usable if _COUNT_NAME.search(table.header[i].strip())]
    if not usable or (several and not counting):
        found.ignored = [table.header[i] for i in usable]
        return found  # several rows per date and no count: one row is one event, counted
    found.value = (counting or usable)[0]
    found.ignored = [table.header[i] for i in usable if i != found.value]
    return found


def left_out(meaning: Interpretation, name: str, table: Table, choices: Mapping[str, str]) -> list[Problem]:
    """Warnings naming the numeric columns not drawn, and the ones never summed as identifiers."""
    warnings = []
    if meaning.id_like:
        warnings.append(Problem(name, table.header_line, 1, "never summed: " + "; ".join(meaning.id_like),
                                "an identifier is not a quantity", "identifier not summed"))
    if meaning.ignored:
        listed = ", ".join(f"'{c}'" for c in meaning.ignored)
        drawn = (f"rows are counted per day of '{table.header[meaning.date or 0]}'" if meaning.value is None
                 else f"'{table.header[meaning.value]}' is drawn")
        plural = "s" if len(meaning.ignored) > 1 else ""
        warnings.append(Problem(name, table.header_line, 1,
                                f"numeric column{plural} {listed} not drawn: {drawn}",
                                f"to draw another column, {choices['value']}", "numeric column not drawn"))
    return warnings
