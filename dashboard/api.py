"""JSON and CSV twins of any view: `/api/events.json` and `/api/events.csv` take the page's parameters."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd
from flask import Flask, Response, jsonify, request

from . import schema, urlstate
from .filters import apply
from .text import csv_cell


def columns(events: pd.DataFrame) -> list[str]:
    """The schema's columns, plus `group` when the data uses it (a TimelineJS file, your own CSV)."""
    optional = schema.ALL_COLUMN_NAMES[len(schema.COLUMN_NAMES):]
    extra = [c for c in optional if c in events and (events[c] != "").any()]
    return [*schema.COLUMN_NAMES, *extra]


def records(view: pd.DataFrame, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows with every schema column, as strings, plus the date label."""
    out = view[names or list(schema.COLUMN_NAMES)].to_dict(orient="records")
    for rec, when in zip(out, view["when"], strict=True):
        rec["when"] = when
    return out


def register_api(server: Flask, events: pd.DataFrame, *, source_name: str) -> None:
    event_ids = frozenset(events["id"])
    names = columns(events)

    def current() -> tuple[urlstate.View, list[str], pd.DataFrame]:
        view, notices = urlstate.parse(request.args.to_dict(flat=False), event_ids=event_ids)
        return view, notices, apply(events, view.filters)

    @server.get("/api/events.json")
    def events_json() -> Response:
        view, notices, shown = current()
        applied: dict[str, list[str]] = {}
        for name, value in urlstate.to_params(view):
            applied.setdefault(name, []).append(value)
        return jsonify({
            "meta": {
                "source": source_name,
                "total": len(events),
                "count": len(shown),
                "filters": applied,
                "notices": notices,
            },
            "events": records(shown, names),
        })

    @server.get("/api/events.csv")
    def events_csv() -> Response:
        _, _, shown = current()
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        for row in shown[names].itertuples(index=False):
            writer.writerow([csv_cell(v) for v in row])
        return Response(buf.getvalue(), mimetype="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="frt-timeline-events.csv"'})
