"""Shared fixtures: paths to hand-made CSVs and the bundled data."""

from __future__ import annotations

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
