"""The obvious implementation the app is measured against: one `px.scatter` with `hover_data` on the
same DataFrame, filtered with the same `filters.apply`, in a one-callback Dash app."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from dash import Dash, Input, Output, dcc, html

from dashboard.data import schema
from dashboard.view import urlstate
from dashboard.view.filters import apply
from dashboard.web import ids


def baseline_figure(events: pd.DataFrame) -> go.Figure:
    """One row per (event, lane), every column a reader hovers for, category as colour and symbol."""
    lanes = events.assign(lane=events["company_list"].map(lambda cs: list(cs) or [None])).explode("lane")
    lanes["lane"] = lanes["lane"].fillna(lanes["category"].map(schema.CONTEXT_LANES))
    lanes["companies"] = lanes["company_list"].map(", ".join)
    return px.scatter(
        lanes,
        x="start",
        y="lane",
        color="category",
        symbol="category",
        custom_data=["id"],
        hover_data=["title", "when", "companies", "actor", "category"],
        height=900,
    )


def baseline_callback_figure(events: pd.DataFrame, search: str | None) -> go.Figure:
    view, _ = urlstate.parse(search)
    return baseline_figure(apply(events, view.filters))


def create_baseline_app(events: pd.DataFrame) -> Dash:
    """A Dash app with the baseline chart; the same URL parameters, the same component ids."""
    app = Dash(__name__, serve_locally=True, update_title=None)
    app.layout = html.Div([dcc.Location(id=ids.URL, refresh=False), dcc.Graph(id=ids.GRAPH)])

    @app.callback(Output(ids.GRAPH, "figure"), Input(ids.URL, "search"))
    def draw(search):  # type: ignore[no-untyped-def]
        return baseline_callback_figure(events, search)

    return app
