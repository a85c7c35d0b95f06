"""Small builders of page parts: the filter panel, the share panel, the details panel, the events table.

Strings from the CSV are passed to Dash components as plain strings: React renders them as text, never
as markup. Links are rendered only for http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.data import schema
from dashboard.data.load import parse_period, period_label
from dashboard.data.safe import is_http_url
from dashboard.figures import theme
from dashboard.web import ids
from dashboard.web.share import links as share

TABLE_LIMIT = 500  # rows at most, however often "Show more" is pressed
TABLE_PAGE = 50  # rows at first and per "Show more": every row is a few components the page keeps live
SORTABLE = {"date": "Date", "title": "Event", "actor": "Actor", "category": "Category"}


def attrs(**values: Any) -> dict[str, Any]:
    """HTML attributes whose names have hyphens, written as keywords for a Dash component:
    `html.Div(**attrs(aria_label="Filters", data_event=id))` gives aria-label and data-event."""
    return {name.replace("_", "-"): value for name, value in values.items()}


def category_choices(categories: Sequence[str]) -> list[dict[str, Any]]:
    """The category checklist's options, each with its colour swatch."""
    return [{"label": html.Span([html.Span(className=f"swatch swatch-{c}", **attrs(aria_hidden="true")),
                                 c.capitalize()]), "value": c} for c in categories]


def filter_panel(companies: Sequence[str], categories: Sequence[str]) -> html.Div:
    """The filter controls, with the button that opens them as a drawer on small screens.

    Their values are set from the URL by a callback. (Dash 4 draws its checklists as listboxes of options
    around native checkboxes; assets/options-lists.js drops those roles, leaving plain labelled checkboxes.)
    """
    # A plain group, not a <form>: Enter in a field must apply the filter, never submit and reload the page.
    form = html.Div(
        [
            html.Div([
                html.H2("Filters", className="panel-title"),
                html.Button("Reset all filters", id=ids.RESET, type="button", className="reset-button"),
            ], className="panel-head"),
            html.Fieldset([
                html.Legend("Companies"),
                html.Div([
                    html.Button("All", id=ids.COMPANIES_ALL, type="button", className="small-button"),
                    html.Button("None", id=ids.COMPANIES_NONE, type="button", className="small-button"),
                ], className="button-row"),
                dcc.Checklist(id=ids.COMPANIES, options=[{"label": c, "value": c} for c in companies],
                              value=list(companies), className="checklist", inputClassName="check-input"),
            ]),
            html.Fieldset([
                html.Legend("Lane order"),
                dcc.RadioItems(id=ids.LANES, options=[{"label": "A–Z", "value": "name"},
                                                      {"label": "Most events first", "value": "events"},
                                                      {"label": "Earliest event first", "value": "first"}],
                               value="name", className="checklist", inputClassName="check-input"),
            ]),
            html.Fieldset([
                html.Legend("Categories"),
                dcc.Checklist(
                    id=ids.CATEGORIES,
                    options=category_choices(categories),
                    value=list(categories), className="checklist", inputClassName="check-input"),
            ]),
            html.Fieldset([
                html.Legend("Dates"),
                html.Div([html.Label(["From", date_field(ids.START)]),
                          html.Label(["To", date_field(ids.END)])], className="date-row"),
            ]),
            html.Label(["Search", dcc.Input(id=ids.SEARCH, type="search", debounce=True,
                                            placeholder="title, text, actor", className="text-input",
                                            maxLength=200)], className="block-label"),
            dcc.Checklist(id=ids.CONTEXT, options=[{"label": "Show context lanes", "value": "on"}],
                          value=["on"], className="checklist"),
        ],
        id=ids.FILTERS_PANEL,
        className="filters",
        role="search",
        **attrs(aria_label="Filters"),
    )
    toggle = html.Button("Filters", id=ids.FILTERS_TOGGLE, type="button", className="filters-toggle",
                         **attrs(aria_expanded="false", aria_controls=ids.FILTERS_PANEL))
    return html.Div([toggle, form], className="filters-drawer")


def date_field(component_id: str) -> dcc.Input:
    """A native date field (the browser's own picker and its locale's order of day, month and year).

    Without `debounce`: dcc.Input's debounce calls setSelectionRange, which date fields refuse. Instead
    assets/date-fields.js hands dcc.Input the date on Enter, Tab, leaving the field or a pick, never the
    0002, 0020, 0202 years typed on the way to 2020.
    """
    # dcc.Input's type list leaves out "date" (Dash points to its date pickers), yet renders any type
    return dcc.Input(id=component_id, type="date", className="date-input")  # type: ignore[arg-type]


