"""Pure figure builders, tested by reading fig.data and fig.layout (as plotly.py tests plotly express)."""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.data.load import load_events
from dashboard.figures.chart import PAGE, Frame, chart_height, figure, timeline_figure
from dashboard.figures.layout import SLIDER_HEIGHT
from dashboard.figures.timeline import build_figure, protest_band
from dashboard.view.dataset import of_frame
from dashboard.view.shown import resolve
from dashboard.view.urlstate import DEFAULT_OPTIONS, EmbedOptions

from .conftest import DATA


@pytest.fixture
def events(valid_csv):
    return load_events(valid_csv)


def lanes(fig: go.Figure) -> list[str]:
    return list(fig.layout.yaxis.ticktext)


def points(fig: go.Figure) -> dict[str, list[tuple[object, float]]]:
    """event id -> [(x, y), ...] over the marker traces."""
    out: dict[str, list[tuple[object, float]]] = {}
    for trace in fig.data:
        if trace.mode == "markers" and trace.customdata is not None:
            for event_id, x, y in zip(trace.customdata, trace.x, trace.y, strict=True):
                out.setdefault(event_id, []).append((x, y))
    return out


def test_company_lanes_then_context_lanes(events):
    fig = build_figure(events)
    assert lanes(fig) == ["Amazon", "IBM", "Microsoft", "Protests", "Legislation &amp; policy", "Incidents"]


def test_event_about_two_companies_is_drawn_in_each_lane(events):
    fig = build_figure(events)
    ys = sorted(round(y) for _, y in points(fig)["study-month"])
    assert [lanes(fig)[y] for y in ys] == ["IBM", "Microsoft"]


def test_company_filter_draws_only_selected_company_lanes(events):
    fig = timeline_figure(events, company=["IBM"], context=False)
    assert lanes(fig) == ["IBM"]
    assert set(points(fig)) == {"ibm-exit", "study-month"}


def test_markers_differ_by_symbol_and_colour_per_category(events):
    markers = {t.name: t.marker for t in build_figure(events).data
               if t.mode == "markers" and t.name not in ("selected", "overview")}
    assert set(markers) == {"decision", "protest", "legislation", "research", "incident"}
    assert len({m.symbol for m in markers.values()}) == 5
    assert len({m.color for m in markers.values()}) == 5


def test_spans_are_drawn_as_lines_from_date_to_end_date(events):
    fig = build_figure(events)
    decision_spans = next(t for t in fig.data if t.name == "decision span")
    xs = [x for x in decision_spans.x if x is not None]
    assert [str(pd.Timestamp(x).date()) for x in xs] == ["2020-06-10", "2021-06-10"]


def test_protest_band_is_a_shaded_labelled_rectangle(events):
    band = protest_band(events)
    fig = build_figure(events, band=band)
    rect = next(s for s in fig.layout.shapes if s.yref == "paper")
    assert ((str(pd.Timestamp(rect.x0).date()), str(pd.Timestamp(rect.x1).date()))
            == ("2020-05-26", "2020-06-30"))
    assert any(a.text == "Protests: 26 May – 30 June 2020" for a in fig.layout.annotations)


def test_hover_shows_date_at_its_precision(events):
    fig = build_figure(events)
    research = next(t for t in fig.data if t.name == "research")
    assert "February 2018" in research.hovertext[0]
    assert "2018-02-01" not in research.hovertext[0] and "1 February" not in research.hovertext[0]
    decision = next(t for t in fig.data if t.name == "decision")
    text = decision.hovertext[list(decision.customdata).index("ibm-exit")]
    assert text == "<b>IBM exits</b><br>8 June 2020<br>Companies: IBM<br>Actor: IBM<br>Category: decision"


def test_month_precision_point_sits_mid_month_not_on_a_made_up_first_day(events):
    x, _ = points(build_figure(events))["study-month"][0]
    assert str(pd.Timestamp(x).date()) == "2018-02-14"


def test_csv_text_is_escaped_in_hover_and_lanes(write_csv):
    path = write_csv('x,2020,,<b>bold</b> & <script>alert(1)</script>,D,legal,<i>Court</i>,,,https://e.org\n')
    fig = build_figure(load_events(path))
    text = next(t for t in fig.data if t.name == "legal").hovertext[0]
    assert "<script>" not in text and "<i>" not in text
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in text


