"""The publication-ready image of a view, as the page's PNG/SVG buttons get it (a callback) and as
`/api/image.json` gives it: the CLI export's figure, of the view on screen (zoom, theme, the tab's upload)."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.data.load import read_report
from dashboard.view import dataset
from dashboard.web import ids
from dashboard.web.image import with_svg_title
from tests.conftest import ROOT
from tests.dash_requests import body, callback_key

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def app():
    return create_app(DATA / "valid.csv")


def annotations(layout: dict) -> list[str]:
    return [a.get("text", "") for a in layout.get("annotations", [])]


def test_the_image_route_gives_the_export_figure_of_the_view(app):
    view = "company=IBM&context=0&zoom=2020-05-01..2020-07-31"
    response = app.server.test_client().get(f"/api/image.json?{view}&theme=dark")
    assert response.status_code == 200
    image = response.get_json()
    layout = image["figure"]["layout"]
    assert layout["title"]["text"] == "Big tech and facial recognition: IBM"
    assert layout["title"]["subtitle"]["text"] == "Companies: IBM · Context lanes: hidden"  # the filter line
    assert any(text.startswith(f"Source: frt-timeline (http://localhost/?{view.replace('&', '&amp;')})")
               for text in annotations(layout))
    assert not layout["xaxis"].get("rangeslider", {}).get("visible")
    assert layout["xaxis"]["range"] == ["2020-05-01", "2020-08-01"]  # the zoom, its last day included
    assert layout["showlegend"] is not False and layout["legend"]["title"]["text"] == "Category"
    assert layout["template"]["layout"]["paper_bgcolor"] == "rgb(17,17,17)"  # the view's theme
    assert (image["filename"], image["width"], image["scale"]) == ("frt-timeline-ibm", 1200, 2)


@pytest.mark.parametrize(("query", "says"), [
    ("width=wide", "width='wide': give a whole number of pixels from 200 to 4000"),
    ("height=99999", "height='99999': give a whole number of pixels"),
    ("company=Nobody", "Ignored unknown company 'Nobody'"),
    ("zoom=2020-07-01..2020-05-01", "the window must end after it starts"),
])
def test_a_view_the_image_cannot_show_as_asked_is_a_400_that_says_why(app, query, says):
    response = app.server.test_client().get(f"/api/image.json?{query}")
    assert response.status_code == 400
    assert says in response.get_data(as_text=True)


def press(app, button: str, values: dict) -> dict:
    key = callback_key(app, f"{ids.DOWNLOAD_IMAGE}.data")
    request = body(app, key, values, changed=[f"{button}.n_clicks"])
    response = app.server.test_client().post("/_dash-update-component", json=request)
    assert response.status_code == 200
    return response.get_json()["response"][ids.DOWNLOAD_IMAGE]["data"]


def test_the_svg_button_gets_the_view_on_screen_in_the_readers_theme(app):
    image = press(app, ids.DOWNLOAD_SVG, {
        "url.search": "?category=decision&zoom=2020-06-01..2020-06-30", f"{ids.THEME}.data": "dark",
        "url.href": "https://example.org/timeline/?category=decision&zoom=2020-06-01..2020-06-30"})
    layout = image["figure"]["layout"]
    assert (image["format"], image["filename"], image["scale"]) == ("svg", "frt-timeline-decision", 1)
    assert image["title"] == layout["title"]["text"] == "Big tech and facial recognition: decision"
    page = "https://example.org/timeline/?category=decision&zoom=2020-06-01..2020-06-30"
    assert f"Source: frt-timeline ({page})" in image["desc"]
    assert layout["xaxis"]["range"] == ["2020-06-01", "2020-07-01"]
    assert layout["template"]["layout"]["paper_bgcolor"] == "rgb(17,17,17)"


def test_the_png_button_draws_the_tabs_own_upload(app):
    store = dataset.to_payload(read_report(DATA / "valid.csv"), "mine.csv")
    store["rows"] = [row for row in store["rows"] if "IBM" in row]
    image = press(app, ids.DOWNLOAD_PNG, {"url.search": "", f"{ids.USER_DATA}.data": store,
                                          "url.href": "http://h/"})
    drawn = {i for trace in image["figure"]["data"] for i in trace.get("customdata") or []
             if isinstance(i, str)}
    assert image["format"] == "png" and drawn and drawn <= {row[0] for row in store["rows"]}


def test_an_svg_names_itself_in_title_and_desc():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2"><rect/></svg>'
    titled = with_svg_title(svg, "IBM & <Amazon>", "A timeline")
    assert titled.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="2">'
                             "<title>IBM &amp; &lt;Amazon&gt;</title><desc>A timeline</desc><rect/>")
    assert with_svg_title(titled, "other", "") == titled


def test_labels_of_an_image_never_run_over_each_other(bundled_csv):
    """In the image of the whole timeline "George Floyd killed" covered "IBM, Amazon, Microsoft step back
    (8–11 June)", two weeks later: nothing redraws an image, so the less important label is left out."""
    from dashboard.data.load import load_events
    from dashboard.view.dataset import of_frame
    from dashboard.view.shown import resolve
    from dashboard.web.image import static_figure

    whole = static_figure(resolve("", of_frame(load_events(bundled_csv))))
    labels = [a.text for a in whole.layout.annotations if a.xref == "x"]
    assert "IBM, Amazon, Microsoft step back (8–11 June)" in labels and "George Floyd killed" not in labels
    june = static_figure(resolve("zoom=2020-05-20..2020-06-30", of_frame(load_events(bundled_csv))))
    labels = [a.text for a in june.layout.annotations if a.xref == "x"]
    assert {"IBM, Amazon, Microsoft step back (8–11 June)", "George Floyd killed"} <= set(labels)
