"""The "Use your own data" panel and the messages it shows: plain strings in Dash components, never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.data.dates import DAY_FIRST, MONTH_FIRST
from dashboard.data.errors import Problem, grouped
from dashboard.web import ids
from dashboard.web.components import attrs
from dashboard.web.upload.files import (
    CONTEXT_SUFFIXES,
    COUNT_ROWS,
    EVENT_SUFFIXES,
    LIMITS_TEXT,
    MAX_UPLOAD_BYTES,
)

POLITE: dict[str, Any] = {"aria-live": "polite"}
# A zone's words name its file input (dcc.Upload renders the input itself: assets/upload.js links them).
UPLOAD_LABEL = "upload-label"
MAX_LISTED = 100  # problems listed on the page; the command line lists them all
EXPORTS = {
    "events": "events CSV",
    "timelinejs-json": "TimelineJS JSON",
    "timelinejs-csv": "TimelineJS sheet (CSV)",
}


def panel() -> html.Details:
    """Upload zones for events and a context series, templates, limits, progress and results."""
    return html.Details(**attrs(data_app="panel"), children=
        [
            html.Summary("Use your own data"),
            html.P(
                "Show your own events on this timeline, in this browser tab only: nothing is stored on the "
                "server, and everyone else keeps seeing the bundled data."
            ),
            html.P(
                [
                    "Accepted: this project's events CSV, a TimelineJS spreadsheet saved as CSV, or a "
                    "TimelineJS JSON file; a context series is a CSV with a date column and a count per day "
                    "or week, or one row per protest. ",
                    LIMITS_TEXT,
                ]
            ),
            dcc.Store(id=ids.UPLOAD_LIMIT, data=MAX_UPLOAD_BYTES),
            dcc.Store(id=ids.PENDING_EVENTS),
            dcc.Store(id=ids.PENDING_CONTEXT),
            html.Div(
                [
                    dcc.Upload(
                        id=ids.UPLOAD_EVENTS,
                        accept=",".join(EVENT_SUFFIXES),
                        multiple=False,
                        className="upload-zone",
                        children=html.Div(["Events: drop a file here or ", html.U("choose a file")],
                                          id=ids.UPLOAD_EVENTS_LABEL, className=UPLOAD_LABEL),
                    ),
                    dcc.Upload(
                        id=ids.UPLOAD_CONTEXT,
                        accept=",".join(CONTEXT_SUFFIXES),
                        multiple=False,
                        className="upload-zone",
                        children=html.Div(["Context series: drop a CSV here or ", html.U("choose a file")],
                                          id=ids.UPLOAD_CONTEXT_LABEL, className=UPLOAD_LABEL),
                    ),
                ],
                className="upload-zones",
            ),
            reading_choices(),
            html.P(
                [
                    "Templates: ",
                    html.A("empty events CSV", href="/download/template.csv", download="events-template.csv"),
                    " · ",
                    html.A(
                        "TimelineJS sheet (CSV)",
                        href="/download/timelinejs-template.csv",
                        download="timelinejs-template.csv",
                    ),
                    " · ",
                    html.A(
                        "context series (CSV)",
                        href="/download/context-template.csv",
                        download="context-template.csv",
                    ),
                    " · ",
                    html.A(
                        "the schema (JSON)", href="/download/schema.json", download="frt-timeline-schema.json"
                    ),
                ],
                className="upload-templates",
            ),
            html.P(id=ids.UPLOAD_PROGRESS, className="upload-progress", role="status"),
            html.Div(id=ids.UPLOAD_RESULT, className="upload-result", **POLITE),
            html.Div(
                [
                    "Download your data as: ",
                    *[
                        html.Button(
                            label,
                            id={"type": ids.EXPORT_BUTTON, "target": target},
                            type="button",
                            className="small-button",
                        )
                        for target, label in EXPORTS.items()
                    ],
                    dcc.Download(id=ids.EXPORT_DOWNLOAD),
                ],
                id=ids.EXPORT_ROW,
                className="button-row export-row",
                hidden=True,
            ),
        ],
        id=ids.UPLOAD_PANEL,
        className="upload-panel",
    )


ORDER_CHOICES = [{"label": "as the file shows", "value": ""},
                 {"label": "day first (31/12/2020)", "value": DAY_FIRST},
                 {"label": "month first (12/31/2020)", "value": MONTH_FIRST}]


def column_choices(columns: Sequence[str], *, count: bool) -> list[dict[str, str]]:
    """A context file's columns as menu choices, after 'detect' (and 'count rows per day' for values)."""
    first = [{"label": "detect", "value": ""}]
    if count:
        first.append({"label": "count rows per day", "value": COUNT_ROWS})
    return first + [{"label": c, "value": c} for c in columns if c]


