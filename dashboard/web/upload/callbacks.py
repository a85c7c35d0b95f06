"""Thin wiring for "Use your own data": upload -> check -> session store (or problems), back to the bundled
data, and downloads of the uploaded data in each format. Module-level callbacks; `register(app)` wires
them."""

from __future__ import annotations

from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard.data.context import series_from_dict
from dashboard.data.formats import writers
from dashboard.view import urlstate
from dashboard.view.dataset import from_payload
from dashboard.web import ids
from dashboard.web.layout import data_summary
from dashboard.web.state import current, shown_for
from dashboard.web.upload import files as upload
from dashboard.web.upload import panel as upload_panel

EXPORT_NAMES = {"events": "events.csv", "timelinejs-json": "timeline.json", "timelinejs-csv": "timeline.csv"}


def kept(search: object) -> str:
    """The URL for new data: the old view's filters and selection go (they name the old file's events);
    the theme and the zoom stay."""
    written = shown_for(search).shown.written
    return urlstate.serialize(urlstate.View(theme=written.theme, zoom=written.zoom))


def answer(outcome: Any, pending: object, what: str, *, events: bool, search: object = None
           ) -> tuple[Any, Any, Any, Any]:
    """The upload callback's outputs (events store, context store, result panel, URL search) for a checked
    file: refused with its problems, or stored (a new events file also clears the URL's filters)."""
    name = upload.pending_name(pending)
    if outcome.payload is None:
        return no_update, no_update, upload_panel.refused(name, outcome.errors, outcome.warnings), no_update
    panel = upload_panel.loaded(name, outcome.summary, outcome.warnings, what, outcome.interpretation)
    if events:
        return outcome.payload, no_update, panel, kept(search)
    return no_update, outcome.payload, panel, no_update


def _latest(pending_events: Any, pending_context: Any) -> str:
    """Which upload a change of the reading choices applies to: the one chosen last."""
    def nonce(p: Any) -> float:
        value = p.get("nonce") if isinstance(p, dict) else None
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else -1

    if nonce(pending_events) < 0 and nonce(pending_context) < 0:
        return ""
    return ids.PENDING_CONTEXT if nonce(pending_context) > nonce(pending_events) else ids.PENDING_EVENTS


def receive(pending_events: Any, pending_context: Any, _back: object, order: Any, date_column: Any,
            value_column: Any, search: object) -> tuple[Any, ...]:
    """A checked upload goes into this tab's session store; problems are listed instead. Changing how
    files are read (dates, a context file's columns) reads the last file again."""
    trigger = ctx.triggered_id
    menus: tuple[Any, ...] = (no_update,) * 4
    if trigger == ids.BACK_TO_BUNDLED:
        if not ctx.triggered[0].get("value"):
            return (no_update,) * 4 + menus
        return None, None, "Showing the bundled data again.", kept(search), *menus
    if trigger in (ids.UPLOAD_DAY_ORDER, ids.CONTEXT_DATE_COLUMN, ids.CONTEXT_VALUE_COLUMN):
        latest = (ids.PENDING_CONTEXT if trigger != ids.UPLOAD_DAY_ORDER
                  else _latest(pending_events, pending_context))
        if latest == "" or (latest == ids.PENDING_CONTEXT and not pending_context):
            return (no_update,) * 4 + menus
        trigger = latest
    if trigger == ids.PENDING_CONTEXT:
        fresh = ctx.triggered_id == ids.PENDING_CONTEXT  # a new file: its columns are detected again
        date_column, value_column = ("", "") if fresh else (date_column, value_column)
        outcome = upload.context_upload(pending_context, date_column, value_column, order)
        menus = (upload_panel.column_choices(outcome.columns, count=False), date_column or "",
                 upload_panel.column_choices(outcome.columns, count=True), value_column or "")
        return (*answer(outcome, pending_context, "the context series", events=False), *menus)
    outcome = upload.events_upload(pending_events, order)
    return (*answer(outcome, pending_events, "your events", events=True, search=search), *menus)


def summary(user_data: object, user_context: object) -> tuple[Any, ...]:
    """Say which data the page shows, and offer the way back when it is the user's own."""
    served = current()
    own = from_payload(user_data) if user_data else None
    series = series_from_dict(user_context) if user_context else None
    ds = own or served.dataset
    text = data_summary(ds.events, f"your file {ds.name}, this tab only" if own else ds.name)
    shown_series = series or served.context
    if shown_series is not None:
        origin = f"your file {shown_series.name}" if series else shown_series.name
        how = f"{shown_series.interpretation}, " if shown_series.interpretation else ""
        text += f". Under the lanes: {shown_series.label} ({how}{origin})"
    heading = [ds.title, ": " + ds.subtitle if ds.subtitle else ""] if ds.title else []
    return text, not (own or series), heading, not heading, own is None


def export(_clicks: object, user_data: object) -> Any:
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


def register(app: Dash) -> None:
    """Wire the upload panel's callbacks to this app instance."""
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
    app.callback(
        Output(ids.USER_DATA, "data"), Output(ids.USER_CONTEXT, "data"),
        Output(ids.UPLOAD_RESULT, "children"), Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.CONTEXT_DATE_COLUMN, "options"), Output(ids.CONTEXT_DATE_COLUMN, "value"),
        Output(ids.CONTEXT_VALUE_COLUMN, "options"), Output(ids.CONTEXT_VALUE_COLUMN, "value"),
        Input(ids.PENDING_EVENTS, "data"), Input(ids.PENDING_CONTEXT, "data"),
        Input(ids.BACK_TO_BUNDLED, "n_clicks"),
        Input(ids.UPLOAD_DAY_ORDER, "value"), Input(ids.CONTEXT_DATE_COLUMN, "value"),
        Input(ids.CONTEXT_VALUE_COLUMN, "value"),
        State(ids.URL, "search"),
        running=[(Output(ids.UPLOAD_PROGRESS, "children"), "Checking your file…", "")],
        prevent_initial_call=True,
    )(receive)
    app.callback(
        Output(ids.DATA_SUMMARY, "children"), Output(ids.BACK_TO_BUNDLED, "hidden"),
        Output(ids.OWN_TITLE, "children"), Output(ids.OWN_TITLE, "hidden"), Output(ids.EXPORT_ROW, "hidden"),
        Input(ids.USER_DATA, "data"), Input(ids.USER_CONTEXT, "data"),
    )(summary)
    app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Input({"type": ids.EXPORT_BUTTON, "target": ALL}, "n_clicks"), State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )(export)
