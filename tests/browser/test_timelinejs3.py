"""Our TimelineJS export meets TimelineJS itself: `frt-timeline convert --to timelinejs-json` of the bundled
events, loaded into Knight Lab's TimelineJS 3 (npm @knight-lab/timelinejs, served from local files, no CDN) in
headless Chromium. What a reader of the published timeline sees is checked against the events file."""

from __future__ import annotations

import calendar
import json

import pytest
from click.testing import CliRunner
from dash.testing.wait import until

from dashboard.cli import main
from dashboard.data.load import load_events
from dashboard.data.safe import is_http_url
from dashboard.view.bands import protest_band

from .conftest import ROOT

DIST = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
EVENTS = ROOT / "events.csv"

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS 3</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 1200px; height: 700px"></div>
<script>
fetch("timeline.json").then(r => r.json()).then(data => {
  // font: null keeps TimelineJS from loading its web fonts from Google's CDN
  window.tl = new TL.Timeline("timeline-embed", data, {font: null});
  window.tl.on("ready", () => { window.tlReady = true; });
});
</script></body></html>
"""

# What TimelineJS shows, read in one script call: every slide with its date, headline and links; the eras
# on the time axis with their dates as TimelineJS read them; the group names.
SHOWN = """
const parts = d => d && d.data ? [d.data.year, d.data.month, d.data.day].map(Number) : null;
return {
  slides: [...document.querySelectorAll('.tl-slide')].map(s => ({
    id: s.id, title: s.classList.contains('tl-slide-titleslide'),
    headline: (s.querySelector('.tl-headline') || {}).textContent || '',
    date: (s.querySelector('.tl-headline-date') || {}).textContent || '',
    text: (s.querySelector('.tl-text-content') || {}).textContent || '',
    links: [...s.querySelectorAll('.tl-text-content a')].map(a => ({
      href: a.getAttribute('href'), text: a.textContent, made: a.classList.contains('tl-makelink')}))})),
  eras: [...document.querySelectorAll('.tl-timeera')].map(e => e.textContent),
  era_dates: window.tl.config.eras.map(e => [parts(e.start_date), parts(e.end_date)]),
  groups: [...document.querySelectorAll('.tl-timegroup-message')].map(g => g.textContent),
};
"""


def shown_date(value: str) -> str:
    """A date of the events file as TimelineJS 3 shows it in English: 2008, June 2020, June 8, 2020."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{month} {parts[2]}, {parts[0]}"


@pytest.fixture
def timelinejs_page(other_site, tmp_path):
    """The bundled events converted by the CLI, on a local site with TimelineJS 3: the page's URL and the
    JSON written."""
    if not (DIST / "js" / "timeline.js").exists():
        pytest.fail(f"{DIST} is missing: run `npm ci` in the repository root (.ci/run does) to install "
                    "@knight-lab/timelinejs")
    out = tmp_path / "timeline.json"
    result = CliRunner().invoke(main, ["convert", str(EVENTS), "--to", "timelinejs-json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    url = other_site("index.html", PAGE)
    other_site("timeline.json", out.read_text(encoding="utf-8"))
    (tmp_path / "other-site" / "timelinejs").symlink_to(DIST, target_is_directory=True)
    return url, json.loads(out.read_text(encoding="utf-8"))


def test_timelinejs3_shows_every_event_with_its_dates_working_source_links_title_and_protest_era(
        dash_duo, timelinejs_page):
    events = load_events(EVENTS)
    settings = events.attrs["settings"]
    url, written = timelinejs_page
    driver = dash_duo.driver
    driver.get(url)
    until(lambda: driver.execute_script("return window.tlReady === true"), timeout=20)
    shown = driver.execute_script(SHOWN)

    # Slides: a title slide first (the dataset's title and description), then one slide per event.
    slides = shown["slides"]
    assert len(slides) == len(events) + 1
    assert [s["title"] for s in slides] == [True] + [False] * len(events)
    assert slides[0]["headline"] == settings.title and slides[0]["text"] == settings.description
    by_id = {s["id"]: s for s in slides[1:]}
    assert set(by_id) == set(events["id"])

    for row in events.itertuples():
        slide = by_id[row.id]
        assert slide["headline"] == row.title, row.id
        # Dates: the day, month or year as written, and a span as "start — end".
        # An ongoing span ends on its as-of day in TimelineJS, which has no open end.
        end = f"{row.stop:%Y-%m-%d}" if row.end_date == "ongoing" else row.end_date
        expected = shown_date(row.date) + (f" — {shown_date(end)}" if end else "")
        assert slide["date"] == expected, row.id
        # Links: each http(s) source is one link to exactly that address, named by its site; TimelineJS
        # made no link of its own (its autolink cuts an address at "(" and shortens the text with "…").
        sources = [u for u in row.source_list if is_http_url(u)]
        assert [a["href"] for a in slide["links"]] == sources, row.id
        assert not any(a["made"] or "…" in a["text"] or "://" in a["text"] for a in slide["links"]), row.id

    # Eras: the protest band the app shades, with its label and its days.
    band = protest_band(events, settings.band_event)
    assert band is not None
    assert shown["eras"] == [band.label]
    stop = band.stop
    assert shown["era_dates"] == [[[band.start.year, band.start.month, band.start.day],
                                   [stop.year, stop.month, stop.day]]]

    # Groups: the lanes written, each named on the time axis.
    assert sorted(shown["groups"]) == sorted({e["group"] for e in written["events"]})
    assert dash_duo.get_logs() == []
