"""The project's one error type: problems that carry a file, line and column, a message and a hint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as `file:line:column`."""

    file: str
    line: int
    column: int
    problem: str
    hint: str = ""
    kind: str = ""  # a short heading to group problems by, e.g. "unknown category"

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.file}:{self.line}:{self.column}: {self.problem}{hint}"


class DataError(Exception):
    """An input file could not be used; `problems` lists every reason, each with its location."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def grouped(problems: Iterable[Problem]) -> list[tuple[str, list[Problem]]]:
    """Problems grouped by kind, kinds in order of first appearance (file order within a kind)."""
    groups: dict[str, list[Problem]] = {}
    for p in problems:
        groups.setdefault(p.kind or "other problem", []).append(p)
    return list(groups.items())
