"""The CLI through click's CliRunner: validate's exit codes and messages, serve's help and bad data."""

from __future__ import annotations

from click.testing import CliRunner

from dashboard.cli import main


def test_validate_valid_file(valid_csv):
    result = CliRunner().invoke(main, ["validate", str(valid_csv)])
    assert result.exit_code == 0
    assert result.output.strip().endswith("valid.csv: valid, 7 events.")


def test_validate_lists_one_line_per_problem(write_csv):
    path = write_csv("a,2020-13,,T,D,decision,IBM,,,https://e.org\nb,2020,,T,D,nope,IBM,Initech,,https://e.org\n")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("events.csv:2:2: date '2020-13' is not a valid YYYY, YYYY-MM or YYYY-MM-DD date (")
    assert lines[1].startswith("events.csv:3:6: unknown category 'nope' (use one of: decision, protest,")
    assert lines[2].startswith("events.csv:3:8: unknown company 'Initech' (use names from the documented list:")
    assert len(lines) == 3
    assert "3 problem(s)" in result.stderr


def test_validate_missing_file():
    result = CliRunner().invoke(main, ["validate", "no/such/file.csv"])
    assert result.exit_code == 1
    assert "cannot read the file" in result.output


def test_serve_help_lists_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--events", "--host", "--port", "--debug"):
        assert option in result.output


def test_serve_with_invalid_data_exits_1_with_the_message_not_a_traceback(write_csv):
    path = write_csv("x,2020,,T,D,nope,IBM,,,https://e.org\n")
    result = CliRunner().invoke(main, ["serve", "--events", str(path)])
    assert result.exit_code == 1
    assert "is not a valid events file" in result.stderr
    assert "events.csv:2:6: unknown category 'nope'" in result.stderr
    assert "Traceback" not in result.output


def test_serve_runs_without_debug_unless_asked(monkeypatch, valid_csv):
    from dash import Dash

    runs: list[dict] = []
    monkeypatch.setattr(Dash, "run", lambda self, **kwargs: runs.append(kwargs))
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setenv("DASH_DEBUG", "true")
    assert CliRunner().invoke(main, ["serve", "--events", str(valid_csv)]).exit_code == 0
    assert CliRunner().invoke(main, ["serve", "--events", str(valid_csv), "--debug"]).exit_code == 0
    assert [r["debug"] for r in runs] == [False, True]
