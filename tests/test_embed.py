"""The /embed route through the test client: parameters, footer, the files it loads, framing headers."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.web.embed import routes as embed
from dashboard.web.embed.routes import plotly_path


@pytest.fixture
def client(valid_csv):
    return create_app(valid_csv).server.test_client()


def blocks(html: str) -> dict[str, object]:
    return {k: json.loads(v) for k, v in
            re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)}


def figure_ids(figure: dict) -> set[str]:
    return {i for trace in figure["data"] if trace.get("customdata") for i in trace["customdata"]}


def test_embed_shows_only_the_filtered_events(client):
    response = client.get("/embed?company=IBM&context=0")
    assert response.status_code == 200 and response.mimetype == "text/html"
    data = blocks(response.get_data(as_text=True))
    assert figure_ids(data["frt-figure"]) == {"ibm-exit", "study-month"}
    assert set(data["frt-events"]) == {"ibm-exit", "study-month"}
    # "Open in frt-timeline" opens the app on the embed's whole view, with that event selected.
    assert data["frt-events"]["ibm-exit"]["link"] == "http://localhost/?company=IBM&context=0&event=ibm-exit"


def test_embed_is_the_chart_alone_with_a_footer(client):
    html = client.get("/embed?company=Amazon&start=2020-06-01").get_data(as_text=True)
    assert "<title>Big tech and facial recognition: Amazon · from 1 June 2020</title>" in html
    footer = html.split('<footer class="frt-footer">')[1].split("</footer>")[0]
    assert ">Big tech and facial recognition: Amazon · from 1 June 2020<" in footer
    assert ('<a href="http://localhost/?company=Amazon&amp;start=2020-06-01" target="_blank" rel="noopener">'
            "Source: frt-timeline</a>") in footer
    assert "Data: latest event 11 June 2020" in footer
    for app_only in ("filter-companies", "events-table", "_dash-component-suites", "react"):
        assert app_only not in html  # no filter controls, no table, no Dash renderer


def test_embed_options_shape_the_figure(client):
    html = client.get("/embed?height=333&theme=dark&legend=0&title=0").get_data(as_text=True)
    data = blocks(html)
    layout = data["frt-figure"]["layout"]
    assert layout["height"] == 333
    assert 'class="frt-legend"' not in html and 'class="frt-title"' not in html
    assert '<h1 class="frt-sr-only">Big tech and facial recognition: a timeline</h1>' in html
    assert layout["template"]["layout"]["paper_bgcolor"] == "rgb(17,17,17)"  # plotly_dark
    assert "rangeslider" not in layout["xaxis"]
    assert data["frt-config"]["scrollZoom"] is False  # the host page scrolls, not the chart
    html = client.get("/embed").get_data(as_text=True)
    assert '<h1 class="frt-title">Big tech and facial recognition: a timeline</h1>' in html
    assert '<ul class="frt-legend"' in html and 'data-group="decision"' in html


def test_embed_names_the_modebar_image_after_the_view(client):
    data = blocks(client.get("/embed?company=IBM&category=decision").get_data(as_text=True))
    assert data["frt-config"]["toImageButtonOptions"]["filename"] == "frt-timeline-ibm-decision"


def test_embed_selected_event_opens_its_details(client):
    html = client.get("/embed?event=amazon-pause").get_data(as_text=True)
    assert 'data-selected="amazon-pause"' in html


def test_bad_embed_parameters_show_notices_never_500(client):
    for query in ("height=%00", "theme=<script>", "legend=2", "start=yesterday", "event=../../x",
                  "company=%FF"):
        assert client.get("/embed?" + query).status_code == 200, query
    html = client.get("/embed?theme=%3Cscript%3E&company=Initech").get_data(as_text=True)
    assert "Ignored theme=&#x27;&lt;script&gt;&#x27;: use light or dark." in html
    assert "Ignored unknown company &#x27;Initech&#x27;." in html


def frame_ancestors(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return next(d.strip() for d in policy.split(";") if d.strip().startswith("frame-ancestors"))


def test_embed_may_be_framed_by_any_site_by_default(client):
    for path in ("/embed", "/embed?company=IBM", "/embed/resize.js"):
        response = client.get(path)
        assert "X-Frame-Options" not in response.headers, path
        assert frame_ancestors(response) == "frame-ancestors *", path
    csp = client.get("/embed").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/embed").headers["X-Content-Type-Options"] == "nosniff"


def test_main_page_and_everything_else_may_be_framed_only_by_the_app(client):
    for path in ("/", "/?company=IBM", "/api/events.json", "/oembed?url=http://localhost/", "/embedded",
                 "/embed-like"):
        response = client.get(path)
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN", path
        assert frame_ancestors(response) == "frame-ancestors 'self'", path


def test_frame_ancestors_option_restricts_the_embed(valid_csv, monkeypatch):
    app = create_app(valid_csv, frame_ancestors="https://news.example https://*.blog.example")
    client = app.server.test_client()
    response = client.get("/embed")
    assert frame_ancestors(response) == "frame-ancestors 'self' https://news.example https://*.blog.example"
    assert "X-Frame-Options" not in response.headers
    assert client.get("/").headers["X-Frame-Options"] == "SAMEORIGIN"
    monkeypatch.setenv("FRT_FRAME_ANCESTORS", "none")
    client = create_app(valid_csv).server.test_client()
    assert frame_ancestors(client.get("/embed")) == "frame-ancestors 'none'"


def test_resize_script_is_small_and_served_as_javascript(client):
    response = client.get("/embed/resize.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert len(response.data) < 1024
    assert b"frt-timeline:height" in response.data
    assert "max-age" in response.headers["Cache-Control"]


def test_embed_loads_plotly_from_the_app_gzipped_and_cacheable(client):
    html = client.get("/embed").get_data(as_text=True)
    assert f'<script src="{plotly_path()}"' in html
    loaded = re.findall(r'<script src="([^"]+)"', html)
    loaded += re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(loaded) == 5 and all(url.startswith("/embed/") for url in loaded)  # all from the app itself
    plain = client.get(plotly_path())
    zipped = client.get(plotly_path(), headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert len(zipped.data) < len(plain.data) / 2
    assert "immutable" in zipped.headers["Cache-Control"]
    again = client.get(plotly_path(), headers={"If-None-Match": plain.headers["ETag"]})
    assert again.status_code == 304


def test_unknown_embed_file_is_404(client):
    assert client.get("/embed/embed.py").status_code == 404
    assert client.get("/embed/secret.js").status_code == 404


def test_static_files_ship_in_the_package():
    static = Path(__file__).resolve().parent.parent / "dashboard" / "static"
    assert {p.name for p in static.iterdir()} >= {"embed.js", "embed.css", "resize.js"}


def test_embed_uses_the_apps_plotly_bundle_only_when_its_version_matches(monkeypatch):
    version = embed.get_plotlyjs_version()
    embed._bundle.cache_clear()
    try:
        assert plotly_path() == f"/embed/plotly-{version}-timeline.min.js"
        assert embed.plotly_js().startswith(
            "//# allFunctionsCalledOnLoad\n/**\n* plotly.js (timeline - minified) v" + version)
        embed._bundle.cache_clear()
        monkeypatch.setattr(embed, "get_plotlyjs_version", lambda: "99.0.0")  # plotly.py moved on
        assert plotly_path() == "/embed/plotly-99.0.0.min.js"
        assert embed.plotly_js() == embed.get_plotlyjs()
    finally:
        embed._bundle.cache_clear()


def test_a_trace_type_the_bundle_lacks_gets_the_full_plotly():
    assert embed.bundle_kind({"scatter", "heatmap"}) == "timeline"
    assert embed.bundle_kind({"scatter", "bar"}) == "full"


def test_embed_figure_uses_only_traces_of_the_apps_bundle(client):
    """The app's bundle draws scatter and heatmap traces; the chart must not need more."""
    html = client.get("/embed?event=ibm-exit").get_data(as_text=True)
    assert {t["type"] for t in blocks(html)["frt-figure"]["data"]} <= {"scatter", "heatmap"}


