"""The CLI through click's CliRunner: validate's exit codes and messages, serve's options, export."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import plotly.io as pio
import pytest
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


def export(*args: str):
    return CliRunner().invoke(main, ["export", *args])


VIEW = ["--company", "IBM", "--company", "Amazon", "--start", "2020-05-01", "--end", "2020-07-31"]


def test_export_png_is_a_png_of_the_asked_size(valid_csv, tmp_path):
    out = tmp_path / "view.png"
    result = export("--out", str(out), "--events", str(valid_csv), *VIEW, "--width", "800", "--height", "400",
                    "--scale", "2")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1600, 800)  # IHDR width and height, scaled
    assert result.output.strip() == f"Wrote {out} (4 events)."


def test_export_svg_has_an_svg_root_with_title_and_footer(valid_csv, tmp_path):
    out = tmp_path / "view.svg"
    assert export("--out", str(out), "--events", str(valid_csv), *VIEW).exit_code == 0
    root = ElementTree.fromstring(out.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = "".join(root.itertext())
    assert "Big tech and facial recognition: IBM, Amazon" in text
    assert "Source: frt-timeline" in text and "Data: latest event 11 June 2020" in text


def test_export_pdf(valid_csv, tmp_path):
    out = tmp_path / "view.pdf"
    assert export("--out", str(out), "--events", str(valid_csv), *VIEW).exit_code == 0
    assert out.read_bytes()[:5] == b"%PDF-"


def test_export_json_plotly_can_load(valid_csv, tmp_path):
    out = tmp_path / "view.json"
    assert export("--out", str(out), "--events", str(valid_csv), *VIEW, "--theme", "dark").exit_code == 0
    fig = pio.from_json(out.read_text())
    assert fig.layout.template.layout.paper_bgcolor == "rgb(17,17,17)"
    ids = {i for trace in fig.data if trace.customdata is not None for i in trace.customdata}
    assert ids == {"ibm-exit", "amazon-pause", "floyd-killed", "protest-wave"}


def test_export_csv_and_html(valid_csv, tmp_path):
    result = export("--out", str(tmp_path / "v.csv"), "--events", str(valid_csv), "--category", "decision")
    assert result.exit_code == 0
    assert (tmp_path / "v.csv").read_text().count("\n") == 4  # header and three decisions
    assert export("--out", str(tmp_path / "v.html"), "--events", str(valid_csv), "--cdn").exit_code == 0
    assert "cdn.plot.ly" in (tmp_path / "v.html").read_text()


def test_export_takes_the_view_from_a_url(valid_csv, tmp_path):
    out = tmp_path / "v.html"
    result = export("--out", str(out), "--events", str(valid_csv),
                    "--url", "http://app.example:8050/embed?company=IBM&context=0&theme=dark")
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "<h1>Big tech and facial recognition: IBM</h1>" in html and "theme-dark" in html
    assert 'href="http://app.example:8050/?company=IBM&amp;context=0"' in html  # the source link


def test_export_without_a_browser_says_what_to_install_and_exits_2(valid_csv, tmp_path):
    root = str(Path(__file__).parent.parent)
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium", "PYTHONPATH": root}
    out = tmp_path / "v.png"
    proc = subprocess.run([sys.executable, "-m", "dashboard", "export", "--out", str(out), "--events",
                           str(valid_csv)], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "need Chrome or Chromium" in lines[0] and "apt-get install chromium" in lines[0]
    assert not out.exists()


@pytest.mark.parametrize("args, message", [
    (["--company", "IMB"], "frt-timeline export: unknown company 'IMB'. Nothing was written."),
    (["--start", "June"], "start='June': dates are written YYYY-MM-DD."),
    (["--event", "nope"], "There is no event with id 'nope' in this data."),
    (["--url", "http://h/?company=IBM", "--company", "IBM"], "give either --url or view options"),
    (["--url", "http://h/api/events.json"], "is not a link to the app"),
])
def test_export_refuses_a_view_it_cannot_draw_exactly(valid_csv, tmp_path, args, message):
    out = tmp_path / "v.json"
    result = export("--out", str(out), "--events", str(valid_csv), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not out.exists()


def test_export_never_overwrites_the_events_file(write_csv):
    path = write_csv("a,2020,,T,D,decision,IBM,IBM,,https://e.org\n", name="events.csv")
    before = path.read_bytes()
    result = export("--out", str(path.with_suffix(".csv")), "--events", str(path))
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr
    assert path.read_bytes() == before


def test_export_unknown_extension_exits_2(valid_csv, tmp_path):
    result = export("--out", str(tmp_path / "v.docx"), "--events", str(valid_csv))
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr


def test_serve_rejects_bad_frame_ancestors():
    result = CliRunner().invoke(main, ["serve", "--frame-ancestors", "https://a.org; script-src *"])
    assert result.exit_code == 2
    assert "--frame-ancestors" in result.output and "is not a site" in result.output
