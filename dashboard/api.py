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


def records(view: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows with every schema column, as strings, plus the date label."""
    out = view[list(schema.COLUMN_NAMES)].to_dict(orient="records")
    for rec, when in zip(out, view["when"], strict=True):
        rec["when"] = when
    return out


def register_api(server: Flask, events: pd.DataFrame, *, source_name: str) -> None:
    event_ids = frozenset(events["id"])

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
            "events": records(shown),
        })

    @server.get("/api/events.csv")
    def events_csv() -> Response:
        _, _, shown = current()
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(schema.COLUMN_NAMES)
        for row in shown[list(schema.COLUMN_NAMES)].itertuples(index=False):
            writer.writerow([csv_cell(v) for v in row])
        return Response(buf.getvalue(), mimetype="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="frt-timeline-events.csv"'})