# The story in embeds: days since an anchor, a tour step (title, highlights, link), related connectors.

@pytest.fixture
def story_client():
    from .conftest import DATA

    return create_app(DATA / "related.csv", story_path=DATA / "story.csv").server.test_client()


def test_embed_counts_days_from_the_anchor(story_client):
    html = story_client.get("/embed?company=IBM&anchor=floyd-killed").get_data(as_text=True)
    data = blocks(html)
    layout = data["frt-figure"]["layout"]
    assert layout["xaxis"]["type"] == "linear"
    note = "Days since 25 May 2020: A man is killed by police (dotted line = day 0)"
    assert f'<p class="frt-subtitle">{note}</p>' in html
    decisions = next(t for t in data["frt-figure"]["data"] if t["name"] == "decision")
    assert dict(zip(decisions["customdata"], decisions["x"], strict=True))["ibm-exit"] == 14


def test_embed_of_a_tour_step_is_that_step(story_client):
    html = story_client.get("/embed?step=2").get_data(as_text=True)
    assert "<title>Big tech and facial recognition: The week</title>" in html
    data = blocks(html)
    ring = next(t for t in data["frt-figure"]["data"] if t["name"] == "highlighted")
    assert set(ring["customdata"]) == {"ibm-exit", "amazon-pause", "ms-no-police"}
    assert data["frt-figure"]["layout"]["xaxis"]["type"] == "linear"  # the step counts days
    footer = html.split('<footer class="frt-footer">')[1].split("</footer>")[0]
    assert '<a href="http://localhost/?step=2"' in footer  # back to the step in the full app
    assert set(data["frt-events"]) == {"floyd-killed", "protest-wave", "ibm-exit", "amazon-pause",
                                       "ms-no-police"}


