"""The benchmark's synthetic events load through the real loader: every row validates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bench import synth
from dashboard.data import schema
from dashboard.data.load import bundled_path, check_text
from dashboard.data.settings import settings_path
from dashboard.view.dataset import load_dataset


def test_synthetic_rows_validate_and_every_row_is_kept() -> None:
    text = synth.generate(600)
    report = check_text(text, "synthetic.csv")
    assert report.errors == [], [str(p) for p in report.errors[:3]]
    assert report.events is not None and len(report.events) == 600


def test_every_synthetic_row_has_as_many_fields_as_the_header() -> None:
    rows = list(csv.reader(io.StringIO(synth.generate(300))))
    assert rows[0] == list(schema.COLUMN_NAMES)
    assert {len(r) for r in rows} == {len(schema.COLUMN_NAMES)}


def test_a_synthetic_file_comes_with_the_bundled_settings(tmp_path: Path) -> None:
    """The bundled rows' key moments, band and presets are drawn over the synthetic ones, as on the bundled
    data: a settings file left beside a cached file, or none, must not change what the benchmark measures."""
    path = synth.data_file(300, folder=tmp_path)
    dataset = load_dataset(path)
    bundled = load_dataset(bundled_path())
    assert dataset.settings.key_moments and dataset.settings.key_moments == bundled.settings.key_moments
    assert dataset.settings.presets == bundled.settings.presets
    settings_path(path).write_text("{}", encoding="utf-8")  # a stale file is replaced
    again = load_dataset(synth.data_file(300, folder=tmp_path))
    assert again.settings.presets == bundled.settings.presets


def test_a_cached_synthetic_file_is_not_reused_once_the_bundled_events_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = synth.data_file(300, folder=tmp_path)
    changed = tmp_path / "bundled" / "events.csv"
    changed.parent.mkdir()
    text = bundled_path().read_text(encoding="utf-8")
    changed.write_text(text.replace("IBM", "I.B.M.", 1), encoding="utf-8")
    settings_path(changed).write_bytes(settings_path(bundled_path()).read_bytes())
    monkeypatch.setattr(synth, "bundled_path", lambda name="events.csv": changed)
    after = synth.data_file(300, folder=tmp_path)
    assert after != before
    assert "I.B.M." in after.read_text(encoding="utf-8")
    assert "I.B.M." not in before.read_text(encoding="utf-8")


def test_a_cached_synthetic_file_is_not_reused_once_the_bundled_company_names_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = synth.data_file(300, folder=tmp_path)
    changed = tmp_path / "companies.csv"
    changed.write_text(synth.list_path().read_text(encoding="utf-8") + "Another Company\n", encoding="utf-8")
    monkeypatch.setattr(synth, "list_path", lambda: changed)
    assert synth.data_file(300, folder=tmp_path) != before
