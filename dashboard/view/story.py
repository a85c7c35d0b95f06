"""The guided tour: a small CSV of steps (title, text, view, highlighted events), validated like the events.

Each step's view is written as URL parameters, so a step is a view with a title and a text, and `?step=N`
shows it (view/shown.py resolves it: the step's view wins; `event` and `zoom` are taken from the URL as well,
so a reader can open an event's details or zoom without leaving the tour). No Dash here.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from dashboard.data import schema
from dashboard.data.errors import DataError, Problem
from dashboard.data.load import bundled_path, decode
from dashboard.view import urlstate
from dashboard.view.filters import apply, companies_in

ENV_VAR = "FRT_STORY"
COLUMNS = ("title", "text", "view", "highlight")
REQUIRED = ("title", "text", "view")
MAX_TITLE = 80
MAX_TEXT = 600
MAX_STEPS = 20
VIEW_PARAMS = ("company", "category", "start", "end", "q", "context", "event", "anchor")


@dataclass(frozen=True)
class Step:
    """One stop of the tour: `number` counts from 1; `view` is the view its `query` describes."""

    number: int
    title: str
    text: str
    query: str
    view: urlstate.View
    highlight: tuple[str, ...]

    @property
    def url(self) -> str:
        return f"?step={self.number}"


@dataclass(frozen=True)
class Story:
    steps: tuple[Step, ...]
    source: str = "story.csv"

    def __len__(self) -> int:
        return len(self.steps)

    def get(self, number: int | None) -> Step | None:
        return self.steps[number - 1] if number is not None and 1 <= number <= len(self.steps) else None


def bundled_story_path() -> Path:
    return bundled_path("story.csv")


def story_file_for(events_path: Path, story_path: str | os.PathLike[str] | None) -> Path | None:
    """The tour to offer with `events_path`: the given file, else `FRT_STORY`, else the bundled tour when
    the events are the bundled ones (its steps name their ids); your own CSV gets no tour unless given one."""
    if story_path is not None:
        return Path(story_path)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    bundled = bundled_story_path()
    same = Path(events_path).resolve() == bundled_path().resolve()
    return bundled if same and bundled.exists() else None


def check_story_text(
    text: str, events: pd.DataFrame, name: str = "story.csv"
) -> tuple[Story | None, list[Problem]]:
    """Validate a story CSV against the events it tells; every problem has its line and column."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return None, [
            Problem(name, 1, 1, "the file is empty", "start with the header row: " + ",".join(COLUMNS))
        ]
    except csv.Error as exc:
        return None, [Problem(name, 1, 1, f"cannot read the header: {exc}", "check the quoting")]
    position: dict[str, int] = {}
    for i, col in enumerate(header):
        if col not in COLUMNS:
            problems.append(
                Problem(name, 1, i + 1, f"unknown column '{col}'", "allowed columns: " + ", ".join(COLUMNS))
            )
        elif col in position:
            problems.append(Problem(name, 1, i + 1, f"column '{col}' appears twice", "keep one of them"))
        else:
            position[col] = i
    for col in REQUIRED:
        if col not in position:
            problems.append(
                Problem(
                    name,
                    1,
                    len(header) + 1,
                    f"required column '{col}' is missing",
                    "add it to the header row",
                )
            )
    if problems:
        return None, problems

    steps: list[Step] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                Problem(name, line, 1, f"cannot read this row: {exc}", "check for an unbalanced quote")
            )
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    min(len(row), len(header)) + 1,
                    f"this row has {len(row)} fields but the header has {len(header)}",
                    "quote fields that contain commas",
                )
            )
            continue
        values = {col: row[i].strip() for col, i in position.items()}
        step = _check_step(values, len(steps) + 1, position, name, line, events, problems)
        if step is not None:
            steps.append(step)
    if not steps and not problems:
        problems.append(Problem(name, 2, 1, "the story has no steps", "add one row per step"))
    if len(steps) > MAX_STEPS:
        problems.append(
            Problem(name, line, 1, f"the story has {len(steps)} steps", f"keep it to {MAX_STEPS}")
        )
    return (None if problems else Story(tuple(steps), name)), problems


def _check_step(
    values: dict[str, str],
    number: int,
    position: dict[str, int],
    name: str,
    line: int,
    events: pd.DataFrame,
    problems: list[Problem],
) -> Step | None:
    before = len(problems)
    event_ids = set(events["id"])

    def err(col: str, problem: str, hint: str = "") -> None:
        problems.append(Problem(name, line, position.get(col, 0) + 1, problem, hint))

    for col, limit in (("title", MAX_TITLE), ("text", MAX_TEXT)):
        if not values[col]:
            err(col, f"'{col}' is empty", "every step needs a title and a text")
        elif len(values[col]) > limit:
            err(col, f"{col} is {len(values[col])} characters long", f"shorten it to {limit}")

    query = values["view"].lstrip("?")
    names = [pair.partition("=")[0] for pair in query.split("&") if pair]
    for param in dict.fromkeys(names):
        if param == "step":
            err("view", "a step's view cannot contain 'step'", "write the view's own parameters only")
        elif param not in VIEW_PARAMS:
            err("view", f"unknown view parameter '{param}'", "use: " + ", ".join(VIEW_PARAMS))
    view, notices = urlstate.parse(query, event_ids=event_ids, companies=companies_in(events))
    for notice in notices:
        err("view", f"view '{values['view']}': {notice}", "write the view as the app's URL parameters")

    highlight = tuple(h.strip() for h in values.get("highlight", "").split(schema.LIST_SEP) if h.strip())
    in_view = set(apply(events, view.filters)["id"]) if not notices else event_ids
    for event_id in highlight:
        if event_id not in event_ids:
            err(
                "highlight",
                f"highlighted event '{event_id}' does not exist in the events file",
                "use ids from the events file, separated by ';'",
            )
        elif event_id not in in_view:
            err(
                "highlight",
                f"highlighted event '{event_id}' is not in this step's view",
                "widen the view (dates, companies, categories) or highlight another event",
            )
    if len(problems) > before:
        return None
    return Step(number, values["title"], values["text"], "?" + query if query else "", view, highlight)


def load_story(path: str | os.PathLike[str], events: pd.DataFrame) -> Story:
    """Read and validate a story file for these events (read-only).

    Raises:
        DataError: listing every problem as `file:line:column: problem (hint)`.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DataError(
            [
                Problem(
                    str(p),
                    0,
                    0,
                    f"cannot read the file: {exc.strerror or exc}",
                    "check the path and its permissions",
                )
            ]
        ) from None
    story, problems = check_story_text(decode(raw, p.name), events, p.name)
    if story is None:
        raise DataError(problems)
    return story


def select(view: urlstate.View, event: str | None) -> urlstate.View:
    """The URL view that opens `event` where the reader is: inside the tour (`?step=N&event=id`), or in
    their own view (with the reader's theme either way)."""
    if view.step is not None:
        return urlstate.View(event=event, step=view.step, theme=view.theme)
    return replace(view, event=event)


def explore(view: urlstate.View) -> urlstate.View:
    """The same view outside the tour: what "Leave the tour" links to."""
    return replace(view, step=None)
