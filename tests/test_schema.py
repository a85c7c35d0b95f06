"""One schema, used three ways: the docs table is checked against it here."""

from __future__ import annotations

from dashboard.data import schema

from .conftest import ROOT


def test_docs_list_every_column_with_its_meaning():
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for column in schema.ALL_COLUMNS:
        assert f"| `{column.name}` | {'yes' if column.required else 'no'} | {column.meaning} |" in doc


def test_docs_list_every_category_and_company():
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for category, meaning in schema.CATEGORIES.items():
        assert f"| `{category}` | {meaning} | {schema.CONTEXT_LANES[category]} |" in doc
    from dashboard.data.companies import bundled_companies

    for company in bundled_companies():
        assert f"\n| {company} |" in doc


def test_every_category_has_a_context_lane_and_a_style():
    from dashboard.figures.theme import CATEGORY_STYLE

    assert set(schema.CONTEXT_LANES) == set(schema.CATEGORIES) == set(CATEGORY_STYLE)


def test_docs_list_every_relation_with_its_meaning_and_inverse():
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for relation in schema.RELATIONS.values():
        assert f"| `{relation.name}` | {relation.meaning} | {relation.inverse} |" in doc


def test_docs_describe_the_story_file_columns():
    from dashboard.view import story

    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for column in story.COLUMNS:
        required = "yes" if column in story.REQUIRED else "no"
        assert f"| `{column}` | {required} |" in doc


def test_relation_names_are_slugs_that_cannot_clash_with_the_separators():
    for name in schema.RELATIONS:
        assert schema.ID_RE.match(name)
        assert schema.RELATION_SEP not in name and schema.LIST_SEP not in name


def test_the_changelog_names_this_version_first():
    from dashboard.version import RELEASED, __version__

    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    changelog = doc.split("## Changelog", 1)[1]
    first_entry = next(line for line in changelog.splitlines() if line.startswith("- **"))
    assert first_entry.startswith(f"- **{__version__}** ({RELEASED}):")
