"""The data one browser session sees: the bundled events, or the events it uploaded.

An upload is never stored on the server: its checked rows travel in the browser's session store, and a
callback rebuilds the table from them through the same validation, so the app stays a stateless WSGI app and
a tampered store can only fall back to the bundled data. A store is held to an upload's limits (its rows,
and its size as JSON) before any other work, and checked once per process: the tables of the last few
stores are kept by the digest of their JSON. Pure: no Dash import.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.data import schema, timescale
from dashboard.data.errors import DataError
from dashboard.data.limits import MAX_ROWS, MAX_UPLOAD_BYTES
from dashboard.data.load import read_report
from dashboard.data.settings import NONE, Settings, load_settings
from dashboard.data.validate import Checker, Era, Report, Row, check_rows
from dashboard.view.bands import Band, era_bands, protest_band
from dashboard.view.eventindex import EventIndex
from dashboard.view.filters import companies_in

VERSION = 1
# An upload's rows as JSON: the file's text plus quotes and commas; well under a callback request's limit.
MAX_STORE_BYTES = MAX_UPLOAD_BYTES * 5 // 4
STORE_CACHE = 8  # checked stores kept per process, by digest (each at most MAX_ROWS events)
_checked: OrderedDict[str, Dataset | None] = OrderedDict()
_checked_lock = threading.Lock()


@dataclass(frozen=True)
class Dataset:
    """Events and everything derived from them that the page needs."""

    events: pd.DataFrame
    name: str
    format: str = "events CSV"
    title: str = ""
    subtitle: str = ""
    eras: tuple[Band, ...] = ()
    band: Band | None = None
    companies: tuple[str, ...] = ()
    event_ids: frozenset[str] = frozenset()
    by_id: pd.DataFrame = field(default_factory=pd.DataFrame)
    uploaded: bool = False
    era_rows: tuple[Era, ...] = ()
    index: EventIndex | None = None  # always set by `build`; the one filter path (EventIndex.mask)
    settings: Settings = NONE

    @cached_property  # read by every view's resolution: a scan of 100,000 rows is 4 ms
    def grouped(self) -> bool:
        """Events with a `group` lane of their own: drawn whole (the index knows company and context
        lanes only)."""
        return "group" in self.events.columns and bool((self.events["group"] != "").any())

    @cached_property
    def deep(self) -> bool:
        """Events outside 1677-2262 (years before 1000, BCE): drawn whole, on an axis that labels BCE."""
        idx = self.idx
        return timescale.is_deep(idx.start) or timescale.is_deep(idx.stop)

    @property
    def idx(self) -> EventIndex:
        assert self.index is not None, "build a Dataset with Dataset.build"
        return self.index

    @classmethod
    def build(
        cls,
        events: pd.DataFrame,
        name: str,
        *,
        format: str = "events CSV",
        title: str = "",
        subtitle: str = "",
        eras: tuple[Era, ...] | list[Era] = (),
        uploaded: bool = False,
        settings: Settings = NONE,
    ) -> Dataset:
        return cls(
            events=events,
            name=name,
            format=format,
            title=title,
            subtitle=subtitle,
            eras=tuple(era_bands((e.date, e.end_date, e.label) for e in eras)),
            band=protest_band(events, settings.band_event),
            companies=tuple(companies_in(events)),
            event_ids=frozenset(events["id"]),
            by_id=events.set_index("id", drop=False),
            uploaded=uploaded,
            era_rows=tuple(eras),
            index=EventIndex.build(events),
            settings=settings,
        )


def load_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read, check and index an events file with the settings beside it (read-only).

    Raises:
        DataError: listing every problem of the file (or of its settings) with its location.
    """
    source = Path(path)
    report = read_report(source)
    if report.errors or report.events is None:
        raise DataError(report.errors)
    events = report.events
    events.attrs["warnings"] = [str(w) for w in report.warnings]
    settings = load_settings(source, frozenset(events["id"]))
    return Dataset.build(events, source.name, format=report.format, title=report.title,
                         subtitle=report.subtitle, eras=report.eras, settings=settings)


def of_frame(events: pd.DataFrame, name: str = "events") -> Dataset:
    """A Dataset of a table from `load_events` (the notebook API): its eras, title and settings come along."""
    eras = [Era(*era) for era in events.attrs.get("eras", ())]
    settings = events.attrs.get("settings", NONE)
    return Dataset.build(events, name, title=str(events.attrs.get("title", "")), eras=eras,
                         settings=settings if isinstance(settings, Settings) else NONE)


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def to_payload(report: Report, name: str) -> dict[str, Any]:
    """A checked report -> what the browser keeps in its session store (plain JSON)."""
    assert report.events is not None
    columns = list(schema.ALL_COLUMN_NAMES)
    return {
        "version": VERSION,
        "name": name,
        "format": report.format,
        "title": report.title,
        "subtitle": report.subtitle,
        "columns": columns,
        "rows": report.events[columns].astype(str).values.tolist(),
        "eras": [[e.date, e.end_date, e.label] for e in report.eras],
    }


def store_json(payload: Any) -> bytes | None:
    """The store as canonical JSON when it is within an upload's limits (rows, then bytes), else None."""
    if not isinstance(payload, dict) or payload.get("version") != VERSION:
        return None
    rows = payload.get("rows")
    if not isinstance(rows, list) or len(rows) > MAX_ROWS:
        return None
    try:
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        return None
    return text if len(text) <= MAX_STORE_BYTES else None


def from_payload(payload: Any) -> Dataset | None:
    """The Dataset of a session store, checked once per process; None when the store is over an upload's
    limits or does not hold valid events."""
    text = store_json(payload)
    if text is None:
        return None
    digest = hashlib.sha256(text).hexdigest()
    with _checked_lock:
        if digest in _checked:
            _checked.move_to_end(digest)
            return _checked[digest]
    dataset = _from_json(text)
    with _checked_lock:
        _checked[digest] = dataset
        while len(_checked) > STORE_CACHE:
            _checked.popitem(last=False)
    return dataset


def _from_json(text: bytes) -> Dataset | None:
    payload = json.loads(text)
    columns, rows = payload.get("columns"), payload.get("rows")
    if columns != list(schema.ALL_COLUMN_NAMES) or not isinstance(rows, list) or not rows:
        return None
    name = _text(payload.get("name"), 200) or "your file"
    report = Report(events=None)
    checker = Checker(name, report, required=schema.TIMELINE_REQUIRED)
    parsed = []
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != len(columns) or not all(isinstance(v, str) for v in row):
            return None
        parsed.append(Row(i, dict(zip(columns, row, strict=True)), {}))
    check_rows(parsed, checker)
    if report.errors or report.events is None:
        return None
    eras = []
    stored_eras = payload.get("eras")
    for era in stored_eras if isinstance(stored_eras, list) else []:
        if isinstance(era, list) and len(era) == 3 and all(isinstance(v, str) for v in era):
            eras.append(Era(*era))
    return Dataset.build(
        report.events,
        name,
        format=_text(payload.get("format"), 60),
        title=_text(payload.get("title"), 200),
        subtitle=_text(payload.get("subtitle"), 500),
        eras=eras,
        uploaded=True,
    )


def resolve(bundled: Dataset, payload: Any) -> tuple[Dataset, list[str]]:
    """The session's dataset: its upload when it holds one, else the bundled data (with a notice when the
    store could not be read)."""
    if not payload:
        return bundled, []
    own = from_payload(payload)
    if own is None:
        return bundled, [
            "Your uploaded data could not be read again; showing the bundled data. Load the file again."
        ]
    return own, []
