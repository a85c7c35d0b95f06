"""Templates and the schema, for people bringing their own data: `/download/*`. Built from schema.py."""

from __future__ import annotations

import csv
import io

from flask import Flask, Response, jsonify

from dashboard.data import schema
from dashboard.data.context import DATE_COLUMNS
from dashboard.data.formats.timelinejs import COLUMNS as TIMELINEJS_COLUMNS
from dashboard.web.upload import files as upload


def _csv(rows: list[list[str]], filename: str) -> Response:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return Response(
        buf.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def schema_document() -> dict[str, object]:
    """Everything a file needs to satisfy, as data."""
    return {
        "events_csv": {
            "columns": [
                {"name": c.name, "required": c.required, "meaning": c.meaning} for c in schema.ALL_COLUMNS
            ],
            "categories": schema.CATEGORIES,
            "companies": "any names, `;`-separated; each company is a lane",
            "dates": "YYYY, YYYY-MM or YYYY-MM-DD (ambiguous dates such as 03/04/2020 are refused)",
            "list_separator": schema.LIST_SEP,
        },
        "timelinejs": {
            "csv_columns": list(TIMELINEJS_COLUMNS),
            "json": '{"title": {"text": {...}}, "events": [...], "eras": [...]}',
            "required": "a Year (or start_date.year) and a Headline or Text per event",
        },
        "context_series": {
            "date_column": list(DATE_COLUMNS[:2]),
            "shapes": [
                "a date column and one numeric column (a value per day or week)",
                "one row per event (counted per day)",
            ],
        },
        "limits_in_the_browser": {
            "bytes": upload.MAX_UPLOAD_BYTES,
            "events": upload.EVENT_LIMITS.max_rows,
            "seconds": upload.PARSE_TIMEOUT_S,
            "context_rows": upload.MAX_CONTEXT_ROWS,
            "context_days": upload.MAX_CONTEXT_POINTS,
        },
    }


def register_downloads(server: Flask) -> None:
    @server.get("/download/template.csv")
    def events_template() -> Response:
        return _csv([list(schema.ALL_COLUMN_NAMES)], "events-template.csv")

    @server.get("/download/timelinejs-template.csv")
    def timelinejs_template() -> Response:
        return _csv([list(TIMELINEJS_COLUMNS)], "timelinejs-template.csv")

    @server.get("/download/context-template.csv")
    def context_template() -> Response:
        return _csv([["date", "protests"]], "context-template.csv")

    @server.get("/download/schema.json")
    def schema_json() -> Response:
        response = jsonify(schema_document())
        response.headers["Content-Disposition"] = 'attachment; filename="frt-timeline-schema.json"'
        return response
