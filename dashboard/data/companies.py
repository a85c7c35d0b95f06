"""Company names: any file may name any company; near-duplicates ("Amazon" and "amazon.com") are found here.

The bundled dataset's curated list is data, not code: `companies.csv` next to `events.csv` (one `company` per
row, with an optional `note`), read by `bundled_companies` and checked by tests/test_companies.py.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from dashboard.data.errors import Problem

LIST_FILE = "companies.csv"
# Words that name a company's legal form or web address, not the company: "Amazon.com, Inc." is Amazon.
_SUFFIXES = re.compile(
    r"(?:\.(?:com|org|net|io|co|ai)\b|\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc"
    r"|gmbh|ag|sa|s\.a|bv|nv)\b\.?)",
    re.IGNORECASE,
)
_NOT_ALNUM = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """What two spellings of one company share: case, spacing, punctuation, `.com` and `Inc.` left out."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    stripped = _NOT_ALNUM.sub("", _SUFFIXES.sub(" ", text))
    return stripped or _NOT_ALNUM.sub("", text) or text


def near_duplicates(names: Iterable[str]) -> list[list[str]]:
    """Groups of two or more different names that are probably one company, in order of first use."""
    groups: dict[str, list[str]] = {}
    for name in names:
        group = groups.setdefault(name_key(name), [])
        if name not in group:
            group.append(name)
    return [group for group in groups.values() if len(group) > 1]


def duplicate_warnings(
    first_seen: dict[str, tuple[int, int]], file: str, what: str = "company"
) -> list[Problem]:
    """A warning per group of near-duplicate names (name -> (line, column) of its first use)."""
    problems = []
    for group in near_duplicates(first_seen):
        line, column = first_seen[group[1]]
        places = "; ".join(f"'{n}' (line {first_seen[n][0]})" for n in group)
        problems.append(
            Problem(
                file,
                line,
                column,
                f"these {what} names differ only in case, spacing, punctuation or a suffix: {places}; "
                "each is drawn as its own lane",
                f"write the {what} the same way everywhere",
                f"similar {what} names",
            )
        )
    return problems


def read_list(text: str, name: str = LIST_FILE) -> tuple[tuple[str, ...], list[Problem]]:
    """A company list file -> its names in file order, and its problems (missing header, empty, repeated
    or near-duplicate names)."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    rows = list(reader)
    if not rows or [h.strip() for h in rows[0]][:1] != ["company"]:
        return (), [Problem(name, 1, 1, "the first column must be 'company'", "start with the header "
                            "company,note", "bad header")]
    names: list[str] = []
    seen: dict[str, tuple[int, int]] = {}
    for line, row in enumerate(rows[1:], start=2):
        value = row[0].strip() if row else ""
        if not value:
            problems.append(Problem(name, line, 1, "the company name is empty",
                                    "fill it in or remove the row", "empty name"))
        elif value in seen:
            problems.append(Problem(name, line, 1, f"'{value}' is listed twice (line {seen[value][0]})",
                                    "keep one", "repeated name"))
        else:
            seen[value] = (line, 1)
            names.append(value)
    problems += duplicate_warnings(seen, name)
    return tuple(names), problems


def list_path() -> Path:
    """The bundled list: inside an installed wheel, or at the repository root in a checkout."""
    from dashboard.data.load import bundled_path

    return bundled_path(LIST_FILE)


@lru_cache(maxsize=1)
def bundled_companies() -> tuple[str, ...]:
    """The curated company names of the bundled dataset (read once, on first use)."""
    names, _ = read_list(list_path().read_text(encoding="utf-8"))
    return names
