"""Exports of a view without the CLI: the self-contained page, figure JSON, rows, and the image errors."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import plotly.io as pio
import pytest
from plotly.offline import get_plotlyjs_version

from dashboard.data.load import load_events
from dashboard.export import Export, ExportError, format_of, image_bytes, notes, render, static_figure, write
from dashboard.view.dataset import of_frame
from dashboard.view.shown import resolve
from dashboard.view.urlstate import EmbedOptions
from dashboard.web.embed.routes import plotly_js


@pytest.fixture
def events(valid_csv):
    return load_events(valid_csv)


def job(events, out: str, query: str = "company=IBM&context=0", tour=None, **kw) -> Export:
    return Export(shown=resolve(query, of_frame(events), tour), out=Path(out), **kw)


def test_html_is_self_contained_with_title_filters_and_footer(events):
    html = render(job(events, "v.html", root="http://app.example/")).decode()
    assert '<h1 class="frt-title">Big tech and facial recognition: IBM</h1>' in html
    assert "<li>Companies: IBM</li><li>Context lanes: hidden</li>" in html
    assert '<a href="http://app.example/?company=IBM&amp;context=0" target="_blank" rel="noopener">' in html
    assert not re.search(r'<script src=|<link rel="stylesheet"', html)  # everything inline
    assert plotly_js()[:300] in html and len(html) > 1_000_000  # plotly.js itself is in the file


def test_cdn_html_is_small_and_loads_plotly_from_its_cdn(events):
    html = render(job(events, "v.html", cdn=True)).decode()
    assert f'<script src="https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"' in html
    assert len(html) < 200_000


def test_json_is_a_figure_plotly_loads(events):
    fig = pio.from_json(render(job(events, "v.json", height=500)).decode())
    assert fig.layout.height == 500
    ids = {i for trace in fig.data if trace.customdata is not None for i in trace.customdata}
    assert ids == {"ibm-exit", "study-month"}


def test_csv_holds_exactly_the_rows_of_the_view(events):
    rows = list(csv.DictReader(io.StringIO(render(job(events, "v.csv")).decode())))
    assert [r["id"] for r in rows] == ["study-month", "ibm-exit"]


def test_static_figure_has_title_filters_footer_and_size(events):
    fig = static_figure(job(events, "v.png", width=900, height=500, root="http://app.example/"))
    assert (fig.layout.width, fig.layout.height) == (900, 500)
    assert fig.layout.title.text == "Big tech and facial recognition: IBM"
    assert fig.layout.title.subtitle.text == "Companies: IBM · Context lanes: hidden"
    assert fig.layout.annotations[-1].text == ("Source: frt-timeline (http://app.example/?company=IBM&amp;"
                                               "context=0) · Data: latest event 11 June 2020")
    assert not fig.layout.updatemenus


def test_static_figure_keeps_the_title_even_when_embeds_hide_it(events):
    assert static_figure(job(events, "v.png", options=EmbedOptions(title=False))).layout.title.text


def test_unknown_extension_is_refused():
    with pytest.raises(ExportError, match=r"v\.docx: cannot tell the format .* use one of \.html"):
        format_of(Path("v.docx"))


def test_no_browser_is_a_clear_error(events, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # kaleido would look exactly there
    with pytest.raises(ExportError) as info:
        image_bytes(static_figure(job(events, "v.png")), "png", 1)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("PNG, SVG and PDF export need Chrome or Chromium")
    assert "apt-get install chromium" in message


def test_write_replaces_the_file_whole(events, tmp_path):
    out = tmp_path / "sub" / "v.json"
    assert write(job(events, str(out))) == 2
    first = out.read_text()
    write(job(events, str(out), query="company=Amazon"))
    assert out.read_text() != first and json.loads(out.read_text())
    assert [p.name for p in out.parent.iterdir()] == ["v.json"]  # no temporary file left behind


def test_html_without_title_keeps_the_filters(events):
    html = render(job(events, "v.html", options=EmbedOptions(title=False))).decode()
    assert '<h1 class="frt-title">' not in html and "<li>Companies: IBM</li>" in html


def test_exports_count_days_from_the_views_anchor(tmp_path):
    from .conftest import DATA

    linked = load_events(DATA / "related.csv")
    fig = pio.from_json(render(job(linked, "v.json", "company=IBM&anchor=floyd-killed")).decode())
    assert fig.layout.xaxis.type == "linear"
    decisions = next(t for t in fig.data if t.name == "decision")
    assert dict(zip(decisions.customdata, decisions.x, strict=True))["ibm-exit"] == 14
    image = static_figure(job(linked, "v.png", "company=IBM&anchor=floyd-killed"))
    assert image.layout.title.subtitle.text == (
        "Companies: IBM · Days since 25 May 2020: A man is killed by police")


def test_a_tour_step_export_has_its_title_highlights_and_link(tmp_path):
    from dashboard.view.story import check_story_text

    from .conftest import DATA

    linked = load_events(DATA / "related.csv")
    tour, problems = check_story_text(
        "title,text,view,highlight\nThe study,A text.,start=2018-01-01&end=2018-12-31,study-month\n", linked)
    assert tour is not None, problems
    html = render(job(linked, "v.html", "step=1", tour, root="http://app.example/")).decode()
    assert '<h1 class="frt-title">Big tech and facial recognition: The study</h1>' in html
    assert '<a href="http://app.example/?step=1" target="_blank" rel="noopener">' in html
    fig = static_figure(job(linked, "v.png", "step=1", tour))
    assert fig.layout.title.text == "Big tech and facial recognition: The study"
    assert [t for t in fig.data if t.name == "highlighted"][0].customdata == ("study-month", "study-month")


def test_csv_of_a_view_leaves_out_links_to_events_outside_it_and_says_so(tmp_path):
    from .conftest import DATA

    linked = load_events(DATA / "related.csv")
    view = job(linked, "v.csv", "start=2021-01-01")  # city-unban reverses and follows up the 2019 city-ban
    rows = list(csv.DictReader(io.StringIO(render(view).decode())))
    assert [(r["id"], r["related"]) for r in rows] == [
        ("amazon-pause", ""), ("amazon-extends", "extends:amazon-pause"), ("city-unban", "")]  # kept within
    assert notes(view) == ["2 links to events outside the view left out: the file is self-contained"]
    inside = job(linked, "v.csv", "company=Amazon&context=0")
    assert notes(inside) == [] and "extends:amazon-pause" in render(inside).decode()
    assert notes(job(linked, "v.json", "start=2021-01-01")) == []  # a figure has no related column


def test_an_exported_view_of_the_bundled_data_converts_cleanly(bundled_csv, tmp_path):
    from click.testing import CliRunner

    from dashboard.cli import main

    out = tmp_path / "view.csv"
    exported = CliRunner().invoke(main, ["export", "--out", str(out), "--events", str(bundled_csv),
                                         "--company", "IBM"])
    assert exported.exit_code == 0, exported.output
    assert "links to events outside the view left out" in exported.output
    converted = CliRunner().invoke(main, ["convert", str(out), "--to", "timelinejs-json", "--out", "-"])
    assert converted.exit_code == 0, converted.output
    assert len(json.loads(converted.stdout)["events"]) == len(list(csv.DictReader(io.StringIO(
        out.read_text(encoding="utf-8")))))


def test_csv_of_a_view_keeps_the_group_column_of_data_that_has_one():
    from .conftest import DATA

    text = render(job(load_events(DATA / "groups.csv"), "v.csv", "")).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["id"]: r["group"] for r in rows} == {
        "study": "", "ban": "Cities", "exit": "", "pause": "Pauses"}