def share_panel() -> html.Details:
    """"Share, embed & cite": the link to this view, embed options, the iframe code and the citation of
    the view (filled by callbacks)."""
    return html.Details(**attrs(data_app="panel"), children=
        [
            html.Summary("Share, embed & cite", className="share-summary"),
            html.Div([
                html.Label(["Link to this view",
                            dcc.Input(id=ids.SHARE_LINK, type="text", readOnly=True,
                                      className="text-input share-field")],
                           className="block-label"),
                html.Div(html.Button("Copy link", id=ids.SHARE_COPY_LINK, type="button",
                                     className="small-button"),
                         className="button-row"),
                html.Fieldset([
                    html.Legend("Embed this chart in a web page"),
                    html.Fieldset([
                        html.Legend("Width", className="share-option-label"),
                        dcc.RadioItems(id=ids.SHARE_WIDTH, inline=True, value="fit", className="radio-row",
                                       options=[{"label": "Fit the page", "value": "fit"}]
                                       + [{"label": f"{w} px", "value": str(w)} for w in share.WIDTHS]),
                    ], className="share-option"),
                    html.Label(["Chart height in pixels (empty: fit the lanes)",
                                dcc.Input(id=ids.SHARE_HEIGHT, type="number", min=200, max=2000, step=10,
                                          placeholder="auto", debounce=True,
                                          className="text-input share-height")],
                               className="block-label"),
                    html.Fieldset([
                        html.Legend("Theme", className="share-option-label"),
                        dcc.RadioItems(id=ids.SHARE_THEME, inline=True, value="light", className="radio-row",
                                       options=[{"label": "Light", "value": "light"},
                                                {"label": "Dark", "value": "dark"}]),
                    ], className="share-option"),
                    dcc.Checklist(id=ids.SHARE_OPTIONS, inline=True, value=["legend", "title"],
                                  className="radio-row",
                                  options=[{"label": "Legend", "value": "legend"},
                                           {"label": "Title", "value": "title"}]),
                    html.Label(["Embed code",
                                dcc.Textarea(id=ids.SHARE_SNIPPET, readOnly=True, rows=4,
                                             className="share-code")],
                               className="block-label"),
                    html.Div([
                        html.Button("Copy embed code", id=ids.SHARE_COPY_SNIPPET, type="button",
                                    className="small-button"),
                        html.A("Preview the embed", id=ids.SHARE_PREVIEW, href="/embed", target="_blank",
                               rel="noopener"),
                    ], className="button-row"),
                    html.P("The script line resizes the frame to fit; without it the frame keeps its height. "
                           "Sites that read oEmbed (WordPress and others) embed the chart from the link "
                           "alone.",
                           className="share-hint"),
                ]),
                html.P(id=ids.SHARE_STATUS, className="share-status", role="status"),
                html.Div(id=ids.CITE_VIEW, className="cite-view"),  # filled by story_callbacks
            ], className="share-body"),
        ],
        id=ids.SHARE,
        className="share-panel",
    )


def more_rows_label(shown: int, total: int) -> str:
    """The "Show more" button's text, or "" when every row (or the most the table holds) is shown."""
    left = min(total, TABLE_LIMIT) - shown
    return f"Show {min(TABLE_PAGE, left)} more events" if left > 0 else ""


def notices(messages: Sequence[str]) -> list[html.P]:
    return [html.P(m, className="notice") for m in messages]


def _field(label: str, value: str) -> list[html.Dt | html.Dd]:
    return [html.Dt(label), html.Dd(value or "—")]


def source_item(url: str) -> html.Li:
    """A source as a link when it is http(s), otherwise as plain text with a note."""
    if is_http_url(url):
        return html.Li(html.A(url, href=url, target="_blank", rel="noopener noreferrer",
                              className="source-link"))
    return html.Li([html.Span(url, className="unsafe-source"), " (not an http(s) link; shown as text)"])


def safe_base(path: object) -> str:
    """The page's own path for permalinks; a path that could point elsewhere (`//host`, `/\\host`) is `/`."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith(("//", "/\\")):
        return "/"
    if any(ch.isspace() or ch == "\\" or ord(ch) < 32 for ch in path):
        return "/"
    return path


Part = dict[str, Any]  # a piece of a date cell as data: {"text"}, {"time", "datetime", "precision"} or
# {"ongoing": [parts]}; the page's table draws them with assets/table.js, the details with `when`


def date_part(value: str) -> Part:
    """A date at its precision, written as every surface writes it ('8 June 2020', 'June 2020', '2020':
    data/dates.py), the chart's hover included; `datetime` and `precision` give it to machines."""
    period = parse_period(value)
    if period is None:
        return {"text": value}
    return {"time": period_label(period), "datetime": value, "precision": period.precision}


def when_parts(row: pd.Series, *, as_of: bool = False) -> list[Part]:
    """The date or span of an event: one or two dates; a span with no end says "ongoing" (and, with
    `as_of`, the day it is known to be in force)."""
    if row["end_date"] == schema.ONGOING:
        known = pd.Timestamp(row["stop"]).strftime("%Y-%m-%d")
        words: list[Part] = [{"text": "ongoing"}]
        words += [{"text": " (no end known as of "}, date_part(known), {"text": ")"}] if as_of else []
        return [date_part(row["date"]), {"text": " – "}, {"ongoing": words}]
    if not row["end_date"]:
        return [date_part(row["date"])]
    return [date_part(row["date"]), {"text": " – "}, date_part(row["end_date"])]


