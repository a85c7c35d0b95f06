"""How much of a user's file may be read: rows and time (limits.py), shared by every format's reader.

Once a limit is hit, its one problem is reported (at the line reached) and reading stops everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.data.errors import Problem
from dashboard.data.limits import Deadline, Limits


@dataclass
class Budget:
    """Rows counted and time spent for one file; `limits=None` (the app's own files) never runs out."""

    name: str
    limits: Limits | None = None
    rows: int = 0
    spent: bool = False
    deadline: Deadline | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.deadline = self.limits.start() if self.limits is not None else None

    def _stop(self, problem: Problem | None, errors: list[Problem]) -> bool:
        if problem is not None:
            errors.append(problem)
            self.spent = True
        return self.spent

    def late(self, line: int, errors: list[Problem]) -> bool:
        """True (with the problem reported once) when the time is up."""
        if self.spent or self.deadline is None:
            return self.spent
        return self._stop(self.deadline.problem(self.name, line), errors)

    def row(self, line: int, errors: list[Problem]) -> bool:
        """Count one row; True (with the problem reported once) when it is over the row limit."""
        if self.spent or self.limits is None:
            return self.spent
        self.rows += 1
        return self._stop(self.limits.rows_problem(self.rows, self.name, line), errors)
