"""What a filter change asks the server for, and in which order (web/callbacks.py, register): the chart's
request leaves first, and what only describes the view (the share panel, the citation, the live region)
is asked for once the chart has its answer. A page load asks for the chart once, with the page's theme."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from dashboard.app import create_app
from dashboard.figures.theme import THEMES
from dashboard.web import ids

from .conftest import cdp, emulate_media

# Before any page script: every callback request and answer, in order, named by the first output it asks for.
REQUESTS = """
(function () {
  var log = window.__requests = [];
  var fetch = window.fetch;
  window.fetch = function (url, options) {
    var name = null;
    try { name = JSON.parse(options.body).output.replace(/^\\.\\./, '').split('.')[0]; } catch (e) {}
    var body = null;
    try { body = JSON.parse(options.body); } catch (e) {}
    if (name) { log.push({what: 'send', name: name, body: body}); }
    return fetch.apply(this, arguments).then(function (response) {
      if (name) { log.push({what: 'answer', name: name}); }
      return response;
    });
  };
})();
"""


@pytest.fixture
def bundled_app(bundled_csv):
    return create_app(bundled_csv)


def _log(duo) -> list[dict]:
    return duo.driver.execute_script("return window.__requests")


def _at(log: list[dict], what: str, name: str) -> int:
    return next(i for i, entry in enumerate(log) if entry["what"] == what and entry["name"] == name)


def test_a_filter_change_asks_for_the_chart_first_and_the_rest_after_its_answer(dash_duo, serve, bundled_app):
    duo = serve(bundled_app, None)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": REQUESTS})
    duo.driver.get(duo.server_url + "/")
    duo.wait_for_element(f"#{ids.TABLE} tr", timeout=30)
    until(lambda: duo._wait_for_callbacks(), timeout=30)
    duo.driver.execute_script("window.__requests.length = 0")

    duo.find_element(f"#{ids.CATEGORIES} input[value='decision']").click()
    until(lambda: "live-region" in {e["name"] for e in _log(duo) if e["what"] == "answer"}, timeout=20)
    log = _log(duo)
    sent = [e["name"] for e in log if e["what"] == "send"]
    # the controls' request (the new URL), then the chart's before any other the URL change makes (but the
    # controls' own, which has nothing to do when the URL is the one they asked for)
    assert sent[0] == ids.URL_REQUEST, sent
    assert [name for name in sent[1:] if name != ids.URL_REQUEST][0] == ids.GRAPH, sent
    chart_answered = _at(log, "answer", ids.GRAPH)
    for follower in (ids.SHARE_LINK, ids.TIME_NOTE, ids.LIVE):
        assert _at(log, "send", follower) > chart_answered, (follower, sent)
    # and they still follow the view: the live region says the new count, the share link has the filter
    until(lambda: "Showing" in duo.find_element(f"#{ids.LIVE}").get_attribute("textContent"), timeout=10)
    until(lambda: "category=" in duo.find_element(f"#{ids.SHARE_LINK}").get_attribute("value"), timeout=10)
    names = duo.driver.execute_script(f"return document.querySelector('#{ids.GRAPH} .js-plotly-plot')"
                                      ".data.map(t => t.name)")
    assert "decision" not in names and "protest" in names
    assert duo.get_logs() == []


def test_a_filter_change_redraws_the_chart_in_place(dash_duo, serve, bundled_app):
    """Plotly.react updates the drawing the page loaded with: were the graph's config to change with the
    view, plotly.js would throw the drawing away and plot the chart anew, twice as slow. Plotting anew
    builds a new toolbar (modebar); drawing in place keeps the one it has."""
    duo = serve(bundled_app, None)
    duo.driver.get(duo.server_url + "/")
    duo.wait_for_element(f"#{ids.TABLE} tr", timeout=30)
    until(lambda: duo._wait_for_callbacks(), timeout=30)
    duo.driver.execute_script(f"window.__toolbar = document.querySelector('#{ids.GRAPH} .modebar-container')")
    for value in ("decision", "legal"):
        duo.find_element(f"#{ids.CATEGORIES} input[value='{value}']").click()
        until(lambda v=value: v not in duo.driver.execute_script(
            f"return document.querySelector('#{ids.GRAPH} .js-plotly-plot').data.map(t => t.name)"),
            timeout=20)
    until(lambda: duo._wait_for_callbacks(), timeout=30)
    assert "category=" in duo.driver.current_url
    assert duo.driver.execute_script(
        f"return window.__toolbar === document.querySelector('#{ids.GRAPH} .modebar-container')"
        " && window.__toolbar.isConnected")
    assert duo.get_logs() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_load_asks_for_the_chart_once_with_the_pages_theme(dash_duo, serve, bundled_app, scheme):
    """The theme store holds the theme the page was painted in before Dash's first request (predraw.js seeds
    it): were it set afterwards, the chart would be asked for, and drawn, a second time."""
    duo = serve(bundled_app, None)
    emulate_media(duo, prefers_color_scheme=scheme)
    cdp(duo, "Page.addScriptToEvaluateOnNewDocument", {"source": REQUESTS})
    duo.driver.get(duo.server_url + "/")
    duo.wait_for_element(f"#{ids.TABLE} tr", timeout=30)
    until(lambda: duo._wait_for_callbacks(), timeout=30)
    charts = [e["body"] for e in _log(duo) if e["what"] == "send" and e["name"] == ids.GRAPH]
    assert len(charts) == 1, len(charts)
    theme = next(i["value"] for i in charts[0]["inputs"] if i["id"] == ids.THEME)
    assert theme == scheme == duo.driver.execute_script("return document.documentElement.dataset.theme")
    paper = duo.driver.execute_script(
        f"return document.querySelector('#{ids.GRAPH} .js-plotly-plot')._fullLayout.paper_bgcolor")
    assert paper == THEMES[scheme]["paper"]  # the chart drawn is the theme's
    assert duo.get_logs() == []