def test_embed_joins_the_selected_event_to_its_related_events(story_client):
    data = blocks(story_client.get("/embed?event=amazon-extends").get_data(as_text=True))
    labels = next(t for t in data["frt-figure"]["data"] if t["name"] == "relation labels")
    assert labels["text"] == ["extends"] and labels["customdata"] == ["amazon-pause"]


def test_embed_of_a_step_that_does_not_exist_says_so(story_client):
    html = story_client.get("/embed?step=9").get_data(as_text=True)
    assert "There is no step 9: the tour has 3 steps." in html


def test_embed_offers_no_third_party_cloud_button(client):
    """Plotly's "Share chart" / "Edit in Chart Studio" button would upload the chart to a third party."""
    config = blocks(client.get("/embed").get_data(as_text=True))["frt-config"]
    assert config.get("showSendToCloud") is False and config.get("showEditInChartStudio") is not True
    assert config.get("showLink") is False
    assert "sendDataToCloud" in config["modeBarButtonsToRemove"]


def test_the_days_note_keeps_the_whole_title_of_day_0(write_csv):
    """The note saying what the days count from wraps under the title: it is never cut to fit."""
    long = "A very long title for the event the days are counted from, longer than any axis would allow"
    path = write_csv(f'a,2020-05-25,,"{long}",D,protest,,,,https://e.org/a\n'
                     "b,2020-06-08,,IBM exits,D,decision,IBM,IBM,,https://e.org/b\n")
    html = create_app(path).server.test_client().get("/embed?anchor=a").get_data(as_text=True)
    assert f'<p class="frt-subtitle">Days since 25 May 2020: {long} (dotted line = day 0)</p>' in html
    figure = blocks(html)["frt-figure"]["layout"]
    assert not figure.get("title", {}).get("text")  # not cut short in the figure either: not there at all