def test_key_moments_are_the_datasets_and_annotated_when_in_view(bundled_csv, events):
    texts = [a.text for a in timeline_figure(load_events(bundled_csv)).layout.annotations]
    assert "George Floyd killed" in texts
    assert "IBM, Amazon, Microsoft step back (8–11 June)" in texts
    assert "George Floyd killed" not in [a.text for a in timeline_figure(events).layout.annotations]


def test_june_2020_week_is_readable(bundled_csv):
    """IBM, Amazon and Microsoft's decisions sit in three different lanes, so none hides another."""
    events = load_events(bundled_csv)
    fig = timeline_figure(events, start="2020-06-01", end="2020-06-30")
    pts = points(fig)
    ys = {pts[i][0][1] for i in ("ibm-exits-general-purpose-frt", "amazon-rekognition-police-moratorium",
                                "microsoft-no-frt-sales-to-us-police")}
    assert len(ys) == 3
    assert fig.layout.xaxis.range == ("2020-06-01", "2020-07-01")


def test_close_events_in_one_lane_are_stacked(write_csv):
    body = "".join(f"e{n},2020-06-0{n},,T{n},D,protest,P,,,https://e.org\n" for n in range(1, 4))
    ys = sorted(y for pts in points(build_figure(load_events(write_csv(body)))).values() for _, y in pts)
    assert len(set(ys)) == 3


def test_selected_event_gets_a_ring(events):
    fig = build_figure(events, selected="amazon-pause")
    ring = next(t for t in fig.data if t.name == "selected")
    assert ring.marker.symbol == "circle-open"
    assert [str(pd.Timestamp(x).date()) for x in ring.x] == ["2020-06-10"]
    assert not any(t.name == "selected" for t in build_figure(events).data)


def test_preset_buttons_are_the_datasets_and_zoom_without_a_server(bundled_csv, events):
    menu = timeline_figure(load_events(bundled_csv)).layout.updatemenus[0]
    assert [b.label for b in menu.buttons] == ["All", "2020", "Protest weeks: May–July 2020"]
    assert menu.buttons[2].args[0]["xaxis.range"] == ["2020-05-01", "2020-07-31"]
    # A file without settings (an upload, a 1815-1985 timeline) gets "All" only.
    plain = load_events(DATA / "related.csv")
    assert [b.label for b in timeline_figure(plain).layout.updatemenus[0].buttons] == ["All"]


def test_range_slider(events):
    assert build_figure(events).layout.xaxis.rangeslider.visible is True


def slider_px(layout: go.Layout, axis: str = "xaxis") -> float:
    """The range slider's height in px, as plotly.js works it out (rangeslider/helpers.js)."""
    return (layout.height - layout.margin.t - layout.margin.b) * layout[axis].rangeslider.thickness


def test_the_range_slider_keeps_its_size_whatever_the_lanes(bundled_csv):
    """The overview under the chart does not grow or shrink when a filter changes the number of lanes: the
    margin it takes stays the same, and plotly.js draws a change of view once instead of twice."""
    dataset = of_frame(load_events(bundled_csv))
    heights = set()
    for query in ("", "company=IBM", "company=IBM&company=Amazon&company=Microsoft", "category=legal"):
        layout = figure(resolve(query, dataset), PAGE).layout
        heights.add(layout.height)
        assert slider_px(layout) == pytest.approx(SLIDER_HEIGHT, abs=0.01), query
    assert len(heights) > 2  # views of different heights


def test_empty_selection_explains_itself(events):
    fig = timeline_figure(events, q="no such text anywhere")
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text.startswith("No events match these filters")
    assert fig.layout.xaxis.visible is False


def test_dark_theme(events):
    assert build_figure(events, theme_name="dark").layout.template.layout.paper_bgcolor == "rgb(17,17,17)"


OWN_MARKUP = re.compile(r"</?b>|<br>|<extra></extra>")


def all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in all_strings(v)]
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [s for v in items for s in all_strings(v)]
    return []


