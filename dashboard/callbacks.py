"""Thin wiring: URL -> controls, controls -> URL, URL -> chart/table/details. Registered on the instance.

Callback arguments come from the browser, so any client can send any JSON: each is checked for its type
(`_text`, `_strings`) before use, and a value of the wrong type counts as empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from . import components, ids, schema, summary, urlstate
from .context import Series, series_from_dict
from .figures import build_figure
from .filters import Filters, apply
from .layout import graph_config
from .session import Dataset, resolve


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _choice(value: object, options: Sequence[str]) -> tuple[str, ...] | None:
    """Checklist value -> filter value: None when every option is checked (no filter)."""
    checked = set(_strings(value))
    chosen = [o for o in options if o in checked]
    return None if len(chosen) == len(options) else tuple(chosen)


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def view_from_controls(
    companies: Sequence[str] | None, categories: Sequence[str] | None, start: str | None, end: str | None,
    q: str | None, context: Sequence[str] | None, *, company_options: Sequence[str], event: str | None,
) -> urlstate.View:
    filters = Filters(
        companies=_choice(companies, company_options),
        categories=_choice(categories, list(schema.CATEGORIES)),
        start=_date(start), end=_date(end), q=(_text(q) or "").strip()[: urlstate.MAX_Q].strip(),
        context="on" in _strings(context),
    )
    return urlstate.View(filters=filters, event=event)


def controls_from_view(view: urlstate.View, company_options: Sequence[str]) -> tuple[Any, ...]:
    f = view.filters
    return (
        list(company_options) if f.companies is None else list(f.companies),
        list(schema.CATEGORIES) if f.categories is None else list(f.categories),
        f.start.isoformat() if f.start else None,
        f.end.isoformat() if f.end else None,
        f.q,
        ["on"] if f.context else [],
    )


def register_callbacks(app: Dash, bundled: Dataset, *, context: Series | None = None) -> None:
    """Wire the page's callbacks to this app instance and this data.

    Every callback reads the events from the tab's upload store when it holds some (session.resolve), and
    from the bundled data otherwise; `context` is the series drawn under the lanes unless the tab uploaded one.
    """

    def parse(search: object, ds: Dataset) -> tuple[urlstate.View, list[str]]:
        return urlstate.parse(_text(search), event_ids=ds.event_ids)

    def options(ds: Dataset) -> list[dict[str, str]]:
        return [{"label": c, "value": c} for c in ds.companies]

    control_outputs = [
        Output(ids.COMPANIES, "value"), Output(ids.CATEGORIES, "value"), Output(ids.START, "value"),
        Output(ids.END, "value"), Output(ids.SEARCH, "value"), Output(ids.CONTEXT, "value"),
    ]
    control_inputs = [
        Input(ids.COMPANIES, "value"), Input(ids.CATEGORIES, "value"), Input(ids.START, "value"),
        Input(ids.END, "value"), Input(ids.SEARCH, "value"), Input(ids.CONTEXT, "value"),
    ]

    @app.callback(
        Output(ids.URL, "search"), *control_outputs, Output(ids.COMPANIES, "options"),
        Input(ids.URL, "search"), *control_inputs,
        Input(ids.COMPANIES_ALL, "n_clicks"), Input(ids.COMPANIES_NONE, "n_clicks"), Input(ids.RESET, "n_clicks"),
        Input(ids.USER_DATA, "data"),
    )
    def sync(search, companies, categories, start, end, q, context, _all, _none, _reset, user_data):  # type: ignore[no-untyped-def]
        """The URL and the controls mirror each other; the URL wins when it changed (load, back, forward)."""
        trigger = ctx.triggered_id
        ds, _ = resolve(bundled, user_data)
        company_options = ds.companies
        current, _ = parse(search, ds)
        if trigger is None or trigger in (ids.URL, ids.USER_DATA):
            return (no_update, *controls_from_view(current, company_options), options(ds))
        if trigger == ids.RESET:
            view = urlstate.View(theme=current.theme)
            return (urlstate.serialize(view), *controls_from_view(view, company_options), no_update)
        if trigger == ids.COMPANIES_ALL:
            companies = list(company_options)
        elif trigger == ids.COMPANIES_NONE:
            companies = []
        view = view_from_controls(companies, categories, start, end, q, context,
                                  company_options=company_options, event=current.event)
        view = replace(view, theme=current.theme)  # a display choice: filters keep it
        new_search = urlstate.serialize(view)
        controls = (controls_from_view(view, company_options) if trigger in (ids.COMPANIES_ALL, ids.COMPANIES_NONE)
                    else (no_update,) * 6)
        if new_search == (_text(search) or ""):
            return (no_update, *controls, no_update)
        return (new_search, *controls, no_update)

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.GRAPH, "clickData"),
        Input({"type": ids.ROW_BUTTON, "event": ALL}, "n_clicks"),
        Input(ids.DETAILS_CLOSE, "n_clicks"),
        Input(ids.KEY_SELECT, "data"),
        State(ids.URL, "search"),
        State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )
    def select(click_data, _rows, _close, keyed, search, user_data):  # type: ignore[no-untyped-def]
        """A click on the chart or a table row selects that event; Close clears the selection."""
        trigger = ctx.triggered_id
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            return no_update  # rows re-rendered with n_clicks=None, not a click
        ds, _ = resolve(bundled, user_data)
        event_ids = ds.event_ids
        view, _ = parse(search, ds)
        if trigger == ids.DETAILS_CLOSE:
            event = None
        elif trigger == ids.GRAPH:
            points = click_data.get("points") if isinstance(click_data, dict) else None
            point = points[0] if isinstance(points, list) and points and isinstance(points[0], dict) else {}
            event = point.get("customdata")
            if event is None:
                return no_update  # a click on the context area, not on an event
        elif trigger == ids.KEY_SELECT:  # an arrow key on the chart (assets/keyboard.js)
            event = keyed.get("event") if isinstance(keyed, dict) else None
        else:
            event = trigger.get("event") if isinstance(trigger, dict) else None
        if event is not None and (not isinstance(event, str) or event not in event_ids):
            return no_update
        new_search = urlstate.serialize(replace(view, event=event))
        return no_update if new_search == (_text(search) or "") else new_search

    @app.callback(
        Output(ids.TABLE_SORT, "data"),
        Input({"type": ids.SORT_BUTTON, "column": ALL}, "n_clicks"),
        State(ids.TABLE_SORT, "data"),
        prevent_initial_call=True,
    )
    def sort(_clicks, current):  # type: ignore[no-untyped-def]
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            return no_update
        column = ctx.triggered_id.get("column") if isinstance(ctx.triggered_id, dict) else None
        if not isinstance(column, str) or column not in components.SORTABLE:
            return no_update
        current = current if isinstance(current, dict) else {}
        ascending = not current.get("ascending", True) if current.get("column") == column else True
        return {"column": column, "ascending": ascending}

    @app.callback(
        Output(ids.GRAPH, "figure"), Output(ids.COUNT, "children"), Output(ids.NOTICES, "children"),
        Output(ids.DETAILS, "children"), Output(ids.DETAILS_PANEL, "className"), Output(ids.TABLE, "children"),
        Output(ids.DOWNLOAD_CSV, "href"), Output(ids.DOWNLOAD_JSON, "href"), Output(ids.DOWNLOADS, "hidden"),
        Output(ids.CHART_SUMMARY, "children"), Output(ids.CHART_KEYS, "data-order"),
        Output(ids.CHART_KEYS, "data-selected"), Output(ids.GRAPH, "style"),
        Output(ids.GRAPH, "config"),
        Input(ids.URL, "search"), Input(ids.TABLE_SORT, "data"), Input(ids.USER_DATA, "data"),
        Input(ids.USER_CONTEXT, "data"), Input(ids.THEME, "data"), State(ids.URL, "pathname"),
    )
    def render(search, sort_state, user_data, user_context, theme_name, pathname):  # type: ignore[no-untyped-def]
        """Parse the URL, filter, build: everything the user sees follows from the address (and the data
        this tab chose)."""
        ds, store_notices = resolve(bundled, user_data)
        events, by_id = ds.events, ds.by_id
        series = (series_from_dict(user_context) if user_context else None) or context
        view, messages = parse(search, ds)
        messages = store_notices + messages
        shown = apply(events, view.filters)
        query = urlstate.data_query(view)
        revision = ("own:" + ds.name if ds.uploaded else "") + (query or "all")
        figure = build_figure(shown, companies=view.filters.companies, selected=view.event, band=ds.band,
                              window=(view.filters.start, view.filters.end), uirevision=revision,
                              eras=ds.eras, context=series, presets=False,
                              theme_name=theme_name if theme_name in ("light", "dark") else "light")
        count = summary.count_text(shown, len(events), view.filters)
        row = by_id.loc[view.event] if view.event else None
        return (
            figure,
            count,
            components.notices(messages),
            components.details(row, base=pathname or "/"),
            "details-panel open" if row is not None else "details-panel",
            components.table(shown, view.event, sort_state if isinstance(sort_state, dict) else {}),
            "/api/events.csv" + query,
            "/api/events.json" + query,
            ds.uploaded,  # the /api links serve the bundled data only
            summary.view_summary(shown, view.filters),
            " ".join(summary.in_date_order(shown)),
            view.event or "",
            # A responsive graph fills its box: the box takes the figure's height, or the chart would spill
            # over the details under it on narrow screens.
            {"height": f"{figure.layout.height}px"},
            # With the figure, not from another callback: a config arriving on its own after the chart is
            # drawn makes Plotly redraw it from the figure and throws away a pan or pinch already made.
            graph_config(view),
        )
