"""`python -m bench`'s tables: a target whose tool is missing is listed as not measured, never left out."""

from __future__ import annotations

import argparse

import pytest

import bench.__main__ as bench_main


def test_a_missing_load_tool_or_lighthouse_is_a_row_that_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_main.shutil, "which", lambda name: None)
    args = argparse.Namespace(load_seconds=1, no_lighthouse=False, lighthouse_runs=1)
    rendered = bench_main.server_table(args).render()
    assert "uncached callback mix | not measured: wrk is not installed" in rendered
    assert "Lighthouse (mobile) Performance | not measured: npx is not installed" in rendered
    assert rendered.count("| NO |") == 2

