"""Shared fixtures: paths to hand-made CSVs and the bundled data."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def valid_csv() -> Path:
    return DATA / "valid.csv"


@pytest.fixture
def bundled_csv() -> Path:
    return ROOT / "events.csv"


HEADER = "id,date,end_date,title,description,category,actor,companies,location,sources\n"


@pytest.fixture
def write_csv(tmp_path):
    """Write CSV text (header added unless given) to a temporary file and return its path."""

    def write(body: str, *, header: str | None = HEADER, name: str = "events.csv") -> Path:
        path = tmp_path / name
        path.write_text((header or "") + body, encoding="utf-8")
        return path

    return write


def xss_payloads() -> list[str]:
    """The payloads in tests/data/xss_payloads.txt (script tags, event handlers, SVG/MathML, broken markup,
    javascript: URLs...): each sets window.__pwned or document.title if it ever runs."""
    lines = (DATA / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("# ")]


UNSAFE_SOURCES = ("javascript:window.__pwned=1", "data:text/html,<script>window.__pwned=1</script>",
                  "//evil.example/x", "vbscript:msgbox(1)")


def xss_rows() -> list[dict[str, str]]:
    """One event per payload, in every free-text column; sources mix one https URL with an unsafe one."""
    import datetime as dt

    from dashboard.data import schema

    companies = ["IBM", "Amazon", "Microsoft", ""]
    categories = list(schema.CATEGORIES)
    rows = []
    for n, payload in enumerate(xss_payloads()):
        day = dt.date(2018, 1, 1) + dt.timedelta(days=25 * n)
        rows.append({
            "id": f"xss-{n}", "date": day.isoformat(), "end_date": "", "title": payload,
            "description": "Description: " + payload, "category": categories[n % len(categories)],
            "actor": payload, "companies": companies[n % len(companies)], "location": payload,
            "sources": f"https://example.org/xss/{n} {UNSAFE_SOURCES[n % len(UNSAFE_SOURCES)]}",
        })
    return rows


@pytest.fixture
def xss_csv(tmp_path) -> Path:
    """An events file built from the XSS payload list (valid: every payload is in free-text columns)."""
    return write_rows(tmp_path / "xss.csv", xss_rows())


@pytest.fixture
def xss_linked_csv(tmp_path) -> Path:
    """The XSS events, each (but the first) citing the one before it: payloads in relation labels too."""
    rows = xss_rows()
    for n, row in enumerate(rows):
        row["related"] = f"cites:xss-{n - 1}" if n else ""
    return write_rows(tmp_path / "xss.csv", rows)


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    """Write event rows (dicts by column name; missing columns empty) as an events CSV."""
    import csv

    from dashboard.data import schema

    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=schema.COLUMN_NAMES, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return path


def large_csv_text(n: int, seed: int = 7) -> str:
    """`n` made-up events, 2015-2024, a tenth of them on 8-11 June 2020, with the key moment
    `ibm-exits-general-purpose-frt` among them: a data set big enough for the level-of-detail views."""
    import numpy as np

    from dashboard.data import schema
    from dashboard.data.companies import bundled_companies

    rng = np.random.default_rng(seed)
    categories = list(schema.CATEGORIES)
    rows = [HEADER.strip(), "ibm-exits-general-purpose-frt,2020-06-08,,IBM exits,Key moment.,decision,IBM,"
            "IBM,,https://example.org/k"]
    for i in range(n - 1):
        if i % 10 == 0:
            day = np.datetime64("2020-06-08") + int(rng.integers(0, 4))
        else:
            day = np.datetime64("2015-01-01") + int(rng.integers(0, 3650))
        k = int(rng.integers(0, 3))
        companies = ";".join(rng.choice(bundled_companies(), size=k, replace=False))
        rows.append(f"e{i},{day},,Event {i},Made up.,{categories[i % 6]},Actor {i % 7},{companies},,"
                    f"https://example.org/{i}")
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="session")
def large_csv(tmp_path_factory) -> Path:
    """10,000 made-up events (see `large_csv_text`), written once per test session."""
    path = tmp_path_factory.mktemp("large") / "events.csv"
    path.write_text(large_csv_text(10_000), encoding="utf-8")
    return path


@functools.cache
def loaded_events(path: Path):
    """An events file loaded once per test process, for tests that only read the frame (the 10,000-event
    file takes about 0.8 s a load)."""
    from dashboard.data.load import load_events

    return load_events(path)


@pytest.fixture(scope="session")
def large_events(large_csv):
    """`large_csv` loaded once per test process: tests only read it."""
    return loaded_events(large_csv)


@pytest.fixture(scope="session")
def large_app(large_csv):
    """The app on `large_csv`, built once per test process, for tests that only send it requests."""
    from dashboard.app import create_app

    return create_app(large_csv)


# The longest tests first: pytest-xdist (worksteal) hands each worker half of the list and lets an idle worker
# take the other's last tests, so short tests at the end even out the finish. A long browser test that starts
# last would keep one core busy alone while the other waits.
LONG_FIRST = ("test_security.py", "test_accessibility.py", "test_story.py", "test_upload.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        if "browser" not in item.path.parts:
            return 2
        return 0 if item.path.name in LONG_FIRST else 1

    items.sort(key=rank)  # stable: each file keeps its order
