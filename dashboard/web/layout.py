"""Assembles the page from components. No callbacks, no I/O."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.data.dates import day_label, year_label
from dashboard.data.settings import Preset
from dashboard.text.describe import APP_TITLE
from dashboard.view.dataset import Dataset
from dashboard.view.filters import categories_in
from dashboard.view.story import Story
from dashboard.web import ids
from dashboard.web.components import attrs, details, filter_panel, share_panel, table_head
from dashboard.web.tour.components import time_toggle, tour_bar, tour_start
from dashboard.web.upload.panel import panel as upload_panel

__all__ = ["APP_TITLE", "GRAPH_CONFIG", "INDEX_STRING", "data_summary", "header", "page"]

# Before the first paint (the header and the first chart are in the page's HTML): the theme the URL names,
# else the reader's system setting, so a dark page is never painted light first. It is the theme at load:
# static/predraw.js reads it, assets/clientside.js changes it with the URL and the system setting later.
# security.install allows it by its hash.
THEME_SCRIPT = ('(function () { var t = new URLSearchParams(window.location.search).get("theme");'
                ' document.documentElement.dataset.theme = t === "dark" || t === "light" ? t'
                ' : window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches'
                ' ? "dark" : "light"; })();')

INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
        <script>""" + THEME_SCRIPT + """</script>
    </head>
    <body>
        <a class="skip-link" href="#timeline-section">Skip to the timeline</a>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""

# The same config for every view, and never sent again by a callback: Plotly.react given a config that
# differs from the one drawn throws the drawing away and plots the chart anew, twice as slow as a change of
# view drawn in place, and losing a pan or pinch already made.
GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "showSendToCloud": False,
    # "Share chart..." would upload the chart to a server: not for an offline app.
    # The camera gives a bare image: the page's PNG and SVG buttons give the publication-ready one.
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "sendChartToCloud", "toImage"],
}


KEYS_HELP = ("Keyboard: on the chart, Left and Right arrows move through the events in date order, Home "
             "and End go to the first and last, Enter opens the details (Escape closes them), + and − zoom.")


def preset_buttons(presets: tuple[Preset, ...]) -> list[html.Button]:
    """"All" and the dataset's zoom presets, as buttons assets/timeline.js runs."""
    buttons = [html.Button("All", type="button", className="small-button", **attrs(data_zoom="all"))]
    for preset in presets:
        days = f"{preset.start.isoformat()} {preset.end.isoformat()}"
        buttons.append(html.Button(preset.label, type="button", className="small-button",
                                   **attrs(data_range=days)))
    return buttons


def chart_toolbar(presets: tuple[Preset, ...] = ()) -> html.Div:
    """Zoom buttons as real HTML buttons (Plotly's own are mouse-only); assets/timeline.js runs them. The
    presets are the dataset's (the render callback renews them for a tab's own data)."""
    buttons = [
        html.Span(preset_buttons(presets), id=ids.CHART_PRESETS, className="chart-presets"),
        html.Button("+", type="button", className="small-button", title="Zoom in",
                    **attrs(data_zoom="in", aria_label="Zoom in")),
        html.Button("−", type="button", className="small-button", title="Zoom out",
                    **attrs(data_zoom="out", aria_label="Zoom out")),
    ]
    return html.Div(buttons, id=ids.CHART_TOOLBAR, className="chart-toolbar", role="group",
                    **attrs(aria_label="Zoom the chart", data_day0=""))


def chart() -> html.Div:
    """The chart inside a focusable wrapper: its accessible name, its text summary, its keyboard mode."""
    return html.Div(
        dcc.Loading(
            dcc.Graph(id=ids.GRAPH, config=GRAPH_CONFIG, className="timeline-graph",
                      figure={"data": [], "layout": {"height": 420}}),
            # The chart stays in view under the spinner (it is never blanked while a new one is asked for),
            # and no spinner covers the page's pre-drawn first chart (web/predraw.py).
            type="default", delay_show=150, show_initially=False, overlay_style={"visibility": "visible"},
        ),
        id=ids.CHART_KEYS,
        className="chart-keys",
        tabIndex="0",
        role="application",
        **attrs(aria_label="Timeline chart", aria_describedby=f"{ids.CHART_SUMMARY} chart-keys-help",
                data_order="", data_selected=""),
    )


LEDE = ("What big tech decided about facial recognition, and when, beside the protests, research, laws "
        "and court cases around it.")


def downloads() -> html.Div:
    """The chart as an image (built by the server like the command line's export: assets/share.js) and the
    view's rows."""
    return html.Div([
        html.Span("Download:", className="downloads-label"),
        html.Button("PNG", id=ids.DOWNLOAD_PNG, type="button", className="download link-button",
                    title="This view as a PNG image with its title, filters, legend and source"),
        html.Button("SVG", id=ids.DOWNLOAD_SVG, type="button", className="download link-button",
                    title="This view as an SVG drawing with its title, filters, legend and source"),
        # The bundled data's rows; hidden while an upload is shown.
        html.Span(id=ids.DOWNLOADS, className="downloads-rows", children=[
            html.A("CSV", id=ids.DOWNLOAD_CSV, href="/api/events.csv", className="download",
                   download="frt-timeline-events.csv", title="The rows of this view"),
            html.A("JSON", id=ids.DOWNLOAD_JSON, href="/api/events.json", className="download",
                   title="The rows of this view"),
        ]),
        dcc.Store(id=ids.DOWNLOAD_IMAGE),
        html.Span(id=ids.DOWNLOAD_STATUS, className="download-status", role="status"),
    ], className="downloads")