def test_csv_text_reaches_plotly_only_escaped(xss_csv):
    events = load_events(xss_csv)
    payload = events["title"].iloc[0]
    for fig in (build_figure(events, title=payload), timeline_figure(events, title=payload, event="xss-3")):
        strings = all_strings(fig.to_plotly_json())
        for s in strings:  # hover labels, legend, lane labels, annotations, title: only our own tags
            assert "<" not in OWN_MARKUP.sub("", s), s
    by_id = dict(zip(points_hovertext(fig).keys(), points_hovertext(fig).values(), strict=True))
    for _, row in events.iterrows():  # ... and every payload is there, as text
        shown = html.unescape(OWN_MARKUP.sub(" ", by_id[row["id"]]))
        for value in (row["title"], row["actor"]):
            assert "".join(value.split()) in "".join(shown.split())


def points_hovertext(fig: go.Figure) -> dict[str, str]:
    return {i: h for trace in fig.data if trace.customdata is not None
            for i, h in zip(trace.customdata, trace.hovertext, strict=True)}


def embed(events, query, options=DEFAULT_OPTIONS, surface="embed"):
    shown = resolve(query, of_frame(events))
    return figure(shown, Frame(surface, options, title="Big tech and facial recognition: IBM"))


def test_the_embed_figure_draws_the_view_with_the_embed_options(events):
    options = EmbedOptions(height=350, theme="dark", legend=False)
    fig = embed(events, "company=IBM&context=0&theme=dark", options)
    assert set(points(fig)) == {"ibm-exit", "study-month"}
    assert fig.layout.height == 350 and fig.layout.showlegend is False
    assert fig.layout.title.text == "Big tech and facial recognition: IBM"
    assert fig.layout.template.layout.paper_bgcolor == "rgb(17,17,17)"
    assert not fig.layout.xaxis.rangeslider.visible  # embeds are short: zoom with the buttons or by dragging
    assert embed(events, "company=IBM", EmbedOptions(title=False)).layout.title.text is None


def test_chart_height_predicts_the_figure_height(events):
    for query in ("", "company=IBM&context=0", "q=nothing-matches"):
        shown = resolve(query, of_frame(events))
        assert chart_height(shown) == figure(shown, Frame("embed")).layout.height, query
    assert chart_height(resolve("", of_frame(events)), EmbedOptions(height=480)) == 480


def test_static_figure_opens_on_every_filtered_event(bundled_csv):
    events = load_events(bundled_csv)
    early = events["start"].min()
    clipped = build_figure(events).layout.xaxis.range
    assert pd.Timestamp(clipped[0]) > early  # the app leaves a lone early outlier out of the first view
    static = embed(events, "", surface="static").layout
    assert pd.Timestamp(static.xaxis.range[0]) < early
    assert not static.updatemenus  # no zoom buttons on a still image


def test_subtitle_and_footer_are_escaped_text(events):
    fig = build_figure(events, title="T", subtitle="Search: <b>x</b>", footer="Source: <i>frt</i>")
    assert fig.layout.title.subtitle.text == "Search: &lt;b&gt;x&lt;/b&gt;"
    footer = fig.layout.annotations[-1]
    assert footer.text == "Source: &lt;i&gt;frt&lt;/i&gt;"
    assert footer.yref == "paper" and footer.y == 0 and footer.yshift < 0  # under the plot and the legend
    assert fig.layout.margin.b > build_figure(events, rangeslider=False).layout.margin.b


def test_groups_are_lanes_between_company_and_context_lanes():
    events = load_events(DATA / "groups.csv")
    fig = build_figure(events)
    assert lanes(fig) == ["IBM", "Microsoft", "Cities", "Pauses"]
    pause_y = points(fig)["pause"][0][1]
    assert lanes(fig)[round(pause_y)] == "Pauses"  # its group, not its company (Amazon)


def test_events_without_category_are_drawn_with_a_neutral_marker_and_named_in_the_legend():
    events = load_events(DATA / "timelinejs.csv")
    names = {t.name for t in build_figure(events).data if t.mode == "markers" and t.name != "overview"}
    assert names == {"no category"}


def test_hover_of_an_event_without_actor_or_category_shows_its_group():
    events = load_events(DATA / "timelinejs.csv")
    trace = next(t for t in build_figure(events).data if t.mode == "markers")
    text = trace.hovertext[list(trace.customdata).index("protests-spread")]
    assert text == "<b>Protests spread</b><br>26 May 2020 – 30 June 2020<br>Group: Context"


