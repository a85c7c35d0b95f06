"""Thin wiring: URL -> controls, controls -> URL, URL -> chart/table/details. Registered on the instance.

Callback arguments come from the browser, so any client can send any JSON: each is checked for its type
(`_text`, `_strings`) before use, and a value of the wrong type counts as empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard.data import relations, schema
from dashboard.data.context import Series, series_from_dict
from dashboard.figures import lod
from dashboard.figures.theme import theme_of
from dashboard.figures.timeline import build_figure
from dashboard.text import cite, summary
from dashboard.view import story, urlstate
from dashboard.view.dataset import Dataset, resolve
from dashboard.view.filters import Filters, categories_in
from dashboard.view.relative import anchor_of, default_anchor
from dashboard.web import components, ids
from dashboard.web.chart import Chart, register_zoom
from dashboard.web.layout import graph_config
from dashboard.web.tour.components import details_extras


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
    anchor: str | None = None, category_options: Sequence[str] = tuple(schema.CATEGORIES),
) -> urlstate.View:
    filters = Filters(
        companies=_choice(companies, company_options),
        categories=_choice(categories, list(category_options)),
        start=_date(start), end=_date(end), q=(_text(q) or "").strip()[: urlstate.MAX_Q].strip(),
        context="on" in _strings(context),
    )
    return urlstate.View(filters=filters, event=event, anchor=anchor)


def controls_from_view(view: urlstate.View, company_options: Sequence[str],
                       category_options: Sequence[str] = tuple(schema.CATEGORIES)) -> tuple[Any, ...]:
    f = view.filters
    return (
        list(company_options) if f.companies is None else list(f.companies),
        list(category_options) if f.categories is None else list(f.categories),
        f.start.isoformat() if f.start else None,
        f.end.isoformat() if f.end else None,
        f.q,
        ["on"] if f.context else [],
        ["days"] if view.anchor else [],
    )


def register_callbacks(app: Dash, bundled: Dataset, *, context: Series | None = None, chart: Chart,
                       tour: story.Story | None = None) -> None:
    """Wire the page's callbacks to this app instance and this data (`chart`: the bundled data's figures at
    the level of detail a view needs, see chart.py).

    Every callback reads the events from the tab's upload store when it holds some (session.resolve), and
    from the bundled data otherwise; `context` is the series drawn under the lanes unless the tab uploaded one.
    The guided tour `tour` goes with the bundled data only (its steps name their events).
    """

    def parse(search: object, ds: Dataset) -> tuple[urlstate.View, list[str]]:
        """The URL's view as shown: `step=N` gives that tour step's view (story.resolve)."""
        _, shown, notices = story.read_view(_text(search), ds.event_ids, None if ds.uploaded else tour,
                                            companies=ds.companies)
        return shown, notices

    def options(ds: Dataset) -> list[dict[str, str]]:
        return [{"label": c, "value": c} for c in ds.companies]

    control_outputs = [
        Output(ids.COMPANIES, "value"), Output(ids.CATEGORIES, "value"), Output(ids.START, "value"),
        Output(ids.END, "value"), Output(ids.SEARCH, "value"), Output(ids.CONTEXT, "value"),
        Output(ids.TIME, "value"),
    ]
    control_inputs = [
        Input(ids.COMPANIES, "value"), Input(ids.CATEGORIES, "value"), Input(ids.START, "value"),
        Input(ids.END, "value"), Input(ids.SEARCH, "value"), Input(ids.CONTEXT, "value"),
        Input(ids.TIME, "value"),
    ]

    # The controls ask for a new URL through a store (ids.URL_REQUEST) that a clientside function copies
    # into the URL, instead of writing url.search themselves. Dash holds back every callback that reads an
    # output of a callback still running: were url.search an output here, the chart and every other view
    # callback would wait on page load for this one's round trip before they could even start.
    app.clientside_callback(ClientsideFunction("frt", "requestUrl"), Input(ids.URL_REQUEST, "data"),
                            prevent_initial_call=True)

    @app.callback(
        Output(ids.URL_REQUEST, "data"), *control_outputs, Output(ids.COMPANIES, "options"),
        Output(ids.CATEGORIES, "options"),
        Input(ids.URL, "search"), *control_inputs,
        Input(ids.COMPANIES_ALL, "n_clicks"), Input(ids.COMPANIES_NONE, "n_clicks"), Input(ids.RESET, "n_clicks"),
        Input(ids.USER_DATA, "data"),
        State(ids.URL_REQUEST, "data"),
    )
    def sync(search, companies, categories, start, end, q, context, days,  # type: ignore[no-untyped-def]
             _all, _none, _reset, user_data, requested):
        """The URL and the controls mirror each other; the URL wins when it changed (load, back, forward).
        Changing a control during the tour leaves it, keeping the step's view as the starting point."""
        trigger = ctx.triggered_id
        if trigger == ids.URL and isinstance(requested, str) and requested == (_text(search) or ""):
            # the controls' own request arriving in the URL: they already show it (and may have moved on)
            return (None, *(no_update,) * 7, no_update, no_update)
        ds, _ = resolve(bundled, user_data)
        company_options = ds.companies
        category_options = categories_in(ds.events)
        current, _ = parse(search, ds)
        if trigger is None or trigger in (ids.URL, ids.USER_DATA):
            return (no_update, *controls_from_view(current, company_options, category_options), options(ds),
                    components.category_choices(category_options))
        if trigger == ids.RESET:
            view = urlstate.View(theme=current.theme)
            return (urlstate.serialize(view), *controls_from_view(view, company_options, category_options),
                    no_update, no_update)
        if trigger == ids.COMPANIES_ALL:
            companies = list(company_options)
        elif trigger == ids.COMPANIES_NONE:
            companies = []
        counting = "days" in _strings(days)
        anchor = (current.anchor or default_anchor(ds.events, current.event)) if counting else None
        view = view_from_controls(companies, categories, start, end, q, context,
                                  company_options=company_options, event=current.event, anchor=anchor,
                                  category_options=category_options)
        view = replace(view, theme=current.theme)  # a display choice: filters keep it
        new_search = urlstate.serialize(view)
        controls = (controls_from_view(view, company_options, category_options)
                    if trigger in (ids.COMPANIES_ALL, ids.COMPANIES_NONE) else (no_update,) * 7)
        if new_search == (_text(search) or ""):
            return (no_update, *controls, no_update, no_update)
        return (new_search, *controls, no_update, no_update)

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
        # as written: a tour step stays one
        view, _ = urlstate.parse(_text(search), event_ids=event_ids, companies=ds.companies)
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
        Output(ids.DETAILS, "children"), Output(ids.DETAILS_PANEL, "className"), Output(ids.TABLE_VIEW, "data"),
        Output(ids.DOWNLOAD_CSV, "href"), Output(ids.DOWNLOAD_JSON, "href"), Output(ids.DOWNLOADS, "hidden"),
        Output(ids.CHART_SUMMARY, "children"), Output(ids.CHART_KEYS, "data-order"),
        Output(ids.CHART_KEYS, "data-selected"), Output(ids.GRAPH, "style"), Output(ids.CHART_TOOLBAR, "data-day0"),
        Output(ids.GRAPH, "config"),
        Input(ids.URL, "search"), Input(ids.USER_DATA, "data"), Input(ids.USER_CONTEXT, "data"),
        Input(ids.THEME, "data"),
        State(ids.URL, "pathname"), State(ids.URL, "href"), State(ids.VIEW_RANGE, "data"),
    )
    def render(search, user_data, user_context, theme_name, pathname, href, view_range):  # type: ignore[no-untyped-def]
        """Parse the URL, filter, build: everything the user sees follows from the address (and the data
        this tab chose). The events table follows once this answer is in (render_table): the chart is drawn
        first, as a table of many rows takes the browser longer to render than the chart."""
        ds, store_notices = resolve(bundled, user_data)
        events, by_id = ds.events, ds.by_id
        series = (series_from_dict(user_context) if user_context else None) or context
        view, messages = parse(search, ds)
        messages = store_notices + messages
        step = tour.get(view.step) if tour is not None and not ds.uploaded else None
        theme_name = theme_of(theme_name)
        extras: dict[str, Any] = {
            "links": relations.links_touching(events, view.event),
            "highlight": step.highlight if step else (),
            "anchor": anchor_of(events, view.anchor),
            "theme_name": theme_name,
        }
        query = urlstate.data_query(view)
        shown = chart.rows(ds, view.filters)
        if ds.uploaded or user_context:  # the tab's own data: every event, as drawn for small files
            revision = ("own:" + ds.name if ds.uploaded else "") + (query or "all")
            built = build_figure(shown, companies=view.filters.companies, selected=view.event, band=ds.band,
                                 window=(view.filters.start, view.filters.end), uirevision=revision,
                                 eras=ds.eras, context=series, presets=False, **extras)
            figure: Any = built.to_plotly_json()
        else:  # the served file: level of detail and memoized figures, however large it is
            if extras["anchor"] is not None and not chart.can_count_days(view):
                extras["anchor"] = None
                messages.append(f"Days since an event are counted for up to {lod.DETAIL_LIMIT:,} events in view: "
                                "narrow the filters to count days. The axis shows dates.")
            figure = chart.figure(view, chart.remembered_range(view, view_range), **extras)
        # A responsive graph fills its box: the box takes the figure's height, or the chart would spill over
        # the details under it on narrow screens.
        style: Any = {"height": f"{figure['layout']['height']}px"}
        count = summary.count_text(shown, len(events), view.filters)
        row = by_id.loc[view.event] if view.event else None
        return (
            figure,
            count,
            components.notices(messages),
            components.details(row, base=pathname or "/")
            + details_extras(events, by_id, row, view, components.safe_base(pathname), _text(href),
                             set(shown["id"]), cite.dataset_name(ds.name, ds.uploaded)),
            "details-panel open" if row is not None else "details-panel",
            {"search": _text(search) or "", "data": ds.name},  # -> render_table
            "/api/events.csv" + query,
            "/api/events.json" + query,
            ds.uploaded,  # the /api links serve the bundled data only
            summary.view_summary(shown, view.filters) + summary.keys_note(len(shown)),
            " ".join(summary.in_date_order(shown)) if len(shown) <= summary.KEY_ORDER_LIMIT else "",
            view.event or "",
            style,
            # the zoom buttons' dates, on a days axis: days since this date (assets/timeline.js)
            f"{extras['anchor'].day:%Y-%m-%d}" if extras["anchor"] is not None else "",
            # With the figure, not from another callback: a config arriving on its own after the chart is
            # drawn makes Plotly redraw it from the figure and throws away a pan or pinch already made.
            graph_config(view),
        )

    def table_key(ds: Dataset, view: urlstate.View) -> str:
        """Which rows the table lists: the data file and the view's filters (not the selection or tour)."""
        return f"{ds.name}?{urlstate.data_query(view)}"

    def rows_for(stored: object, key: str) -> int:
        """How many rows "Show more" asked for in this view; a new view starts at one page again."""
        if isinstance(stored, dict) and stored.get("view") == key:
            rows = stored.get("rows")
            if isinstance(rows, int) and not isinstance(rows, bool):
                return max(components.TABLE_PAGE, min(rows, components.TABLE_LIMIT))
        return components.TABLE_PAGE

    @app.callback(
        Output(ids.TABLE, "children"), Output(ids.TABLE_MORE, "children"), Output(ids.TABLE_MORE, "hidden"),
        Input(ids.TABLE_VIEW, "data"), Input(ids.TABLE_SORT, "data"), Input(ids.TABLE_ROWS, "data"),
        State(ids.URL, "search"), State(ids.USER_DATA, "data"),
        prevent_initial_call=True,  # render writes TABLE_VIEW when it has answered
    )
    def render_table(_shown_view, sort_state, rows, search, user_data):  # type: ignore[no-untyped-def]
        """The events table of the URL's view: sorted, a page of rows at a time."""
        ds, _ = resolve(bundled, user_data)
        view, _ = parse(search, ds)
        shown = chart.rows(ds, view.filters)
        limit = rows_for(rows, table_key(ds, view))
        more = components.more_rows_label(min(limit, len(shown)), len(shown))
        table = components.table(shown, view.event, sort_state if isinstance(sort_state, dict) else {}, limit)
        return table, more or "Show more events", not more

    @app.callback(
        Output(ids.TABLE_ROWS, "data"), Input(ids.TABLE_MORE, "n_clicks"),
        State(ids.TABLE_ROWS, "data"), State(ids.URL, "search"), State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )
    def show_more(_clicks, rows, search, user_data):  # type: ignore[no-untyped-def]
        ds, _ = resolve(bundled, user_data)
        key = table_key(ds, parse(search, ds)[0])
        return {"view": key, "rows": min(rows_for(rows, key) + components.TABLE_PAGE, components.TABLE_LIMIT)}

    register_zoom(app, chart, lambda search: parse(search, bundled)[0])