def data_summary(events: pd.DataFrame, source_name: str) -> str:
    if events.empty:
        return f"{source_name}: no events"
    first, last, latest = events["start"].min(), events["stop"].max(), events["start"].max()
    return (f"{len(events)} events from {year_label(first.year)} to {year_label(last.year)} "
            f"({source_name}; latest event {day_label(latest)})")


def header(dataset: Dataset, story: Story | None = None) -> html.Header:
    """The title, the lede, what data is shown, the tour's start and the theme toggle. The page's HTML carries
    a copy of it (web/predraw.py) that is shown until Dash has built the page."""
    return html.Header(
        [
            html.Div([
                html.Div([
                    html.H1(APP_TITLE),
                    html.P(LEDE, className="lede"),
                    html.Div([
                        html.P(data_summary(dataset.events, dataset.name), id=ids.DATA_SUMMARY,
                               className="data-summary"),
                        html.Button("Back to the bundled data", id=ids.BACK_TO_BUNDLED, type="button",
                                    className="small-button", hidden=True),
                    ], className="summary-row"),
                ], className="title-block"),
                html.Div([
                    tour_start(story),
                    # Says what a press does; a11y.py and clientside.js keep the words with the theme.
                    html.Button("Dark theme", id=ids.THEME_TOGGLE, type="button",
                                className="theme-toggle"),
                ], className="header-actions"),
            ], className="title-row"),
            html.P(["This view: ", html.Span(id=ids.PRINT_URL)], className="print-only print-url"),
        ],
        className="page-header",
    )


def page(dataset: Dataset, story: Story | None = None) -> html.Div:
    """The full explorer: header, filters, tour, chart, details, table."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.TABLE_SORT, data={"column": "date", "ascending": True}),
            # An upload lives in this tab's sessionStorage only: never on the server, never in another tab.
            dcc.Store(id=ids.USER_DATA, storage_type="session"),
            dcc.Store(id=ids.USER_CONTEXT, storage_type="session"),
            dcc.Store(id=ids.URL_REQUEST),
            dcc.Store(id=ids.FIGURE_KEY),
            dcc.Store(id=ids.X_CHANGE),
            dcc.Store(id=ids.TABLE_ROWS),  # {"view": ..., "rows": n} once "Show more" is pressed
            dcc.Store(id=ids.TABLE_VIEW),
            dcc.Store(id=ids.TABLE_DATA),
            dcc.Store(id=ids.TOUR_MEMORY, storage_type="session"),
            dcc.Store(id=ids.THEME),
            dcc.Store(id=ids.KEY_SELECT),
            dcc.Store(id=ids.LAST_QUERY),
            header(dataset, story),
            html.Div(
                [
                    # The tour's card sits beside the chart, above the filters: never above the chart.
                    html.Div([tour_bar(),
                              filter_panel(list(dataset.companies), categories_in(dataset.events))],
                             className="side"),
                    html.Main(
                        [
                            html.Section(
                                [
                                    html.H2("Timeline", id="timeline-heading", className="visually-hidden"),
                                    html.H2(id=ids.OWN_TITLE, className="own-title", hidden=True),
                                    html.Div([
                                        html.P(id=ids.COUNT, className="count"),
                                        downloads(),
                                    ], className="count-row"),
                                    html.Div([chart_toolbar(dataset.settings.presets), time_toggle()],
                                             className="view-tools"),
                                    html.Div(id=ids.LIVE, className="visually-hidden", role="status",
                                             **attrs(aria_live="polite", aria_atomic="true")),
                                    html.Div(id=ids.NOTICES, className="notices", role="alert"),
                                    chart(),
                                    html.P(id=ids.CHART_SUMMARY, className="chart-summary"),
                                    html.P(KEYS_HELP, id="chart-keys-help", className="keys-help"),
                                    share_panel(),
                                ],
                                id="timeline-section",
                                tabIndex="-1",
                                className="timeline-section",
                                **attrs(aria_labelledby="timeline-heading"),
                            ),
                            # Empty and out of the layout until an event is selected: then a column beside
                            # the chart (a sheet over the bottom of the screen on a phone).
                            html.Section(
                                [
                                    html.Button("Close", id=ids.DETAILS_CLOSE, type="button",
                                                className="close-button",
                                                **attrs(aria_label="Close details")),
                                    html.Div(details(None), id=ids.DETAILS),
                                ],
                                className="details-panel",
                                id=ids.DETAILS_PANEL,
                                **attrs(aria_label="Event details"),
                            ),
                            upload_panel(),
                            html.Section(
                                [html.H2("Events in this view", id="table-heading"),
                                 html.Div(html.Table([html.Caption(id=ids.TABLE_CAPTION),
                                                      html.Thead(table_head()),
                                                      html.Tbody(id=ids.TABLE_BODY)],
                                                     className="events-table"), id=ids.TABLE),
                                 html.Button("Show more events", id=ids.TABLE_MORE, type="button",
                                             hidden=True, className="small-button more-button")],
                                className="table-section",
                                **attrs(aria_labelledby="table-heading"),
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