# Relations, tour highlights and relative time: options of the builders, read from fig.data and fig.layout.

def by_name(fig: go.Figure, name: str):
    return [t for t in fig.data if t.name == name]


@pytest.fixture
def related(related_csv):
    return load_events(related_csv)


@pytest.fixture
def related_csv():
    from .conftest import DATA

    return DATA / "related.csv"


def test_selecting_an_event_draws_its_relations_as_labelled_connectors(related):
    fig = timeline_figure(related, event="amazon-pause")
    [lines] = by_name(fig, "relations")
    [labels] = by_name(fig, "relation labels")
    assert list(labels.text) == ["extends"]
    assert list(labels.customdata) == ["amazon-extends"]  # clicking the label selects the other end
    xs = [pd.Timestamp(x).date().isoformat() if x is not None else None for x in lines.x]
    assert xs[0] == "2021-05-18" and xs[2] == "2020-06-10" and xs[3] is None  # source -> (arch) -> target
    assert list(lines.marker.size) == [0, 0, 13, 0]  # the arrowhead at the target only
    assert "Amazon extends its pause" in labels.hovertext[0] and "Amazon pauses" in labels.hovertext[0]


def test_connectors_go_both_ways_and_only_between_events_in_view(related):
    fig = timeline_figure(related, event="study-month")
    assert list(by_name(fig, "relation labels")[0].customdata) == ["ibm-exit"]
    filtered = timeline_figure(related, event="study-month", end="2019-12-31")
    assert by_name(filtered, "relations") == []
    assert by_name(timeline_figure(related, event="ms-no-police"), "relations") == []
    assert by_name(timeline_figure(related, event="amazon-pause", connect=False), "relations") == []


def test_a_connector_between_lanes_is_straight_and_within_a_lane_arches(related):
    [across] = by_name(timeline_figure(related, event="protest-wave"), "relations")
    assert across.y[1] == (across.y[0] + across.y[2]) / 2
    [within] = by_name(timeline_figure(related, event="amazon-pause"), "relations")
    assert round(within.y[0]) == round(within.y[2])  # one lane (perhaps different sub-rows)
    assert abs(within.y[1] - (within.y[0] + within.y[2]) / 2) == pytest.approx(0.42)


def test_relation_labels_and_titles_are_escaped(write_csv):
    body = ("a,2020,,<i>A</i>,D,research,R,,,https://e.org,\n"
            "b,2021,,B & <b>co</b>,D,research,R,,,https://e.org,cites:a\n")
    events = load_events(write_csv(body, header="id,date,end_date,title,description,category,actor,companies,"
                                   "location,sources,related\n"))
    hover = by_name(timeline_figure(events, event="a"), "relation labels")[0].hovertext[0]
    assert "<i>" not in hover and "&lt;i&gt;A&lt;/i&gt;" in hover and "B &amp; &lt;b&gt;co&lt;/b&gt;" in hover


def test_highlight_rings_the_events_of_a_tour_step(related):
    fig = timeline_figure(related, highlight=["study-month", "ibm-exit"])
    [ring] = by_name(fig, "highlighted")
    assert sorted(ring.customdata) == ["ibm-exit", "study-month", "study-month"]  # study-month is in 2 lanes
    assert ring.hoverinfo == "skip"
    assert by_name(timeline_figure(related), "highlighted") == []


def test_relative_axis_reads_14_16_17_days_after_george_floyds_killing(bundled):
    fig = timeline_figure(bundled, company=["IBM", "Amazon", "Microsoft"], start="2020-05-20",
                          end="2020-06-20", anchor="george-floyd-killed-minneapolis")
    found = points(fig)
    assert found["ibm-exits-general-purpose-frt"][0][0] == 14
    assert found["amazon-rekognition-police-moratorium"][0][0] == 16
    assert found["microsoft-no-frt-sales-to-us-police"][0][0] == 17
    assert found["george-floyd-killed-minneapolis"][0][0] == 0
    assert fig.layout.xaxis.type == "linear" and fig.layout.xaxis.tickformat == "+,d"
    assert list(fig.layout.xaxis.range) == [-5, 27]
    decisions = next(t for t in fig.data if t.name == "decision")
    ibm = list(decisions.customdata).index("ibm-exits-general-purpose-frt")
    assert "8 June 2020 (day +14)" in decisions.hovertext[ibm]


