"""Page parts get CSV text as plain strings (React renders it as text) and render only http(s) links;
dates are <time> elements, the details title takes focus."""

from __future__ import annotations

import pytest
from dash import dcc, html

from dashboard.data.load import load_events
from dashboard.data.safe import is_http_url
from dashboard.web import components, ids


def walk(node: object):
    """Every component in a tree, depth first."""
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from walk(child)
    elif hasattr(node, "to_plotly_json"):
        yield node
        yield from walk(getattr(node, "children", None))


def texts(node: object) -> list[str]:
    out = []
    for component in walk(node):
        children = getattr(component, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if isinstance(child, str):
                out.append(child)
    return out


def assert_plain(tree: object) -> None:
    for component in walk(tree):
        assert not isinstance(component, (dcc.Markdown, html.Iframe, html.Script, html.Embed, html.ObjectEl))
        assert "dangerouslySetInnerHTML" not in component.to_plotly_json()["props"]
        href = getattr(component, "href", None)
        if href is not None:
            assert is_http_url(href) or href.startswith("/?event="), href


def test_details_show_every_field_as_plain_text_and_only_http_links(xss_csv):
    events = load_events(xss_csv)
    for _, row in events.iterrows():
        tree = components.details(row)
        assert_plain(tree)
        shown = texts(tree)
        for value in (row["title"], row["description"], row["actor"], row["location"]):
            assert value in shown
        links = [c.href for c in walk(tree)
                 if isinstance(c, html.A) and getattr(c, "className", None) == "source-link"]
        assert links == [u for u in row["source_list"] if is_http_url(u)] and len(links) == 1
        unsafe = [c.children for c in walk(tree) if getattr(c, "className", None) == "unsafe-source"]
        assert unsafe == [u for u in row["source_list"] if not is_http_url(u)] and len(unsafe) == 1


def test_table_sends_csv_text_as_plain_strings(xss_csv):
    """The table's rows go to the browser as data that assets/table.js draws as text nodes
    (tests/browser/test_security.py runs them): every cell is the CSV's string, unchanged."""
    events = load_events(xss_csv)
    data = components.table_data(events, {"column": "<script>", "ascending": "yes"})
    by_id = {r["id"]: r for r in data["rows"]}
    assert len(by_id) == len(events)
    for _, row in events.iterrows():
        cells = by_id[row["id"]]
        assert (cells["title"], cells["actor"]) == (row["title"], row["actor"])
        assert all(isinstance(v, str) for k, v in cells.items() if k != "when")


def test_notices_are_plain_text():
    tree = components.notices(["Ignored unknown company '<img src=x onerror=alert(1)>'."])
    assert_plain(tree)
    assert texts(tree) == ["Ignored unknown company '<img src=x onerror=alert(1)>'."]


def test_permalink_stays_on_this_site():
    for path, expected in [("/", "/"), ("/some/page", "/some/page"), ("//evil.example/", "/"),
                           ("/\\evil.example", "/"), ("javascript:alert(1)", "/"), ("", "/"), (None, "/"),
                           (["/"], "/"), ("/a\tb", "/")]:
        assert components.safe_base(path) == expected, path


# The events table shows a page of rows at a time, so a large view keeps the page responsive.


def rows(data) -> int:
    return len(data["rows"])


def caption(data) -> str:
    return data["caption"]


def test_first_page_of_a_large_view(large_events):
    tree = components.table_data(large_events, {}, components.TABLE_PAGE)
    assert rows(tree) == components.TABLE_PAGE
    assert caption(tree) == f"10000 events (first {components.TABLE_PAGE} shown; download the CSV for all)"


def test_the_table_never_holds_more_than_its_limit(large_events):
    assert rows(components.table_data(large_events, {}, 10_000)) == components.TABLE_LIMIT


def test_show_more_label_counts_what_is_left(valid_csv):
    assert components.more_rows_label(50, 127) == "Show 50 more events"
    assert components.more_rows_label(100, 127) == "Show 27 more events"
    assert components.more_rows_label(127, 127) == ""
    assert components.more_rows_label(500, 10_000) == ""  # the table's limit: download the CSV for all
    assert rows(components.table_data(load_events(valid_csv), {}, components.TABLE_PAGE)) == 7


# Accessibility: dates as <time>, a focusable details title.

@pytest.fixture
def events(valid_csv):
    return load_events(valid_csv).set_index("id", drop=False)


@pytest.mark.parametrize(("value", "precision", "text"), [
    ("2020-06-08", "day", "8 June 2020"), ("2018-02", "month", "February 2018"), ("2019", "year", "2019")])
def test_dates_are_time_elements_in_english_with_their_precision(value, precision, text):
    props = components.date_time(value).to_plotly_json()["props"]
    assert (props["children"], props["dateTime"], props["data-precision"]) == (text, value, precision)


def test_a_span_is_two_time_elements(events):
    parts = components.when(events.loc["amazon-pause"])
    assert [p.dateTime for p in parts[::2]] == ["2020-06-10", "2021-06-10"] and parts[1] == " – "


def test_details_title_can_take_focus_and_names_its_event(events):
    title = components.details(events.loc["ibm-exit"])[0].to_plotly_json()["props"]
    assert (title["id"], title["tabIndex"], title["data-event"]) == (ids.DETAILS_TITLE, "-1", "ibm-exit")