def _component(part: Part) -> Component | str:
    if "time" in part:
        return html.Time(part["time"], dateTime=part["datetime"], **attrs(data_precision=part["precision"]))
    if "ongoing" in part:
        return html.Span([_component(p) for p in part["ongoing"]], className="ongoing")
    return str(part["text"])


def date_time(value: str) -> Component | str:
    """A date at its precision as <time datetime=...> (see date_part)."""
    return _component(date_part(value))


def when(row: pd.Series, *, as_of: bool = False) -> list[Component | str]:
    """The date or span of an event as components: <time> elements (see when_parts)."""
    return [_component(p) for p in when_parts(row, as_of=as_of)]


def details(row: pd.Series | None, base: str = "/") -> list[Component]:
    """The details panel body for one event, or a hint when nothing is selected."""
    if row is None:
        return [html.P("Click an event on the chart or in the table to read it and its sources. From the "
                       "keyboard: focus the chart and use the arrow keys, or press Enter on an event in the "
                       "table.", className="details-hint")]
    permalink = safe_base(base) + "?" + urlencode({"event": row["id"]})
    return [
        html.H2(row["title"], id=ids.DETAILS_TITLE, tabIndex="-1", **attrs(data_event=row["id"])),
        html.P(when(row, as_of=True), className="details-when"),
        html.Dl(
            _field("Actor", row["actor"]) + _field("Companies", ", ".join(row["company_list"]))
            + _field("Category", f"{row['category']}: {schema.CATEGORIES.get(row['category'], '')}"
                     if row["category"] else "")
            + _field("Location", row["location"]),
            className="details-fields",
        ),
        html.P(row["description"], className="details-description"),
        html.H3("Sources"),
        html.Ul([source_item(u) for u in row["source_list"]], className="details-sources"),
        html.P(html.A("Permalink to this event", href=permalink, id="details-permalink")),
    ]


def table_head() -> list[Component]:
    """The events table's header row, drawn once with the page: sortable columns are buttons (their label
    and aria-sort follow the sort: `sort_labels`); the body is drawn from `table_data` by assets/table.js."""
    header: list[Component] = [
        html.Th(html.Button(label, id={"type": ids.SORT_BUTTON, "column": col}, type="button",
                            className="sort-button", title=f"Sort by {label.lower()}"),
                id={"type": ids.SORT_HEADER, "column": col}, scope="col", **attrs(aria_sort="none"))
        for col, label in SORTABLE.items()
    ]
    header.insert(3, html.Th("Companies", scope="col"))
    return [html.Tr(header)]


def sort_state(sort: object) -> tuple[str, bool]:
    """A sort asked for by the browser -> (column, ascending); anything else sorts by date, ascending."""
    sort = sort if isinstance(sort, dict) else {}
    column = sort.get("column", "date")
    column = column if isinstance(column, str) and column in SORTABLE else "date"
    return column, bool(sort.get("ascending", True))


def sort_labels(sort: object) -> tuple[list[str], list[str]]:
    """The sortable columns' button labels (an arrow on the sorted one) and aria-sort values, in order."""
    column, ascending = sort_state(sort)
    states = [("ascending" if ascending else "descending") if col == column else "none" for col in SORTABLE]
    arrows = {"ascending": " ▲", "descending": " ▼", "none": ""}
    return [label + arrows[state] for label, state in zip(SORTABLE.values(), states, strict=True)], states


def table_data(view: pd.DataFrame, sort: object, limit: int = TABLE_LIMIT) -> dict[str, Any]:
    """The events table's caption and rows as data, sorted, the first `limit` rows (at most TABLE_LIMIT).
    The browser draws the rows (assets/table.js) with text nodes, never markup: a table of hundreds of
    Dash components made every page load and every callback slower (each component is watched)."""
    limit = max(1, min(limit, TABLE_LIMIT))
    column, ascending = sort_state(sort)
    key = "start" if column == "date" else column
    if key in view.columns:
        view = view.sort_values([key, "start"], ascending=[ascending, True], kind="stable",
                                key=lambda s: s.str.casefold() if s.dtype == object else s)
    rows = []
    for _, row in view.head(limit).iterrows():
        style = theme.CATEGORY_STYLE.get(row["category"], theme.FALLBACK_STYLE)
        rows.append({"id": row["id"], "when": when_parts(row), "title": row["title"], "actor": row["actor"],
                     "companies": ", ".join(row["company_list"]), "category": row["category"],
                     "color": style["color"]})
    caption = f"{len(view)} events" + (f" (first {limit} shown; download the CSV for all)"
                                       if len(view) > limit else "")
    return {"caption": caption, "rows": rows}
