"""Thin wiring for "Use your own data": upload -> check -> session store (or problems), back to the bundled
data, and downloads of the uploaded data in each format. Registered on the app instance."""

from __future__ import annotations

from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard.data.context import Series, series_from_dict
from dashboard.data.formats import writers
from dashboard.view.dataset import Dataset, from_payload
from dashboard.web import ids
from dashboard.web.layout import data_summary
from dashboard.web.upload import files as upload
from dashboard.web.upload import panel as upload_panel

EXPORT_NAMES = {"events": "events.csv", "timelinejs-json": "timeline.json", "timelinejs-csv": "timeline.csv"}


def answer(outcome: Any, pending: object, what: str, *, events: bool) -> tuple[Any, Any, Any, Any]:
    """The upload callback's outputs (events store, context store, result panel, URL search) for a checked
    file: refused with its problems, or stored (a new events file also clears the URL's view)."""
    name = upload.pending_name(pending)
    if outcome.payload is None:
        return no_update, no_update, upload_panel.refused(name, outcome.errors, outcome.warnings), no_update
    panel = upload_panel.loaded(name, outcome.summary, outcome.warnings, what)
    if events:
        return outcome.payload, no_update, panel, ""
    return no_update, outcome.payload, panel, no_update


def register_upload_callbacks(app: Dash, bundled: Dataset, *, context: Series | None) -> None:
    for source, pending in (
        (ids.UPLOAD_EVENTS, ids.PENDING_EVENTS),
        (ids.UPLOAD_CONTEXT, ids.PENDING_CONTEXT),
    ):
        app.clientside_callback(
            ClientsideFunction(namespace="frt", function_name="pendingUpload"),
            Output(pending, "data"),
            Output(source, "contents"),
            Input(source, "contents"),
            State(source, "filename"),
            State(ids.UPLOAD_LIMIT, "data"),
            prevent_initial_call=True,
        )

    @app.callback(
        Output(ids.USER_DATA, "data"),
        Output(ids.USER_CONTEXT, "data"),
        Output(ids.UPLOAD_RESULT, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.PENDING_EVENTS, "data"),
        Input(ids.PENDING_CONTEXT, "data"),
        Input(ids.BACK_TO_BUNDLED, "n_clicks"),
        running=[(Output(ids.UPLOAD_PROGRESS, "children"), "Checking your file…", "")],
        prevent_initial_call=True,
    )
    def receive(pending_events, pending_context, _back):  # type: ignore[no-untyped-def]
        """A checked upload goes into this tab's session store; problems are listed instead."""
        trigger = ctx.triggered_id
        if trigger == ids.BACK_TO_BUNDLED:
            if not ctx.triggered[0].get("value"):
                return no_update, no_update, no_update, no_update
            return None, None, "Showing the bundled data again.", ""
        if trigger == ids.PENDING_CONTEXT:
            outcome = upload.context_upload(pending_context)
            return answer(outcome, pending_context, "the context series", events=False)
        return answer(upload.events_upload(pending_events), pending_events, "your events", events=True)

    @app.callback(
        Output(ids.DATA_SUMMARY, "children"),
        Output(ids.BACK_TO_BUNDLED, "hidden"),
        Output(ids.OWN_TITLE, "children"),
        Output(ids.OWN_TITLE, "hidden"),
        Output(ids.EXPORT_ROW, "hidden"),
        Input(ids.USER_DATA, "data"),
        Input(ids.USER_CONTEXT, "data"),
    )
    def summary(user_data, user_context):  # type: ignore[no-untyped-def]
        """Say which data the page shows, and offer the way back when it is the user's own."""
        own = from_payload(user_data) if user_data else None
        series = series_from_dict(user_context) if user_context else None
        ds = own or bundled
        text = data_summary(ds.events, f"your file {ds.name}, this tab only" if own else ds.name)
        shown_series = series or context
        if shown_series is not None:
            origin = f"your file {shown_series.name}" if series else shown_series.name
            text += f". Under the lanes: {shown_series.label} ({origin})"
        heading = [ds.title, ": " + ds.subtitle if ds.subtitle else ""] if ds.title else []
        return text, not (own or series), heading, not heading, own is None

    @app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Input({"type": ids.EXPORT_BUTTON, "target": ALL}, "n_clicks"),
        State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )
    def export(_clicks, user_data):  # type: ignore[no-untyped-def]
        """The uploaded events, converted to the chosen format (built here, stored nowhere)."""
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            return no_update
        trigger = ctx.triggered_id
        target = trigger.get("target") if isinstance(trigger, dict) else None
        own = from_payload(user_data) if user_data else None
        if own is None or target not in EXPORT_NAMES:
            return no_update
        out = writers.write(target, own.events, title=own.title, subtitle=own.subtitle, eras=own.era_rows)
        return {"content": out.text, "filename": EXPORT_NAMES[target], "type": "text/plain"}
