"""JSON and CSV twins of any view: `/api/events.json` and `/api/events.csv` take the page's parameters."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from flask import Flask, Response, current_app, jsonify, request

from dashboard.data.rows import columns, csv_text, records
from dashboard.text import describe
from dashboard.view import story, urlstate
from dashboard.view.filters import apply, companies_in
from dashboard.web import reloading


def register_api(
    server: Flask, events: pd.DataFrame, *, source_name: str, tour: story.Story | None = None
) -> None:
    event_ids = frozenset(events["id"])
    names_in = companies_in(events)
    names = columns(events)

    def current() -> tuple[urlstate.View, list[str], pd.DataFrame]:
        # `step=N` gives the rows of that tour step's view
        _, view, notices = story.read_view(request.args.to_dict(flat=False), event_ids, tour,
                                           companies=names_in)
        return view, notices, apply(events, view.filters)

    @server.get("/api/events.json")
    def events_json() -> Response:
        view, notices, shown = current()
        applied: dict[str, list[str]] = {}
        for name, value in urlstate.to_params(replace(view, theme=None)):
            applied.setdefault(name, []).append(value)
        response = jsonify({
            "meta": {
                "source": source_name,
                "version": reloading.version_of(current_app),  # the data version this answer comes from
                "total": len(events),
                "count": len(shown),
                "filters": applied,
                "notices": notices,
            },
            "events": records(shown, names),
        })
        name = describe.slug(view) + ".json"  # a download named after the view, like the CSV
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @server.get("/api/events.csv")
    def events_csv() -> Response:
        view, _, shown = current()
        name = describe.slug(view) + ".csv"  # named after the view, like the chart images
        return Response(csv_text(shown, names), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