def reading_choices() -> html.Div:
    """How files are read: the order of day and month, and a context series' date and value columns (the
    column menus fill in once a context file is loaded)."""
    return html.Div(
        [
            html.Fieldset([html.Legend("Dates like 03/04/2020 are written"),
                           dcc.RadioItems(id=ids.UPLOAD_DAY_ORDER, options=ORDER_CHOICES, value="",
                                          inline=True, className="checklist", inputClassName="check-input")]),
            html.Fieldset([html.Legend("Context series: Date column"),
                           dcc.RadioItems(id=ids.CONTEXT_DATE_COLUMN, options=column_choices([], count=False),
                                          value="", inline=True, className="checklist",
                                          inputClassName="check-input")]),
            html.Fieldset([html.Legend("Context series: Values"),
                           dcc.RadioItems(id=ids.CONTEXT_VALUE_COLUMN, options=column_choices([], count=True),
                                          value="", inline=True, className="checklist",
                                          inputClassName="check-input")]),
        ],
        className="upload-choices",
    )


def _where(p: Problem) -> str:
    return f"Line {p.line}, column {p.column}: " if p.line > 0 else ""


def problem_items(problems: Sequence[Problem], limit: int, *, hint_label: str = "Fix") -> list[html.Section]:
    """Problems grouped by kind: a heading per kind, then each with its place, what is wrong and the fix."""
    sections = []
    shown = 0
    for kind, items in grouped(problems):
        rows = []
        for p in items:
            if shown >= limit:
                break
            shown += 1
            rows.append(
                html.Li(
                    [
                        html.Span(_where(p), className="problem-where"),
                        p.problem + ".",
                        html.Span(f" {hint_label}: {p.hint}." if p.hint else "", className="problem-hint"),
                    ]
                )
            )
        if rows:
            sections.append(
                html.Section(
                    [html.H3(f"{kind[:1].upper()}{kind[1:]} ({len(items)})"), html.Ul(rows)],
                    className="problem-group",
                )
            )
    return sections


def refused(name: str, errors: Sequence[Problem], warnings: Sequence[Problem]) -> html.Div:
    """The problems that kept a file from loading (the timeline keeps showing what it showed)."""
    more = len(errors) - MAX_LISTED
    return html.Div(
        [
            html.P(
                f"{name} was not loaded: {len(errors)} problem{'s' if len(errors) != 1 else ''} to fix. "
                "The timeline still shows the previous data.",
                className="upload-error-title",
            ),
            *problem_items(errors, MAX_LISTED),
            html.P(
                f"…and {more} more: run `frt-timeline validate {name}` for the full list." if more > 0 else ""
            ),
            *(
                [
                    html.Details(**attrs(data_app="panel"), children=
                        [
                            html.Summary(f"Warnings ({len(warnings)})"),
                            *problem_items(warnings, MAX_LISTED, hint_label="Tip"),
                        ]
                    )
                ]
                if warnings
                else []
            ),
        ],
        className="upload-errors",
        role="alert",
    )


def loaded(
    name: str, summary: str, warnings: Sequence[Problem], what: str, interpretation: str = ""
) -> html.Div:
    """A file was loaded: what is shown now, and its warnings (nothing dropped without a word)."""
    return html.Div(
        [
            html.P(f"Showing {what} from {name}: {summary}.", className="upload-ok"),
            *([html.P(f"Read by {interpretation}. To read it another way, choose the columns above.",
                      className="upload-interpretation")] if interpretation else []),
            *(
                [
                    html.Details(**attrs(data_app="panel"), children=
                        [
                            html.Summary(f"Warnings ({len(warnings)})"),
                            *problem_items(warnings, MAX_LISTED, hint_label="Tip"),
                        ],
                        open=True,
                    )
                ]
                if warnings
                else []
            ),
        ]
    )
