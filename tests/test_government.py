"""The `government` category (police and government action other than lawmaking): its rows, its lane,
marker and colour legible on both themes, its swatch, its filter and its count in the density lanes and
in docs/data.md."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.data import schema
from dashboard.data.load import load_events
from dashboard.figures import density, theme
from dashboard.figures.timeline import build_figure
from dashboard.view.eventindex import CATEGORY_CODES

from .conftest import ROOT

GOVERNMENT = {
    "orlando-police-rekognition-pilot",
    "met-police-announces-operational-live-facial-recognition",
    "met-police-permanent-lfr-cameras-croydon",
    "minneapolis-officers-fired-floyd",
    "minnesota-national-guard-activated",
    "us-cities-impose-protest-curfews",
    "lafayette-square-cleared",
}
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_events(ROOT / "events.csv")


def test_police_and_government_actions_are_filed_as_government(events):
    assert set(events.loc[events["category"] == "government", "id"]) == GOVERNMENT
    assert schema.CONTEXT_LANES["government"] == "Police & government"


def luminance(hex_color: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme_name", list(theme.THEMES))
@pytest.mark.parametrize("category", list(schema.CATEGORIES))
def test_every_marker_is_legible_on_both_themes(category, theme_name):
    """WCAG 2.1 AA for graphics (1.4.11, 3:1): a marker's fill stands out from the paper, or its outline
    stands out from both the paper and the fill."""
    colors = theme.THEMES[theme_name]
    fill, paper, outline = theme.CATEGORY_STYLE[category]["color"], colors["paper"], colors["outline"]
    assert contrast(fill, paper) >= 3 or (contrast(outline, paper) >= 3 and contrast(outline, fill) >= 3)


def test_each_category_has_an_okabe_ito_colour_a_symbol_of_its_own_and_a_swatch():
    styles = theme.CATEGORY_STYLE
    assert {s["color"].upper() for s in styles.values()} <= OKABE_ITO
    assert len({s["color"] for s in styles.values()}) == len(styles)
    assert len({s["symbol"] for s in styles.values()}) == len(styles)
    css = (ROOT / "assets" / "style.css").read_text(encoding="utf-8")
    for category, style in styles.items():
        assert re.search(rf"\.swatch-{category} {{ background: {style['color']};", css), category


def test_the_chart_draws_government_in_its_lane_with_its_marker(events):
    fig = build_figure(events[events["category"] == "government"], annotate=False)
    trace = next(t for t in fig.data if t.name == "government")
    assert trace.marker.symbol == "star" and trace.marker.color == "#F0E442"
    assert "Police &amp; government" in fig.layout.yaxis.ticktext  # the rows without a company (escaped)
    assert "Amazon" in fig.layout.yaxis.ticktext  # the Orlando pilot is about Amazon


def test_the_filter_and_the_api_know_the_category():
    client = create_app(ROOT / "events.csv").server.test_client()
    data = client.get("/api/events.json?category=government").get_json()
    assert data["meta"]["notices"] == []
    assert {e["id"] for e in data["events"]} == GOVERNMENT
    legislation = client.get("/api/events.json?category=legislation").get_json()["events"]
    assert not GOVERNMENT & {e["id"] for e in legislation}
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert '"value": "government"' in layout or '"value":"government"' in layout  # the checklist option


def test_density_lanes_count_government_events():
    unit = next(u for u in density.UNITS if u.freq == "MS")
    edges = density.bin_edges(pd.Timestamp("2020-05-01").value, pd.Timestamp("2020-06-30").value, unit)
    x = pd.to_datetime(["2020-05-28", "2020-05-29", "2020-06-01"]).as_unit("ns").asi8
    code = CATEGORY_CODES["government"]
    trace = density.density_trace(np.zeros(3, dtype=np.int64), x, np.array([code] * 3, dtype=np.int8),
                                  ["Police & government"], edges, unit)
    assert "2 events: government 2" in trace.text[0][0]


def test_docs_counts_are_the_files(events):
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    assert f"`events.csv` at the repository root is the project's content: {len(events)} dated" in doc
    for category, n in Counter(events["category"]).items():
        assert re.search(rf"^\| `{category}` \| .* \| {n} \|$", doc, re.M), category
    companies = Counter(c for cs in events["company_list"] for c in cs)
    decisions = Counter(c for cs in events.loc[events["category"] == "decision", "company_list"] for c in cs)
    for company, n in companies.items():
        assert f"| {company} | {n} | {decisions.get(company, 0)} |" in doc, company
    years = Counter(events["start"].dt.year)
    line = "Events per year: " + ", ".join(f"{y}: {years[y]}" for y in sorted(years)) + "."
    assert line in " ".join(doc.split())
