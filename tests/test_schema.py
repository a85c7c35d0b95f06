"""One schema, used three ways: the docs table is checked against it here."""

from __future__ import annotations

from dashboard import schema

from .conftest import ROOT


def test_docs_list_every_column_with_its_meaning():
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for column in schema.ALL_COLUMNS:
        assert f"| `{column.name}` | {'yes' if column.required else 'no'} | {column.meaning} |" in doc


def test_docs_list_every_category_and_company():
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for category, meaning in schema.CATEGORIES.items():
        assert f"| `{category}` | {meaning} | {schema.CONTEXT_LANES[category]} |" in doc
    for company in schema.COMPANIES:
        assert f"\n| {company} |" in doc


def test_every_category_has_a_context_lane_and_a_style():
    from dashboard.theme import CATEGORY_STYLE

    assert set(schema.CONTEXT_LANES) == set(schema.CATEGORIES) == set(CATEGORY_STYLE)