def test_without_an_anchor_the_axis_shows_dates(bundled):
    fig = timeline_figure(bundled, company=["IBM"], anchor=None)
    assert fig.layout.xaxis.type == "date"
    assert timeline_figure(bundled, company=["IBM"], anchor="no-such-event").layout.xaxis.type == "date"


@pytest.fixture(scope="module")
def bundled():
    from .conftest import ROOT

    return load_events(ROOT / "events.csv")


def test_story_options_keep_csv_text_escaped(xss_linked_csv):
    events = load_events(xss_linked_csv)
    fig = timeline_figure(events, event="xss-3", anchor="xss-2", highlight=["xss-1", "xss-4"])
    assert by_name(fig, "relation labels") and by_name(fig, "highlighted")
    assert fig.layout.xaxis.type == "linear"
    for s in all_strings(fig.to_plotly_json()):  # relation hover labels, the days-axis title: escaped
        assert "<" not in OWN_MARKUP.sub("", s), s


def test_dark_and_light_backgrounds_match_the_page(events):
    # The page's CSS paper colours (assets/style.css --paper): the chart sits on the page without a seam.
    assert build_figure(events, theme_name="dark").layout.paper_bgcolor == "#15181c"
    assert build_figure(events, theme_name="light").layout.paper_bgcolor == "#ffffff"
    assert build_figure(events.iloc[:0], theme_name="dark").layout.paper_bgcolor == "#15181c"


def test_no_animated_transitions(events):
    # Nothing moves by itself (prefers-reduced-motion, and calmer for everyone).
    fig = build_figure(events)
    assert fig.layout.transition.duration is None
    assert not fig.frames


def test_legend_sits_under_the_range_slider_at_any_width(events):
    legend = build_figure(events).layout.legend
    assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")


@pytest.mark.parametrize("surface", ["page", "embed", "static"])
def test_an_event_on_the_edge_of_the_window_is_drawn_whole_and_clear_of_the_lane_names(events, surface):
    # The window opens on IBM's exit: its marker is centred on the plot's left edge. Plotly clips a trace at
    # the plot's edges unless told otherwise (half a marker); unclipped, it still hides a marker whose centre
    # is out of range, so a marker is drawn whole or not at all. The lane names stand off by more than half
    # a marker (its outline included), so the half outside the plot never covers one.
    shown = resolve({"zoom": ["2020-06-08..2020-06-30"]}, of_frame(events))
    fig = figure(shown, Frame(surface))
    marks = [t for t in fig.data if t.mode == "markers" and t.legendgroup and t.customdata is not None]
    assert {e for t in marks for e in t.customdata} >= {"ibm-exit", "amazon-pause", "ms-no-police"}
    assert all(t.cliponaxis is False for t in marks), [(t.name, t.cliponaxis) for t in marks]
    outline = max(t.marker.line.width or 0 for t in marks)
    half = max(t.marker.size for t in marks) / 2 + outline
    assert fig.layout.yaxis.ticklabelstandoff >= half + 2, fig.layout.yaxis.ticklabelstandoff
    assert list(fig.layout.xaxis.range)[0][:10] == "2020-06-08"


@pytest.mark.parametrize("surface", ["page", "embed", "static"])
def test_axis_labels_are_never_hidden_as_overflowing(events, surface):
    # The margin grows to fit the lane names (automargin), so no name can run past the chart, and a date at
    # the plot's right end has the margin the chart keeps there. Plotly's default ("hide past div") measures
    # every label again after placing each one (n^2 forced layouts: ~30% of redrawing a 21-lane chart in the
    # page), and hid a last date that fitted ('Jun 21' of the bundled data zoomed to 2020-05-20..2020-06-20).
    fig = figure(resolve({"zoom": ["2020-05-20..2020-06-20"]}, of_frame(events)), Frame(surface))
    assert fig.layout.yaxis.automargin is True
    assert fig.layout.yaxis.ticklabeloverflow == "allow"
    assert fig.layout.xaxis.ticklabeloverflow == "allow"
