"""JSON and CSV twins of any view: `/api/events.json` and `/api/events.csv` take the page's parameters."""

from __future__ import annotations

from dataclasses import replace

from flask import Flask, Response, current_app, jsonify, request

from dashboard.data.rows import columns, csv_text, records
from dashboard.text import describe
from dashboard.view import urlstate
from dashboard.web import reloading
from dashboard.web.state import current, request_shown


def register_api(server: Flask) -> None:
    """Add `/api/events.json` and `/api/events.csv` (the served data; `step=N` gives a tour step's rows)."""

    @server.get("/api/events.json")
    def events_json() -> Response:
        shown = request_shown(request.args.to_dict(flat=False))
        applied: dict[str, list[str]] = {}
        for name, value in urlstate.to_params(replace(shown.view, theme=None, zoom=None)):
            applied.setdefault(name, []).append(value)
        response = jsonify({
            "meta": {
                "source": shown.dataset.name,
                "version": reloading.version_of(current_app),  # the data version this answer comes from
                "total": shown.total,
                "count": shown.count,
                "filters": applied,
                "notices": list(shown.notices),
            },
            "events": records(shown.rows, columns(shown.dataset.events)),
        })
        name = describe.slug(shown.view) + ".json"  # a download named after the view, like the CSV
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @server.get("/api/events.csv")
    def events_csv() -> Response:
        shown = request_shown(request.args.to_dict(flat=False))
        name = describe.slug(shown.view) + ".csv"  # named after the view, like the chart images
        return Response(csv_text(shown.rows, columns(current().dataset.events)), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
