"""Check rows in the canonical schema, whatever file format they came from, into a typed DataFrame.

Each format reader (formats/) turns its rows into `Row`s that keep where every value came from (line and
column in the user's file), so a problem found here is still reported at its place in that file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.data import relations, schema
from dashboard.data.companies import duplicate_warnings
from dashboard.data.dates import ColumnOrder, Period, parse_period, read_date, short_year_hint, when_label
from dashboard.data.errors import Problem
from dashboard.data.safe import is_http_url, url_problem

MAX_GROUP = 60


@dataclass(frozen=True)
class Era:
    """A shaded, labelled span across the lanes (a TimelineJS era)."""

    date: str
    end_date: str
    label: str


@dataclass
class Report:
    """What checking a file found: the table (when usable), errors and warnings, and the timeline's
    title and eras when the format has them."""

    events: pd.DataFrame | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    title: str = ""
    subtitle: str = ""
    eras: list[Era] = field(default_factory=list)
    format: str = "events CSV"
    notes: list[str] = field(default_factory=list)  # what was assumed, e.g. ids made from date and title
    diagnosis: str = ""  # what the file looks like, when it is not what was expected
    # The day an `ongoing` span is drawn to: the data's as-of date (the bundled data's release), else None
    # for the day the file is read (your own file says "ongoing" as of when you use it).
    as_of: date | None = None


@dataclass
class Row:
    """One event in canonical columns, with the line and the (1-based) column each value came from."""

    line: int
    values: dict[str, str]
    columns: dict[str, int]
    lines: dict[str, int] = field(default_factory=dict)  # a value's own line when not `line` (JSON)


@dataclass
class Checker:
    """Validates rows one by one; collects every problem into `report`."""

    name: str
    report: Report
    required: frozenset[str] = schema.TIMELINE_REQUIRED
    labels: Mapping[str, str] = field(default_factory=dict)
    # column -> how it writes numeric dates (inferred from the column, or stated by the user)
    orders: Mapping[str, ColumnOrder] = field(default_factory=dict)
    # company and group name -> (line, column) of its first use, for near-duplicate warnings
    first_company: dict[str, tuple[int, int]] = field(default_factory=dict)
    first_group: dict[str, tuple[int, int]] = field(default_factory=dict)
    seen_ids: dict[str, int] = field(default_factory=dict)
    records: list[dict[str, object]] = field(default_factory=list)
    # (line, column, event id, links) of every `related` cell: targets are checked once every id is known
    links: list[tuple[int, int, str, tuple[tuple[str, str], ...]]] = field(default_factory=list)

    def label(self, col: str) -> str:
        return self.labels.get(col, col)

    def check(self, row: Row) -> None:
        record = self._check(row)
        if record is not None:
            self.records.append(record)

    def finish(self) -> Report:
        self.report.warnings += duplicate_warnings(self.first_company, self.name)
        self.report.warnings += duplicate_warnings(self.first_group, self.name, "group")
        for line, column, source, entries in self.links:
            for problem, hint in relations.target_problems(source, entries, self.seen_ids):
                self.report.errors.append(Problem(self.name, line, column, problem, hint,
                                                  "unknown related event"))
        if not self.report.errors:
            self.report.events = frame(self.records)
        return self.report

    def _check(self, row: Row) -> dict[str, object] | None:
        v, line, report = row.values, row.line, self.report
        errors_before = len(report.errors)

        def at(col: str) -> tuple[int, int]:
            return row.lines.get(col, line), row.columns.get(col, 1)

        def err(col: str, problem: str, hint: str = "", kind: str = "") -> None:
            report.errors.append(Problem(self.name, *at(col), problem, hint, kind))

        def warn(col: str, problem: str, hint: str = "", kind: str = "") -> None:
            report.warnings.append(Problem(self.name, *at(col), problem, hint, kind))

        for col in schema.ALL_COLUMN_NAMES:
            if col in self.required and not v.get(col):
                err(col, f"'{self.label(col)}' is empty", "every event needs a value here", "missing value")

        event_id = v.get("id", "")
        if event_id and not schema.ID_RE.match(event_id):
            err(
                "id",
                f"id '{event_id}' is not a slug",
                "use lowercase letters, digits and single hyphens",
                "invalid id",
            )
        elif event_id in self.seen_ids:
            err(
                "id",
                f"id '{event_id}' is already used on line {self.seen_ids[event_id]}",
                "ids must be unique",
                "duplicate id",
            )
        elif event_id:
            self.seen_ids[event_id] = at("id")[0]

        start = self._date(
            v, "date", err, warn, "write e.g. 2020-06-08, or 2020-06 when only the month is known"
        )
        ongoing = v.get("end_date", "").strip().casefold() == schema.ONGOING
        if ongoing:
            v["end_date"] = schema.ONGOING
        end = None if ongoing else self._date(
            v, "end_date", err, warn, f"write e.g. 2021-06-10, or {schema.ONGOING} when it has not ended, "
            "or leave it empty")
        if start is not None and end is not None and end.last < start.first:
            err(
                "end_date",
                f"{self.label('end_date')} {v['end_date']} is before {self.label('date')} {v['date']}",
                f"swap them, or leave {self.label('end_date')} empty",
                "end before start",
            )

        if len(v.get("title", "")) > schema.MAX_TITLE:
            err(
                "title",
                f"{self.label('title')} is {len(v['title'])} characters long",
                f"shorten it to {schema.MAX_TITLE}",
                "title too long",
            )
        if len(v.get("group", "")) > MAX_GROUP:
            err(
                "group",
                f"{self.label('group')} is {len(v['group'])} characters long",
                f"shorten it to {MAX_GROUP}: it is a lane label",
                "group too long",
            )
        category = v.get("category", "")
        if category.casefold() in (schema.UNCATEGORISED, "uncategorized"):
            category = v["category"] = ""
        if category and category not in schema.CATEGORIES:
            err(
                "category",
                f"unknown category '{category}'",
                "use one of: " + ", ".join(schema.CATEGORIES),
                "unknown category",
            )

        cells = v.get("companies", "").split(schema.LIST_SEP)
        companies = tuple(" ".join(c.split()) for c in cells if c.strip())
        for company in companies:
            self.first_company.setdefault(company, at("companies"))
        if v.get("group"):
            self.first_group.setdefault(" ".join(v["group"].split()), at("group"))
        if len(set(companies)) != len(companies):
            err("companies", "a company is listed twice", "list each company once", "repeated company")

        related, related_problems = relations.parse_cell(v.get("related", ""))
        for problem, hint in related_problems:
            err("related", problem, hint, "invalid related entry")
        if related:
            self.links.append((*at("related"), event_id, related))

        sources = tuple(v.get("sources", "").split())
        for url in sources:
            if not is_http_url(url):
                warn(
                    "sources",
                    f"source '{url}' {url_problem(url)}; it is shown as plain text",
                    "use a full https:// address",
                    "source is not a web link",
                )

        if len(report.errors) > errors_before or start is None:
            return None
        as_of = pd.Timestamp(self.report.as_of or date.today()).as_unit("s")
        return {
            **{col: v.get(col, "") for col in schema.ALL_COLUMN_NAMES},
            "start": start.first,
            # an ongoing span runs to the as-of date (never before its own start)
            "stop": max(as_of, start.last) if ongoing else (end or start).last,
            "precision": start.precision,
            "when": when_label(v["date"], v.get("end_date", "")),
            "ongoing": ongoing,
            "company_list": companies,
            "source_list": sources,
            "relation_list": related,
            "line": line,
        }

    def _date(self, v: dict[str, str], col: str, err, warn, hint: str) -> Period | None:  # type: ignore[no-untyped-def]
        """Read `v[col]` (normalising it in place) and report an unusable or ambiguous date."""
        raw = v.get(col, "")
        if not raw:
            return None
        column = self.orders.get(col, ColumnOrder(None))
        reading = read_date(raw, order=column.order)
        if reading.problem:
            mixed = (f" (the column writes both ways: '{column.conflict[0]}' is day first, "
                     f"'{column.conflict[1]}' month first)" if column.conflict else "")
            err(col, f"{self.label(col)} {reading.problem}{mixed}", reading.hint, reading.kind)
            return None
        if reading.value is None:
            err(
                col,
                f"{self.label(col)} '{raw}' is not a valid YYYY, YYYY-MM or YYYY-MM-DD date",
                short_year_hint(raw) or hint,
                "invalid date",
            )
            return None
        if reading.note:
            warn(col, f"{self.label(col)}: {reading.note}", "", "date read from another format")
        v[col] = reading.value
        return parse_period(reading.value)


def check_rows(rows: Iterable[Row], checker: Checker) -> Report:
    """Check every row with `checker` and return its report (with the table when there are no errors)."""
    for row in rows:
        checker.check(row)
    return checker.finish()


EXTRA_FRAME_COLUMNS = ("start", "stop", "precision", "when", "ongoing", "company_list", "source_list",
                       "relation_list", "line")


def frame(records: list[dict[str, object]]) -> pd.DataFrame:
    """Checked records -> the events table, sorted by date then id."""
    df = pd.DataFrame.from_records(records, columns=[*schema.ALL_COLUMN_NAMES, *EXTRA_FRAME_COLUMNS])
    for col in schema.ALL_COLUMN_NAMES:
        df[col] = df[col].astype(object)
    # seconds, not nanoseconds: a year before 1677 or BCE fits (pandas' ns reach only 1677-2262)
    df["start"] = df["start"].astype("datetime64[s]")
    df["stop"] = df["stop"].astype("datetime64[s]")
    df["ongoing"] = df["ongoing"].astype(bool)
    return df.sort_values(["start", "id"], kind="stable").reset_index(drop=True)
