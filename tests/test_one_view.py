"""One view everywhere: for every fixture file and any filters, the page's rows, `/api`'s rows and the
export's rows are the same events (issue 13: the page and /api once disagreed on uncategorised events)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.app import create_app
from dashboard.export import Export, render
from dashboard.view.dataset import load_dataset
from dashboard.view.shown import resolve
from dashboard.web import ids
from tests.conftest import DATA
from tests.dash_requests import body, callback_key

FILES = ["valid.csv", "related.csv", "groups.csv", "timelinejs.csv", "timelinejs.json", "bom_crlf.csv",
         "messy_semicolon.csv", "minimal.csv"]


@pytest.fixture(scope="module", params=[f for f in FILES if (DATA / f).exists()])
def served(request):
    path = DATA / request.param
    return create_app(path), load_dataset(path)


def page_rows(app, query: str) -> set[str]:
    """The ids the page lists for the view: the chart's keyboard order (every event in view)."""
    request = body(app, callback_key(app, f"{ids.COUNT}.children"), {"url.search": "?" + query},
                   changed=["url.search"])
    answer = app.server.test_client().post("/_dash-update-component", json=request).get_json()["response"]
    order = answer[ids.CHART_KEYS]["data-order"]
    return set(order.split()) if order else set()


def api_rows(app, query: str) -> set[str]:
    data = json.loads(app.server.test_client().get("/api/events.json?" + query).get_data())
    return {e["id"] for e in data["events"]}


def export_rows(dataset, query: str, tmp: Path) -> set[str]:
    text = render(Export(shown=resolve(query, dataset), out=tmp / "view.csv")).decode("utf-8")
    return {row["id"] for row in csv.DictReader(io.StringIO(text))}


def queries(dataset) -> st.SearchStrategy[str]:
    companies = sorted(dataset.companies)
    categories = ["decision", "protest", "legislation", "research", "legal", "incident", "uncategorised"]
    days = st.dates(min_value=date(2017, 1, 1), max_value=date(2021, 12, 31))
    words = st.sampled_from(["", "ibm", "police", "a", "ban", "zzz", "Amazon"])
    return st.builds(
        lambda cs, cats, start, end, q, context: urlencode(
            [("company", c) for c in cs or []] + [("category", c) for c in cats or []]
            + ([("start", start.isoformat())] if start else []) + ([("end", end.isoformat())] if end else [])
            + ([("q", q)] if q else []) + ([("context", "0")] if not context else [])),
        st.none() | st.lists(st.sampled_from(companies), max_size=3) if companies else st.none(),
        st.none() | st.lists(st.sampled_from(categories), min_size=1, max_size=3),
        st.none() | days, st.none() | days, words, st.booleans(),
    )


def test_the_page_the_api_and_the_export_show_the_same_rows(served, tmp_path):
    app, dataset = served

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def check(data):
        query = data.draw(queries(dataset))
        page = page_rows(app, query)
        assert page == api_rows(app, query), query
        assert page == export_rows(dataset, query, tmp_path), query

    check()
