"""The CLI through click's CliRunner: validate's exit codes and messages, serve's options, export."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import plotly.graph_objects as go
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
    assert lines[0].startswith(
        "events.csv:2:2: date '2020-13' is not a valid YYYY, YYYY-MM or YYYY-MM-DD date (")
    assert lines[1].startswith("events.csv:3:6: unknown category 'nope' (use one of: decision, protest,")
    assert len(lines) == 2  # any company is fine: 'Initech' is data
    assert "2 problem(s)" in result.stderr


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


KALEIDO = pytest.mark.filterwarnings("ignore:The kopts argument is ignored if using a server")


@pytest.fixture(scope="session")
def kaleido_browser():
    """One kaleido browser for the session's PNG, SVG and PDF exports (plotly's to_image uses it while it
    runs): starting Chromium for each export costs about 3 s, an export through the running one under 1 s."""
    import kaleido

    # the options plotly would give a browser of its own (each export then says they are ignored: see KALEIDO)
    kopts = {k: v for k, v in {"plotlyjs": pio.defaults.plotlyjs, "mathjax": pio.defaults.mathjax,
                               "headers": pio.defaults.headers}.items() if v}
    kaleido.start_sync_server(silence_warnings=True, **kopts)
    # Its page may still be loading its scripts when the first export comes ("kaleido_scopes is not
    # defined", seen under load): draw a blank figure until it answers, restarting it once if it never does.
    for attempt in range(6):
        try:
            pio.to_image(go.Figure(), format="png", width=20, height=20)
            break
        except Exception:  # noqa: BLE001 (whatever kaleido raises while its page is not ready)
            if attempt == 2:
                kaleido.stop_sync_server(silence_warnings=True)
                kaleido.start_sync_server(silence_warnings=True, **kopts)
            time.sleep(1)
    yield
    kaleido.stop_sync_server(silence_warnings=True)


VIEW = ["--company", "IBM", "--company", "Amazon", "--start", "2020-05-01", "--end", "2020-07-31"]


@KALEIDO
def test_export_png_is_a_png_of_the_asked_size(valid_csv, tmp_path, kaleido_browser):
    out = tmp_path / "view.png"
    result = export("--out", str(out), "--events", str(valid_csv), *VIEW, "--width", "800", "--height", "400",
                    "--scale", "2")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1600, 800)  # IHDR width and height, scaled
    assert result.output.strip() == f"Wrote {out} (4 events)."


@KALEIDO
def test_export_svg_has_an_svg_root_with_title_and_footer(valid_csv, tmp_path, kaleido_browser):
    out = tmp_path / "view.svg"
    assert export("--out", str(out), "--events", str(valid_csv), *VIEW).exit_code == 0
    root = ElementTree.fromstring(out.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert [(e.tag.split("}")[1], e.text[:44]) for e in root[:2]] == [  # what viewers name the drawing
        ("title", "Big tech and facial recognition: IBM, Amazon"),
        ("desc", "A timeline of 4 events (Companies: IBM, Amaz")]
    text = "".join(root.itertext())
    assert "Big tech and facial recognition: IBM, Amazon" in text
    assert "Source: frt-timeline" in text and "Data: latest event 11 June 2020" in text


@KALEIDO
def test_export_pdf(valid_csv, tmp_path, kaleido_browser):
    out = tmp_path / "view.pdf"
    assert export("--out", str(out), "--events", str(valid_csv), *VIEW).exit_code == 0
    data = out.read_bytes()
    assert data[:5] == b"%PDF-"
    # what a PDF reader shows as the document's title: the last /Info dictionary of the file
    number = re.findall(rb"/Info (\d+) 0 R", data)[-1]
    info = data[data.rindex(b"\n" + number + b" 0 obj"):]
    title = re.search(rb"/Title\s*<FEFF([0-9A-F]*)>", info[:info.index(b"endobj")])
    assert title and bytes.fromhex(title[1].decode()).decode("utf-16-be") == \
        "Big tech and facial recognition: IBM, Amazon · 1 May 2020 – 31 July 2020"


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
    assert '<h1 class="frt-title">Big tech and facial recognition: IBM</h1>' in html and "theme-dark" in html
    # the source link opens the app on the view as it was drawn, theme and all
    assert 'href="http://app.example:8050/?company=IBM&amp;context=0&amp;theme=dark"' in html


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


def test_export_refuses_to_replace_a_file_without_force(valid_csv, tmp_path):
    out = tmp_path / "view.csv"
    out.write_text("mine", encoding="utf-8")
    refused = export("--out", str(out), "--events", str(valid_csv))
    assert refused.exit_code == 2
    assert f"{out} exists; pass --force to replace it. Nothing was written." in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    forced = export("--out", str(out), "--events", str(valid_csv), "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("id,")


def test_export_unknown_extension_exits_2(valid_csv, tmp_path):
    result = export("--out", str(tmp_path / "v.docx"), "--events", str(valid_csv))
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr


def test_serve_rejects_bad_frame_ancestors():
    result = CliRunner().invoke(main, ["serve", "--frame-ancestors", "https://a.org; script-src *"])
    assert result.exit_code == 2
    assert "--frame-ancestors" in result.output and "is not a site" in result.output


def test_validate_groups_problems_under_headings_on_stderr(valid_csv):
    result = CliRunner().invoke(main, ["validate", str(valid_csv.parent / "timelinejs_errors.csv")])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 8  # one line per problem, nothing else
    assert "== invalid date (4)\n" in result.stderr
    assert "== missing date (2)\n" in result.stderr
    # in the terminal each heading precedes its problems
    output = result.output
    assert output.index("== invalid date (4)") < output.index("timelinejs_errors.csv:2:1: Year '20x0'")
    assert output.index("== end before start (1)") < output.index("timelinejs_errors.csv:5:4:")
    assert "8 problem(s); the file is not valid." in result.stderr


def test_validate_a_timelinejs_file_names_the_format_and_lists_warnings(valid_csv):
    result = CliRunner().invoke(main, ["validate", str(valid_csv.parent / "timelinejs.json")])
    assert result.exit_code == 0
    assert "format: TimelineJS JSON, title 'A newsroom's timeline', 1 era(s)" in result.stderr
    assert "== warnings: not shown (3)" in result.stderr
    assert "warning: timelinejs.json:8:16: Media (1 row) is left out" in result.stderr
    assert result.stdout.strip().endswith("timelinejs.json: valid, 3 events.")


def test_validate_a_context_series(valid_csv):
    ok = CliRunner().invoke(main, ["validate", "--context", str(valid_csv.parent / "context_events.csv")])
    assert ok.exit_code == 0
    assert "valid context series, counting rows per day of 'event_date': 5 rows" in ok.stdout
    assert "2 rows have no date: not counted (line 5, 8)" in ok.stderr
    chosen = CliRunner().invoke(main, ["validate", "--context", str(valid_csv.parent / "context_columns.csv"),
                                       "--context-date", "day_reported"])
    assert chosen.exit_code == 0 and "summing 'n_protests' per day" in chosen.stdout
    bad = CliRunner().invoke(main, ["validate", "--context", str(valid_csv.parent / "context_columns.csv"),
                                    "--context-date", "notes"])
    assert bad.exit_code == 1 and "'first' is not a day" in bad.stdout


def test_validate_without_a_path_checks_the_served_file_and_says_which(monkeypatch, valid_csv, write_csv):
    from dashboard.data.load import bundled_path

    monkeypatch.delenv("FRT_EVENTS", raising=False)
    monkeypatch.delenv("FRT_STORY", raising=False)
    bundled = CliRunner().invoke(main, ["validate"])
    assert bundled.exit_code == 0, bundled.output
    checked = f"checking the events file the app serves, {bundled_path()} (the bundled events file)"
    assert checked in bundled.stderr
    assert f"{bundled_path()}: valid, " in bundled.stdout
    assert "story.csv: valid, " in bundled.stdout  # and the tour served with it

    monkeypatch.setenv("FRT_EVENTS", str(valid_csv))
    chosen = CliRunner().invoke(main, ["validate"])
    assert chosen.exit_code == 0
    assert f"the app serves, {valid_csv} ($FRT_EVENTS)" in chosen.stderr
    assert chosen.stdout.strip().endswith("valid.csv: valid, 7 events.")

    monkeypatch.setenv("FRT_EVENTS", str(write_csv("x,2020,,T,D,nope,IBM,,,https://e.org\n")))
    invalid = CliRunner().invoke(main, ["validate"])
    assert invalid.exit_code == 1 and "events.csv:2:6: unknown category 'nope'" in invalid.stdout


def test_options_without_a_command_go_to_serve(monkeypatch, valid_csv):
    from dash import Dash

    runs: list[dict] = []
    monkeypatch.setattr(Dash, "run", lambda self, **kwargs: runs.append(kwargs))
    for args in (["--port", "8051", "--events", str(valid_csv)], ["--port=8052", "--events", str(valid_csv)],
                 ["serve", "--port", "8053", "--events", str(valid_csv)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    assert [r["port"] for r in runs] == [8051, 8052, 8053]
    assert ", version " in CliRunner().invoke(main, ["--version"]).output
    assert "Commands:" in CliRunner().invoke(main, ["--help"]).output
    assert "No such command 'serv'" in CliRunner().invoke(main, ["serv"]).output


def test_python_m_dashboard_takes_serve_options():
    out = subprocess.run([sys.executable, "-m", "dashboard", "--port", "8051", "--help"], capture_output=True,
                         text=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 0, out.stderr
    assert "Usage: frt-timeline serve [OPTIONS]" in out.stdout and "--frame-ancestors" in out.stdout


def test_convert_round_trip_through_timelinejs_json(valid_csv, tmp_path):
    runner = CliRunner()
    json_path, back_path = tmp_path / "t.json", tmp_path / "back.csv"
    first = runner.invoke(main, ["convert", str(valid_csv.parent / "groups.csv"), "--to", "timelinejs-json",
                                 "--out", str(json_path)])
    assert first.exit_code == 0, first.output
    assert "wrote" in first.stderr and "4 events as timelinejs-json" in first.stderr
    second = runner.invoke(main, ["convert", str(json_path), "--to", "events", "--out", str(back_path)])
    assert second.exit_code == 0, second.output
    original = (valid_csv.parent / "groups.csv").read_text(encoding="utf-8")
    assert back_path.read_text(encoding="utf-8") == original


def test_convert_never_overwrites_the_input_or_an_existing_file_without_force(valid_csv, tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes((valid_csv.parent / "valid.csv").read_bytes())
    same = CliRunner().invoke(main, ["convert", str(source), "--to", "events", "--out", str(source),
                                     "--force"])
    assert same.exit_code == 1 and "is the input file" in same.output
    assert source.read_bytes() == (valid_csv.parent / "valid.csv").read_bytes()
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    refused = CliRunner().invoke(main, ["convert", str(source), "--to", "timelinejs-json", "--out", str(out)])
    assert refused.exit_code == 1 and "pass --force" in refused.output and out.read_text() == "keep me"
    forced = CliRunner().invoke(main, ["convert", str(source), "--to", "timelinejs-json", "--out", str(out),
                                       "--force"])
    assert forced.exit_code == 0 and out.read_text().startswith("{")


def test_convert_to_stdout_with_notes_on_stderr(valid_csv):
    result = CliRunner().invoke(main, ["convert", str(valid_csv.parent / "timelinejs.csv"), "--to", "events",
                                       "--out", "-"])
    assert result.exit_code == 0
    header = "id,date,end_date,title,description,category,actor,companies,location,sources,group"
    assert result.stdout.splitlines()[0] == header
    assert "note: 1 era left out: the events CSV has no place for eras" in result.stderr


def test_convert_an_invalid_file_writes_nothing(valid_csv, tmp_path):
    out = tmp_path / "x.json"
    result = CliRunner().invoke(main, ["convert", str(valid_csv.parent / "ambiguous_dates.csv"), "--to",
                                       "timelinejs-json", "--out", str(out)])
    assert result.exit_code == 1
    assert "ambiguous_dates.csv:4:3: end_date '04/05/2020' is ambiguous" in result.stdout
    assert not out.exists()


def test_serve_help_lists_the_context_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    for option in ("--context", "--context-date", "--context-value"):
        assert option in result.output


def test_serve_with_an_invalid_context_exits_1(valid_csv):
    result = CliRunner().invoke(main, ["serve", "--events", str(valid_csv), "--context",
                                       str(valid_csv.parent / "context_bad.csv")])
    assert result.exit_code == 1
    assert "is not a valid context series" in result.stderr
    assert "context_bad.csv:3:1: '03/04/2020' is ambiguous" in result.stderr


def test_serve_skips_notebook_support_so_the_server_starts_sooner(valid_csv):
    """`serve` keeps Dash from importing IPython (about a second at start); the app still builds."""
    import subprocess
    import sys

    code = ("import sys; from dashboard.cli import skip_notebook_support; skip_notebook_support(); "
            f"from dashboard.app import create_app; create_app({str(valid_csv)!r}); "
            "print(sys.modules.get('IPython') is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"


def test_validate_checks_a_tour_against_the_events(tmp_path):
    from .conftest import DATA

    ok = CliRunner().invoke(main, ["validate", str(DATA / "related.csv"), "--story", str(DATA / "story.csv")])
    assert ok.exit_code == 0
    assert ok.stdout.strip().splitlines()[-1].endswith("story.csv: valid, 3 steps.")
    bad = tmp_path / "story.csv"
    bad.write_text("title,text,view\nT,Text.,anchor=nobody\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(DATA / "related.csv"), "--story", str(bad)])
    assert result.exit_code == 1
    assert "story.csv:2:3: view 'anchor=nobody': There is no event with id 'nobody'" in result.stdout
    assert "the tour is not valid" in result.stderr


def test_validate_reports_bad_related_links_with_their_column(write_csv):
    header = "id,date,end_date,title,description,category,actor,companies,location,sources,related\n"
    path = write_csv("a,2020,,T,D,decision,IBM,,,https://e.org,extends:b\n", header=header)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith("events.csv:2:11: related event 'b' does not exist in this file")


def test_serve_help_lists_the_story_option():
    assert "--story" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_serve_with_an_invalid_tour_names_the_tour(valid_csv, tmp_path):
    story = tmp_path / "tour.csv"
    story.write_text("title,text,view\nT,,x=1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--events", str(valid_csv), "--story", str(story)])
    assert result.exit_code == 1
    assert "Cannot start: tour.csv is not a valid guided-tour file." in result.stderr
    assert "tour.csv:2:2: 'text' is empty" in result.stderr


def test_export_counts_days_from_an_anchor(tmp_path):
    from .conftest import DATA

    out = tmp_path / "days.json"
    result = export("--out", str(out), "--events", str(DATA / "related.csv"), "--company", "IBM",
                    "--anchor", "floyd-killed")
    assert result.exit_code == 0, result.output
    assert pio.from_json(out.read_text()).layout.xaxis.type == "linear"
    url = export("--out", str(tmp_path / "u.json"), "--events", str(DATA / "related.csv"),
                 "--url", "http://app.example/?company=IBM&anchor=floyd-killed")
    assert url.exit_code == 0
    assert pio.from_json((tmp_path / "u.json").read_text()).layout.xaxis.type == "linear"


def test_export_a_tour_step(tmp_path):
    from .conftest import DATA

    out = tmp_path / "step.html"
    result = export("--out", str(out), "--events", str(DATA / "related.csv"),
                    "--story", str(DATA / "story.csv"), "--step", "2", "--base-url", "http://app.example/")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Wrote {out} (5 events)."
    html = out.read_text()
    assert '<h1 class="frt-title">Big tech and facial recognition: The week</h1>' in html
    assert 'href="http://app.example/?step=2"' in html


@pytest.mark.parametrize("args, message", [
    (["--step", "7"], "There is no step 7: the tour has 3 steps. Nothing was written."),
    (["--step", "1", "--company", "IBM"], "give --step (and --event) without other view options"),
    (["--anchor", "nobody"], "There is no event with id 'nobody' to count days from"),
])
def test_export_refuses_unknown_steps_and_anchors(tmp_path, args, message):
    from .conftest import DATA

    out = tmp_path / "v.json"
    result = export("--out", str(out), "--events", str(DATA / "related.csv"),
                    "--story", str(DATA / "story.csv"), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not out.exists()


def test_export_of_own_events_has_no_tour(valid_csv, tmp_path, monkeypatch):
    monkeypatch.delenv("FRT_STORY", raising=False)
    result = export("--out", str(tmp_path / "v.json"), "--events", str(valid_csv), "--step", "1")
    assert result.exit_code == 2 and "There is no guided tour for this data." in result.stderr


def test_validate_context_says_how_it_reads_the_file_and_never_sums_ids(valid_csv):
    result = CliRunner().invoke(main, ["validate", "--context", str(valid_csv.parent / "context_ids.csv")])
    assert result.exit_code == 0
    assert "context_ids.csv: counting rows per day of 'EVENT_DATE'" in result.stderr
    assert "'ID' is named like an identifier" in result.stderr
    counted = CliRunner().invoke(main, ["validate", "--context", str(valid_csv.parent / "context_counts.csv"),
                                       "--context-count"])
    assert "counting rows per day of 'day'" in counted.stdout
    refused = CliRunner().invoke(main, ["validate", "--context", str(valid_csv.parent / "context_ids.csv"),
                                        "--context-value", "ID"])
    assert refused.exit_code == 1 and "or --context-count" in refused.stdout


def test_validate_an_events_file_given_a_context_series_says_use_context(valid_csv):
    result = CliRunner().invoke(main, ["validate", str(valid_csv.parent / "context_daily.csv")])
    assert result.exit_code == 1
    assert "this looks like a context series" in result.stderr and "--context" in result.stdout


def test_validate_states_the_day_order(valid_csv):
    path = str(valid_csv.parent / "ambiguous_dates.csv")
    assert CliRunner().invoke(main, ["validate", path]).exit_code == 1
    assert CliRunner().invoke(main, ["validate", path, "--dayfirst"]).exit_code == 0
    monthfirst = CliRunner().invoke(main, ["validate", path, "--monthfirst"])
    assert monthfirst.exit_code == 1 and "'25/05/2020' is not a date read month first" in monthfirst.stdout


def test_validate_lists_at_most_ten_problems_of_a_kind_unless_asked(write_csv):
    path = write_csv("".join(f"e{n},2020,,T,D,nope,IBM,,,https://e.org\n" for n in range(25)))
    short = CliRunner().invoke(main, ["validate", str(path)])
    assert len(short.stdout.splitlines()) == 10
    assert "== unknown category (25)" in short.stderr and "... and 15 more of this kind" in short.stderr
    assert len(CliRunner().invoke(main, ["validate", str(path), "--all"]).stdout.splitlines()) == 25


def test_convert_a_view_writes_a_self_contained_file_that_converts_again(valid_csv, tmp_path):
    runner = CliRunner()
    view = tmp_path / "view.csv"
    first = runner.invoke(main, ["convert", str(valid_csv.parent / "related.csv"), "--to", "events", "--out",
                                 str(view), "--company", "IBM", "--no-context", "--start", "2020-06-01"])
    assert first.exit_code == 0, first.output
    assert "note: the view holds" in first.stderr and "outside the view left out" in first.stderr
    again = runner.invoke(main, ["convert", str(view), "--to", "timelinejs-json", "--out", "-"])
    assert again.exit_code == 0, again.output
    unknown = runner.invoke(main, ["convert", str(view), "--to", "events", "--out", "-",
                                   "--company", "Initech"])
    assert unknown.exit_code == 2 and "Ignored unknown company 'Initech'" in unknown.output
