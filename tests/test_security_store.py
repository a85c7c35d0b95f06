"""The browser's session store (an upload's rows) is held to an upload's limits before any work, and a store
is checked once per process, not on every callback."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.data import validate
from dashboard.data.limits import MAX_ROWS
from dashboard.data.load import check_text, read_report
from dashboard.view import dataset
from dashboard.web import ids
from dashboard.web.upload import files as upload
from tests.conftest import DATA, large_csv_text
from tests.dash_requests import body, callback_key


def store_of(rows: int) -> dict:
    """A store as the app would write it, for a file of `rows` made-up (valid) events: read without limits,
    as a client editing its store by hand could make it."""
    report = check_text(large_csv_text(rows), "big.csv")
    assert not report.errors
    return dataset.to_payload(report, "big.csv")


@pytest.fixture(scope="module")
def app():
    return create_app(DATA / "valid.csv")


def count_checks(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = validate.check_rows

    def counting(rows, checker):
        calls.append(1)
        return real(rows, checker)

    monkeypatch.setattr(dataset, "check_rows", counting)
    return calls


def render(app, store, search: str = ""):
    key = callback_key(app, "event-count.children")
    data = body(app, key, {"url.search": search, "url.pathname": "/", f"{ids.USER_DATA}.data": store})
    return app.server.test_client().post("/_dash-update-component", json=data)


def test_a_store_over_the_row_limit_is_refused_without_checking_its_rows(app, monkeypatch):
    big = store_of(MAX_ROWS + 1_000)
    calls = count_checks(monkeypatch)
    assert dataset.from_payload(big) is None
    response = render(app, big, "?q=over-the-limit")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "could not be read again; showing the bundled data" in text and "7 events" in text
    assert calls == []


def test_a_store_over_the_size_limit_is_refused(monkeypatch):
    store = dataset.to_payload(read_report(DATA / "valid.csv"), "valid.csv")
    description = dataset.schema.ALL_COLUMN_NAMES.index("description")
    for row in store["rows"]:
        row[description] = "x" * (dataset.MAX_STORE_BYTES // len(store["rows"]))
    calls = count_checks(monkeypatch)
    assert dataset.from_payload(store) is None and calls == []


def test_a_valid_store_is_checked_once_for_many_callbacks(app, monkeypatch):
    store = store_of(300)
    calls = count_checks(monkeypatch)
    for n in range(4):
        response = render(app, store, f"?q=Event&n={n}")
        assert response.status_code == 200 and "300 events" in response.get_data(as_text=True)
    assert calls == [1]


def test_the_largest_upload_fits_in_a_store(monkeypatch):
    store = store_of(MAX_ROWS)
    assert dataset.store_json(store) is not None and dataset.from_payload(store) is not None


def test_an_upload_whose_store_would_be_too_large_is_refused_with_a_message(monkeypatch):
    monkeypatch.setattr(dataset, "MAX_STORE_BYTES", 1_000)
    raw = (DATA / "valid.csv").read_bytes()
    import base64

    pending = {"name": "valid.csv", "contents": "data:text/csv;base64," + base64.b64encode(raw).decode()}
    outcome = upload.events_upload(pending)
    assert outcome.payload is None
    assert "once read" in str(outcome.errors[0]) and "valid.csv" in str(outcome.errors[0])
