"""The page's main callbacks, as module-level functions: URL <-> controls, selection, and URL -> chart,
count, details, table. Each reads what a URL shows through `state.shown_for` (one resolution) and decides
nothing of its own. `register(app)` wires them to one app instance.

Arguments come from the browser, so any client can send any JSON: each is checked for its type, and a
value of the wrong type counts as empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard.data import schema
from dashboard.text import summary
from dashboard.text.cite import dataset_name
from dashboard.view import urlstate
from dashboard.view.filters import Filters
from dashboard.view.relative import default_anchor
from dashboard.view.shown import Shown, pan_to_event
from dashboard.web import components, ids
from dashboard.web.chart import page_figure, toolbar_presets
from dashboard.web.state import shown_for, text
from dashboard.web.tour.components import details_extras

CONTROL_IDS = (ids.COMPANIES, ids.CATEGORIES, ids.START, ids.END, ids.SEARCH, ids.CONTEXT, ids.TIME,
               ids.LANES)


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


def filters_from_controls(companies: object, categories: object, start: object, end: object, q: object,
                          context: object, *, company_options: Sequence[str]) -> Filters:
    return Filters(
        companies=_choice(companies, company_options),
        categories=_choice(categories, list(schema.CATEGORIES)),
        start=_date(start), end=_date(end), q=(text(q) or "").strip()[: urlstate.MAX_Q].strip(),
        context="on" in _strings(context),
    )


def controls_from_view(view: urlstate.View, company_options: Sequence[str]) -> tuple[Any, ...]:
    f = view.filters
    return (
        list(company_options) if f.companies is None else list(f.companies),
        list(schema.CATEGORIES) if f.categories is None else list(f.categories),
        f.start.isoformat() if f.start else None,
        f.end.isoformat() if f.end else None,
        f.q,
        ["on"] if f.context else [],
        ["days"] if view.anchor else [],
        view.lanes or "name",
    )


def view_from_controls(shown: Shown, trigger: object, values: Sequence[object]) -> urlstate.View:
    """The view the controls ask for, starting from the one shown (a tour step's view when in the tour):
    the selection, theme and zoom stay; a new date filter opens on its own range."""
    companies, categories, start, end, q, context, days, lanes = values
    options = shown.dataset.companies
    if trigger == ids.COMPANIES_ALL:
        companies = list(options)
    elif trigger == ids.COMPANIES_NONE:
        companies = []
    current = shown.view
    filters = filters_from_controls(companies, categories, start, end, q, context, company_options=options)
    counting = "days" in _strings(days)
    anchor = (current.anchor or default_anchor(shown.dataset.events, current.event)) if counting else None
    dates_moved = (filters.start, filters.end) != (current.filters.start, current.filters.end)
    if current.lanes == "listed" and filters.companies and current.filters.companies:
        # the checklist lists companies A-Z: keep the URL's order for those still chosen, new ones after
        kept = [c for c in current.filters.companies if c in filters.companies]
        filters = replace(filters, companies=(*kept, *(c for c in filters.companies if c not in kept)))
    return urlstate.View(filters=filters, event=current.event, anchor=anchor, theme=current.theme,
                         zoom=None if dates_moved else current.zoom,
                         lanes=None if lanes == "name"
                         else lanes if isinstance(lanes, str) and lanes in urlstate.LANE_ORDERS
                         else current.lanes)


def sync(search: object, companies: object, categories: object, start: object, end: object, q: object,
         context: object, days: object, lanes: object, _all: object, _none: object, _reset: object,
         user_data: object, requested: object) -> tuple[Any, ...]:
    """The URL and the controls mirror each other; the URL wins when it changed (load, back, forward).
    A control that leaves the view as it is (Tab through Search, during the tour too) writes nothing;
    one that changes it during the tour leaves the tour, starting from the step's view."""
    trigger = ctx.triggered_id
    if trigger == ids.URL and isinstance(requested, str) and requested == (text(search) or ""):
        # the controls' own request arriving in the URL: they already show it (and may have moved on)
        return (None, *(no_update,) * len(CONTROL_IDS), no_update)
    shown = shown_for(search, user_data).shown
    options = shown.dataset.companies
    if trigger is None or trigger in (ids.URL, ids.USER_DATA):
        return (no_update, *controls_from_view(shown.view, options),
                [{"label": c, "value": c} for c in options])
    if trigger == ids.RESET:
        view = urlstate.View(theme=shown.view.theme)
        return (urlstate.serialize(view), *controls_from_view(view, options), no_update)
    view = view_from_controls(shown, trigger, (companies, categories, start, end, q, context, days, lanes))
    controls = (controls_from_view(view, options) if trigger in (ids.COMPANIES_ALL, ids.COMPANIES_NONE)
                else (no_update,) * len(CONTROL_IDS))
    unchanged = (view.filters, view.anchor, view.lanes) == (shown.view.filters, shown.view.anchor,
                                                           shown.view.lanes)
    return ((no_update if unchanged else urlstate.serialize(view)), *controls, no_update)


def select(click_data: object, _close: object, keyed: object, search: object, user_data: object) -> Any:
    """A click on the chart, or a table row or an arrow key (both through assets/keyboard.js) selects that
    event; Close clears it. The zoom stays, and moves to an event outside it."""
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        return no_update  # a trigger without a value (n_clicks=None, an empty store): nothing was chosen
    shown = shown_for(search, user_data).shown
    if trigger == ids.DETAILS_CLOSE:
        event = None
    elif trigger == ids.GRAPH:
        points = click_data.get("points") if isinstance(click_data, dict) else None
        point = points[0] if isinstance(points, list) and points and isinstance(points[0], dict) else {}
        event = point.get("customdata")
        if event is None:
            return no_update  # a click on the context area or a density bin, not on an event
    else:  # an arrow key on the chart or a table row (ids.KEY_SELECT)
        event = keyed.get("event") if isinstance(keyed, dict) else None
    if event is not None and (not isinstance(event, str) or event not in shown.dataset.event_ids):
        return no_update
    written = shown.written  # as written: a tour step stays one
    view = replace(written, event=event)
    if event is not None:
        moved = pan_to_event(replace(shown.view, event=event), shown.dataset, shown.visible)
        view = replace(view, zoom=moved.zoom)
    new_search = urlstate.serialize(view)
    return no_update if new_search == (text(search) or "") else new_search


def sort(_clicks: object, current: object) -> Any:
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        return no_update
    column = ctx.triggered_id.get("column") if isinstance(ctx.triggered_id, dict) else None
    if not isinstance(column, str) or column not in components.SORTABLE:
        return no_update
    current = current if isinstance(current, dict) else {}
    ascending = not current.get("ascending", True) if current.get("column") == column else True
    return {"column": column, "ascending": ascending}


def table_key(shown: Shown) -> dict[str, str]:
    """Which rows the table lists: the data file and the view's filters (not the zoom, theme, tour or the
    selected event: assets/selection.js marks the selected row, so choosing an event does not render the table
    again)."""
    return {"data": shown.dataset.name, "query": shown.data_query}


def render(search: object, user_data: object, user_context: object, theme_name: object, pathname: object,
           href: object, figure_key: object, table_view: object) -> tuple[Any, ...]:
    """Everything the user sees follows from the address (and the data this tab chose): the chart (the
    whole figure, or only its range when a zoom is all that changed), count, notices, details, downloads,
    summary and keyboard order. The table follows once this answer is in (render_table)."""
    tab = shown_for(search, user_data, user_context, theme_name)
    shown = tab.shown
    figure, key, height = page_figure(tab, figure_key)
    row = shown.selected
    base = components.safe_base(pathname)
    key_table = table_key(shown)
    return (
        figure,
        key,
        summary.count_text(shown),
        components.notices(list(shown.notices)),
        components.details(row, base=base)
        + details_extras(shown.dataset.events, shown.dataset.by_id, row, shown.view, base, text(href),
                         shown.in_view, dataset_name(shown.dataset.name, shown.dataset.uploaded)),
        "details-panel open" if row is not None else "details-panel",
        no_update if table_view == key_table else key_table,
        "/api/events.csv" + shown.data_query,
        "/api/events.json" + shown.data_query,
        shown.dataset.uploaded,  # the /api links serve the served data only
        summary.view_summary(shown) + summary.keys_note(shown.count),
        # (the rows in view are listed only for a view the arrow keys can walk)
        " ".join(summary.in_date_order(shown.rows)) if shown.count <= summary.KEY_ORDER_LIMIT else "",
        shown.view.event or "",
        # A responsive graph fills its box: the box takes the figure's height, or the chart would spill
        # over the details under it on narrow screens.
        {"height": f"{height}px"},
        # the zoom buttons' dates, on a days axis: days since this date (assets/timeline.js)
        f"{shown.anchor.day:%Y-%m-%d}" if shown.anchor is not None else "",
        toolbar_presets(shown),
    )


def _rows_for(stored: object, key: dict[str, str]) -> int:
    """How many rows "Show more" asked for in this view; a new view starts at one page again."""
    view = f"{key['data']}?{key['query']}"
    if isinstance(stored, dict) and stored.get("view") == view:
        rows = stored.get("rows")
        if isinstance(rows, int) and not isinstance(rows, bool):
            return max(components.TABLE_PAGE, min(rows, components.TABLE_LIMIT))
    return components.TABLE_PAGE


def render_table(_table_view: object, sort_state: object, rows: object, search: object,
                 user_data: object) -> tuple[Any, ...]:
    """The events table of the URL's view: sorted, a page of rows at a time. Its rows go to the browser
    as data (ids.TABLE_DATA), which assets/table.js draws."""
    shown = shown_for(search, user_data).shown
    limit = _rows_for(rows, table_key(shown))
    listed = shown.rows
    more = components.more_rows_label(min(limit, len(listed)), len(listed))
    data = components.table_data(listed, sort_state, limit)
    labels, states = components.sort_labels(sort_state)
    return (data["caption"], _by_column(ctx.outputs_list[1], labels, ""),
            _by_column(ctx.outputs_list[2], states, "none"), data, more or "Show more events", not more)


def _by_column(matched: object, values: list[str], default: str) -> list[str]:
    """One value per sort button (or header) the page asked for (an ALL output), by its column."""
    of = dict(zip(components.SORTABLE, values, strict=True))
    out = []
    for output in matched if isinstance(matched, list) else []:
        cid = output.get("id") if isinstance(output, dict) else None
        column = cid.get("column") if isinstance(cid, dict) else None
        out.append(of.get(column, default) if isinstance(column, str) else default)
    return out


def show_more(_clicks: object, rows: object, search: object, user_data: object) -> dict[str, Any]:
    key = table_key(shown_for(search, user_data).shown)
    view = f"{key['data']}?{key['query']}"
    return {"view": view, "rows": min(_rows_for(rows, key) + components.TABLE_PAGE, components.TABLE_LIMIT)}


def register(app: Dash) -> None:
    """Wire the page's callbacks to this app instance."""
    controls = [(cid, "value") for cid in CONTROL_IDS]
    # The controls ask for a new URL through a store (ids.URL_REQUEST) that a clientside function copies
    # into the URL, instead of writing url.search themselves. Dash holds back every callback that reads an
    # output of a callback still running: were url.search an output here, the chart and every other view
    # callback would wait on page load for this one's round trip before they could even start.
    app.clientside_callback(ClientsideFunction("frt", "requestUrl"), Input(ids.URL_REQUEST, "data"),
                            prevent_initial_call=True)
    app.callback(
        Output(ids.URL_REQUEST, "data"), *(Output(c, p) for c, p in controls),
        Output(ids.COMPANIES, "options"),
        Input(ids.URL, "search"), *(Input(c, p) for c, p in controls),
        Input(ids.COMPANIES_ALL, "n_clicks"), Input(ids.COMPANIES_NONE, "n_clicks"),
        Input(ids.RESET, "n_clicks"),
        Input(ids.USER_DATA, "data"), State(ids.URL_REQUEST, "data"),
    )(sync)
    app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.GRAPH, "clickData"), Input(ids.DETAILS_CLOSE, "n_clicks"), Input(ids.KEY_SELECT, "data"),
        State(ids.URL, "search"), State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )(select)
    app.callback(
        Output(ids.TABLE_SORT, "data"),
        Input({"type": ids.SORT_BUTTON, "column": ALL}, "n_clicks"), State(ids.TABLE_SORT, "data"),
        prevent_initial_call=True,
    )(sort)
    app.callback(
        Output(ids.GRAPH, "figure"), Output(ids.FIGURE_KEY, "data"), Output(ids.COUNT, "children"),
        Output(ids.NOTICES, "children"), Output(ids.DETAILS, "children"),
        Output(ids.DETAILS_PANEL, "className"),
        Output(ids.TABLE_VIEW, "data"), Output(ids.DOWNLOAD_CSV, "href"), Output(ids.DOWNLOAD_JSON, "href"),
        Output(ids.DOWNLOADS, "hidden"), Output(ids.CHART_SUMMARY, "children"),
        Output(ids.CHART_KEYS, "data-order"), Output(ids.CHART_KEYS, "data-selected"),
        Output(ids.GRAPH, "style"), Output(ids.CHART_TOOLBAR, "data-day0"),
        Output(ids.CHART_PRESETS, "children"),
        Input(ids.URL, "search"), Input(ids.USER_DATA, "data"), Input(ids.USER_CONTEXT, "data"),
        Input(ids.THEME, "data"),
        State(ids.URL, "pathname"), State(ids.URL, "href"), State(ids.FIGURE_KEY, "data"),
        State(ids.TABLE_VIEW, "data"),
    )(render)
    app.callback(
        Output(ids.TABLE_CAPTION, "children"), Output({"type": ids.SORT_BUTTON, "column": ALL}, "children"),
        Output({"type": ids.SORT_HEADER, "column": ALL}, "aria-sort"), Output(ids.TABLE_DATA, "data"),
        Output(ids.TABLE_MORE, "children"), Output(ids.TABLE_MORE, "hidden"),
        Input(ids.TABLE_VIEW, "data"), Input(ids.TABLE_SORT, "data"), Input(ids.TABLE_ROWS, "data"),
        State(ids.URL, "search"), State(ids.USER_DATA, "data"),
        prevent_initial_call=True,  # render writes TABLE_VIEW when it has answered
    )(render_table)
    app.callback(
        Output(ids.TABLE_ROWS, "data"), Input(ids.TABLE_MORE, "n_clicks"),
        State(ids.TABLE_ROWS, "data"), State(ids.URL, "search"), State(ids.USER_DATA, "data"),
        prevent_initial_call=True,
    )(show_more)
    # The rows, drawn in the browser from data: hundreds of Dash components would slow every page load and
    # every callback (the renderer watches each one).
    app.clientside_callback(ClientsideFunction("frt", "renderTable"), Output(ids.TABLE, "data-view"),
                            Input(ids.TABLE_DATA, "data"), prevent_initial_call=True)
    # The chart's zoom goes into the URL (assets/clientside.js, zoomUrl): the render callback above then
    # refines the level of detail for the new window, as for any other change of the view.
    app.clientside_callback(ClientsideFunction("frt", "zoomUrl"), Output(ids.X_CHANGE, "data"),
                            Input(ids.GRAPH, "relayoutData"), prevent_initial_call=True)
