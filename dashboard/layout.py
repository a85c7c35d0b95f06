"""Assembles the page from components. No callbacks, no I/O."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from . import ids, schema
from .components import TABLE_PAGE, details, filter_panel, share_panel
from .describe import APP_TITLE
from .filters import companies_in
from .story import Story
from .story_components import time_toggle, tour_bar, tour_start
from .upload_panel import panel as upload_panel

__all__ = ["APP_TITLE", "GRAPH_CONFIG", "INDEX_STRING", "data_summary", "page"]

INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        <a class="skip-link" href="#timeline-section">Skip to the timeline</a>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "toImageButtonOptions": {"filename": "frt-timeline", "format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
}


def data_summary(events: pd.DataFrame, source_name: str) -> str:
    if events.empty:
        return f"{source_name}: no events"
    return (f"{len(events)} events from {events['start'].min():%Y} to {events['stop'].max():%Y} "
            f"({source_name}; latest event {events['start'].max().day} {events['start'].max():%B %Y})")


def page(events: pd.DataFrame, source_name: str, story: Story | None = None) -> html.Div:
    """The full explorer: header, filters, tour, chart, details, table."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.TABLE_SORT, data={"column": "date", "ascending": True}),
            # An upload lives in this tab's sessionStorage only: never on the server, never in another tab.
            dcc.Store(id=ids.USER_DATA, storage_type="session"),
            dcc.Store(id=ids.USER_CONTEXT, storage_type="session"),
            dcc.Store(id=ids.VIEW_RANGE),
            dcc.Store(id=ids.TABLE_ROWS, data=TABLE_PAGE),
            dcc.Store(id=ids.TOUR_MEMORY, storage_type="session"),
            html.Header(
                [
                    html.H1(APP_TITLE),
                    html.P("What the big tech companies decided about facial recognition, and when, next to the "
                           "protests, research, laws and cases around those decisions. Filter, click an event "
                           "for its sources, and share the link: the address always describes what you see.",
                           className="lede"),
                    html.Div([
                        html.P(data_summary(events, source_name), id=ids.DATA_SUMMARY, className="data-summary"),
                        html.Button("Back to the bundled data", id=ids.BACK_TO_BUNDLED, type="button",
                                    className="small-button", hidden=True),
                    ], className="summary-row"),
                    tour_start(story),
                ],
                className="page-header",
            ),
            html.Div(
                [
                    filter_panel(companies_in(events) or list(schema.COMPANIES), list(schema.CATEGORIES)),
                    html.Main(
                        [
                            upload_panel(),
                            html.Section(
                                [
                                    html.H2("Timeline", className="visually-hidden"),
                                    html.H2(id=ids.OWN_TITLE, className="own-title", hidden=True),
                                    tour_bar(),
                                    html.Div([
                                        html.P(id=ids.COUNT, className="count", role="status",
                                               **{"aria-live": "polite", "aria-atomic": "true"}),
                                        html.Div([
                                            html.Span("Download:", className="downloads-label"),
                                            html.Button("PNG", id=ids.DOWNLOAD_PNG, type="button",
                                                        className="download link-button",
                                                        title="The chart as you see it, as a PNG image"),
                                            html.Button("SVG", id=ids.DOWNLOAD_SVG, type="button",
                                                        className="download link-button",
                                                        title="The chart as you see it, as an SVG drawing"),
                                            # The bundled data's rows; hidden while an upload is shown.
                                            html.Span(id=ids.DOWNLOADS, className="downloads-rows", children=[
                                                html.A("CSV", id=ids.DOWNLOAD_CSV, href="/api/events.csv",
                                                       className="download", download="frt-timeline-events.csv",
                                                       title="The rows of this view"),
                                                html.A("JSON", id=ids.DOWNLOAD_JSON, href="/api/events.json",
                                                       className="download", title="The rows of this view"),
                                            ]),
                                            html.Span(id=ids.DOWNLOAD_STATUS, className="visually-hidden",
                                                      role="status"),
                                        ], className="downloads"),
                                    ], className="count-row"),
                                    html.Div(time_toggle(), className="view-tools"),
                                    share_panel(),
                                    html.Div(id=ids.NOTICES, className="notices", role="alert"),
                                    dcc.Loading(
                                        dcc.Graph(id=ids.GRAPH, config=GRAPH_CONFIG, className="timeline-graph",
                                                  figure={"data": [], "layout": {"height": 420}}),
                                        type="default", delay_show=150,
                                    ),
                                ],
                                id="timeline-section",
                                tabIndex="-1",
                                className="timeline-section",
                                **{"aria-label": "Timeline chart"},
                            ),
                            html.Aside(
                                [
                                    html.Button("Close", id=ids.DETAILS_CLOSE, type="button",
                                                className="close-button", **{"aria-label": "Close details"}),
                                    html.Div(details(None), id=ids.DETAILS),
                                ],
                                className="details-panel",
                                id="details-panel",
                                **{"aria-label": "Event details"},
                            ),
                            html.Section(
                                [html.H2("Events in this view"), html.Div(id=ids.TABLE),
                                 html.Button("Show more events", id=ids.TABLE_MORE, type="button", hidden=True,
                                             className="small-button more-button")],
                                className="table-section",
                            ),
                        ],
                        className="content",
                    ),
                ],
                className="layout",
            ),
            html.Footer(
                html.P(["frt-timeline: an open dataset and app. Every event cites its sources; ",
                        html.A("download the data of this view", href="/api/events.csv"),
                        "."]),
                className="page-footer",
            ),
        ],
        className="app",
    )
