"""Hostile input in real headless Chromium: the CSP is enforced and the console stays clean on every page, and
a file built from XSS payloads shows every payload as text, in hover labels, the details panel, the table and
notices, without running any of them, with the CSP on and (to test the escaping alone) with it off."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

from dashboard.app import create_app
from dashboard.web import ids
from dashboard.web.layout import APP_TITLE
from tests.browser.conftest import click_row
from tests.conftest import UNSAFE_SOURCES, xss_rows

# Elements a payload could have injected (the page's own "Share & embed" disclosure is a <details>).
INJECTED = ("[onerror],[onload],[onmouseover],[onfocus],[ontoggle],[onbegin],[onstart],[onclick],"
            "a[href^='javascript:' i],iframe,object,embed,marquee,video,math,details:not([data-app]),"
            "meta[http-equiv=refresh i],base,img,form[action],.js-plotly-plot svg a")

# Hover every marker of the plot at arguments[0] through plotly's own hover (it throttles, so wait for each
# label to change); returns [{id, text, tags}].
HOVER_ALL = """
const done = arguments[arguments.length - 1];
const gd = document.querySelector(arguments[0]);
const targets = [];
gd.data.forEach((trace, c) => (trace.customdata || []).forEach((id, p) => {
    if (trace.hovertext) targets.push([c, p, id]);
}));
const out = [];
let previous = null;
const next = (i, started) => {
    if (i === targets.length) return done(out);
    const [c, p, id] = targets[i];
    if (started === undefined) {
        Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}]);
        started = Date.now();
    }
    const label = gd.querySelector('.hoverlayer .hovertext');
    const text = label ? label.textContent : null;
    if (label && text !== previous) {
        previous = text;
        const tags = [...gd.querySelectorAll('.hoverlayer *')].map(e => e.tagName.toLowerCase());
        out.push({id, text, tags: [...new Set(tags)]});
        return requestAnimationFrame(() => next(i + 1));
    }
    if (Date.now() - started > 3000) { out.push({id, text: null, tags: []}); return next(i + 1); }
    requestAnimationFrame(() => next(i, started));
};
next(0);
"""


def without_csp(wsgi):
    """WSGI middleware that drops the Content-Security-Policy header, to test the escaping on its own."""

    def app(environ, start_response):
        def start(status, headers, exc_info=None):
            kept = [(k, v) for k, v in headers if k.lower() != "content-security-policy"]
            return start_response(status, kept, exc_info)

        return wsgi(environ, start)

    return app


def js(dash_duo, script: str, *args):
    return dash_duo.driver.execute_script(script, *args)


def ran(dash_duo) -> list[object]:
    """What a payload would have changed: window.__pwned and the document title."""
    return js(dash_duo, "return [window.__pwned === undefined ? null : window.__pwned, document.title]")


def squash(text: str | None) -> str:
    return "".join((text or "").split())


def delivered_csp(dash_duo) -> str | None:
    return dash_duo.driver.execute_async_script(
        "const done = arguments[0];"
        "fetch(location.href).then(r => done(r.headers.get('content-security-policy')));")


def wait_text(dash_duo, selector: str, expected: str) -> None:
    until(lambda: js(dash_duo, f"const e = document.querySelector({selector!r}); return e && e.textContent")
          == expected, timeout=20, msg=f"{selector} never showed {expected!r}")


def assert_hover_labels_are_text(hovered: list[dict], rows: dict[str, dict[str, str]]) -> None:
    """Every event was hovered, and each label is plain SVG text holding its title and actor."""
    assert {h["id"] for h in hovered} == set(rows)
    for h in hovered:
        assert h["text"] is not None, h["id"]
        assert squash(rows[h["id"]]["title"]) in squash(h["text"]), h
        assert squash(rows[h["id"]]["actor"]) in squash(h["text"]), h
        assert set(h["tags"]) <= {"g", "path", "text", "tspan", "rect"}, h


PAGES = ["/", "/?company=IBM&context=0&event=ibm-exit", "/?q=nothing&start=2020-13-45"]  # others: 404
EMBED_PAGES = ["/embed", "/embed?company=IBM&context=0&event=ibm-exit&theme=dark", "/embed?q=nothing"]


def test_every_page_loads_with_the_csp_enforced_and_a_clean_console(dash_duo, serve, valid_csv):
    serve(create_app(valid_csv), None)
    for page in PAGES:
        dash_duo.driver.get(dash_duo.server_url + page)
        dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "of 7 events", timeout=10)
        policy = delivered_csp(dash_duo)
        assert policy and "script-src 'self' 'sha256-" in policy and "frame-ancestors 'self'" in policy
        assert dash_duo.get_logs() == [], page
    for page in EMBED_PAGES:  # the chart-only page may be framed by other sites; the rest of the policy holds
        dash_duo.driver.get(dash_duo.server_url + page)
        until(lambda: js(dash_duo, "return !!document.querySelector('#frt-chart.frt-ready')"), timeout=30)
        policy = delivered_csp(dash_duo)
        assert policy and "script-src 'self' 'sha256-" in policy and "frame-ancestors *" in policy
        assert dash_duo.get_logs() == [], page
    # Use the page: click a marker, a table row, sort, filter, reset, and export a PNG through plotly.
    dash_duo.driver.get(dash_duo.server_url + "/?company=IBM&context=0")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "2 of 7 events", timeout=10)
    marker = dash_duo.find_element(f"#{ids.GRAPH} .cartesianlayer .scatterlayer .trace:nth-of-type(1) .point")
    ActionChains(dash_duo.driver).move_to_element(marker).pause(0.3).click().perform()
    dash_duo.wait_for_text_to_equal("#details-title", "IBM exits", timeout=10)
    click_row(dash_duo, "study-month")
    dash_duo.wait_for_text_to_equal("#details-title", "A study", timeout=10)
    dash_duo.find_element(".events-table th:nth-child(2) button").click()
    until(lambda: js(dash_duo, "return document.querySelector('.events-table th:nth-child(2)')"
                               ".getAttribute('aria-sort')") == "ascending", timeout=10)
    dash_duo.find_element(f"#{ids.RESET}").click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    png = dash_duo.driver.execute_async_script(
        "const done = arguments[0];"
        "Plotly.toImage(document.querySelector('#timeline .js-plotly-plot'), {format: 'png'})"
        ".then(url => done(url.slice(0, 22)), err => done('error: ' + err));")
    assert png == "data:image/png;base64,"
    assert dash_duo.get_logs() == []


def test_the_csp_blocks_script_the_page_did_not_ship(dash_duo, serve, valid_csv):
    serve(create_app(valid_csv))
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)
    js(dash_duo, """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
                                  e => window.__violations.push(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = 1';
        document.body.append(s);
        const i = document.createElement('img'); i.setAttribute('onerror', 'window.__pwned = 2');
        i.src = 'data:,x'; document.body.append(i);
        setTimeout('window.__pwned = 3', 0);  // string code is eval: refused without 'unsafe-eval'
    """)
    until(lambda: len(js(dash_duo, "return window.__violations")) >= 3, timeout=10)
    assert ran(dash_duo) == [None, APP_TITLE]
    violated = set(js(dash_duo, "return window.__violations"))
    assert violated >= {"script-src-elem", "script-src-attr", "script-src"}
    logs = [entry["message"] for entry in dash_duo.get_logs()]
    assert logs and all("Content Security Policy" in m for m in logs)  # the console shows what was refused


@pytest.mark.parametrize("csp", [True, False], ids=["csp-on", "csp-off"])
def test_xss_payloads_show_as_text_and_never_run(dash_duo, serve, xss_csv, csp):
    rows = {r["id"]: r for r in xss_rows()}
    app = create_app(xss_csv)
    if not csp:
        app.server.wsgi_app = without_csp(app.server.wsgi_app)  # type: ignore[method-assign]
    serve(app)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"{len(rows)} of {len(rows)} events", timeout=30)
    assert (delivered_csp(dash_duo) is not None) == csp
    assert ran(dash_duo) == [None, APP_TITLE]

    # Hover labels: every marker, each label plain text holding its payload. Without the CSP, where only the
    # escaping protects; with it, the same rows' labels are swept in the uploaded-file test below.
    if not csp:
        hovered = dash_duo.driver.execute_async_script(HOVER_ALL, "#timeline .js-plotly-plot")
        assert_hover_labels_are_text(hovered, rows)
        assert ran(dash_duo) == [None, APP_TITLE]

    # Real pointer: hover and click a few markers.
    markers = dash_duo.find_elements(f"#{ids.GRAPH} .cartesianlayer .scatterlayer .trace .point")
    for marker in markers[:3]:
        ActionChains(dash_duo.driver).move_to_element(marker).pause(0.2).click().perform()
        until(lambda: js(dash_duo, "return new URLSearchParams(location.search).get('event')") is not None,
              timeout=10)
        event = js(dash_duo, "return new URLSearchParams(location.search).get('event')")
        wait_text(dash_duo, "#details-title", rows[event]["title"])

    # The table shows every payload as text.
    table = js(dash_duo, """return [...document.querySelectorAll('.events-table tbody tr')].map(r =>
        [r.dataset.event, r.querySelector('.row-button').textContent, r.children[2].textContent])""")
    assert {(i, rows[i]["title"], rows[i]["actor"]) for i, _, _ in table} == {tuple(r) for r in table}
    assert len(table) == len(rows)

    # The details panel: click events in the table, every sixth payload, a different sixth with and without
    # the CSP; every field shows its payload as text, and only the https source is a link. (Every payload's
    # details are checked to be plain text with one https link at request level: tests/test_components.py.)
    for event_id, row in list(rows.items())[(0 if csp else 3)::6]:
        click_row(dash_duo, event_id)
        wait_text(dash_duo, "#details-title", row["title"])
        details = js(dash_duo, """
            const d = document.querySelector('#details');
            return {
                description: d.querySelector('.details-description').textContent,
                fields: [...d.querySelectorAll('dd')].map(e => e.textContent),
                links: [...d.querySelectorAll('.details-sources a')].map(a => a.getAttribute('href')),
                unsafe: [...d.querySelectorAll('.unsafe-source')].map(e => e.textContent),
                row: document.querySelector('.events-table tr.selected .row-button').textContent,
            };""")
        assert details["description"] == row["description"]
        assert row["actor"] in details["fields"] and row["location"] in details["fields"]
        https, unsafe = row["sources"].split(" ")
        assert details["links"] == [https] and details["unsafe"] == [unsafe] and unsafe in UNSAFE_SOURCES
        assert details["row"] == row["title"]
        assert ran(dash_duo) == [None, APP_TITLE]
    assert js(dash_duo, f"return document.querySelectorAll({INJECTED!r}).length") == 0
    assert ran(dash_duo) == [None, APP_TITLE]

    # Notices echo the URL's bad values: as text too.
    bad = {"company": "<img src=x onerror=window.__pwned=1>", "event": "<svg onload=window.__pwned=1>",
           "start": "\"><script>window.__pwned=1</script>"}
    dash_duo.driver.get(dash_duo.server_url + "/?" + urlencode(bad))
    dash_duo.wait_for_contains_text(f"#{ids.NOTICES}", "There is no event with id", timeout=10)
    notices = js(dash_duo, f"return document.querySelector('#{ids.NOTICES}').textContent")
    for value in bad.values():
        assert value in notices
    assert js(dash_duo, f"return document.querySelectorAll({INJECTED!r}).length") == 0
    assert ran(dash_duo) == [None, APP_TITLE]
    assert dash_duo.get_logs() == []


# The chart-only pages: /embed (served with its own CSP) and an exported .html file opened from disk (no CSP
# at all, so only the escaping protects it). Their details panel is drawn by embed.js on plotly_click.
PANEL = """
const gd = document.querySelector('#frt-chart');
const out = {};
for (const id of arguments[0]) {
    gd.emit('plotly_click', {points: [{customdata: id}]});
    const d = document.querySelector('#frt-details');
    out[id] = {
        title: d.querySelector('.frt-details-title').textContent,
        description: d.querySelector('.frt-details-description').textContent,
        fields: [...d.querySelectorAll('dd')].map(e => e.textContent),
        links: [...d.querySelectorAll('.frt-details-sources a')].map(a => a.getAttribute('href')),
        items: [...d.querySelectorAll('.frt-details-sources li')].map(li => li.textContent),
    };
}
return out;
"""


def check_chart_page(dash_duo, rows: dict[str, dict[str, str]]) -> None:
    """Hover every marker and open every event on a chart-only page; nothing runs, everything is text."""
    until(lambda: js(dash_duo, "return !!document.querySelector('#frt-chart.frt-ready')"), timeout=30)
    title = js(dash_duo, "return document.title")
    assert ran(dash_duo) == [None, title]
    assert_hover_labels_are_text(dash_duo.driver.execute_async_script(HOVER_ALL, "#frt-chart"), rows)
    panels = js(dash_duo, PANEL, list(rows))
    for event_id, row in rows.items():
        panel = panels[event_id]
        https, unsafe = row["sources"].split(" ")
        assert panel["title"] == row["title"] and panel["description"] == row["description"]
        assert row["actor"] in panel["fields"] and row["location"] in panel["fields"]
        assert panel["links"] == [https] and panel["items"] == [https, unsafe]
    assert js(dash_duo, f"return document.querySelectorAll({INJECTED!r}).length") == 0
    assert ran(dash_duo) == [None, title]


def test_xss_payloads_on_the_embed_page_show_as_text_and_never_run(dash_duo, serve, xss_csv):
    rows = {r["id"]: r for r in xss_rows()}
    serve(create_app(xss_csv), None)
    dash_duo.driver.get(dash_duo.server_url + "/embed")
    check_chart_page(dash_duo, rows)
    policy = delivered_csp(dash_duo)
    assert policy and "script-src 'self'" in policy and "unsafe-inline'" not in policy.split("style-src")[0]
    bad = {"company": "<img src=x onerror=window.__pwned=1>", "q": "\"><script>window.__pwned=1</script>"}
    dash_duo.driver.get(dash_duo.server_url + "/embed?" + urlencode(bad))
    until(lambda: js(dash_duo, "return !!document.querySelector('#frt-chart.frt-ready')"), timeout=30)
    notices = js(dash_duo, "return [...document.querySelectorAll('.frt-notice')].map(n => n.textContent)")
    assert any(bad["company"] in n for n in notices)
    assert bad["q"] in js(dash_duo, "return document.title")  # the view's title quotes the search, as text
    assert js(dash_duo, f"return document.querySelectorAll({INJECTED!r}).length") == 0
    assert ran(dash_duo)[0] is None
    assert dash_duo.get_logs() == []


def test_xss_payloads_in_an_exported_html_file_show_as_text_and_never_run(dash_duo, xss_csv, tmp_path):
    from dashboard import export
    from dashboard.view.dataset import load_dataset
    from dashboard.view.shown import resolve

    rows = {r["id"]: r for r in xss_rows()}
    out = tmp_path / "timeline.html"
    export.write(export.Export(shown=resolve("", load_dataset(xss_csv)), out=out))
    dash_duo.driver.get(out.as_uri())  # from disk: no server, no CSP; only the escaping protects it
    check_chart_page(dash_duo, rows)
    assert dash_duo.get_logs() == []


# "Use your own data": the payload file uploaded in the browser, a rejected file whose problems quote the
# payloads, and a TimelineJS sheet with payloads in its HTML Headline and Text (read as plain text).
def upload_and_wait(dash_duo, path, expected: str) -> None:
    from tests.browser.test_upload import upload

    upload(dash_duo, ids.UPLOAD_EVENTS, path)
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_RESULT}", expected, timeout=60)


def assert_nothing_ran(dash_duo) -> None:
    assert js(dash_duo, f"return document.querySelectorAll({INJECTED!r}).length") == 0
    assert ran(dash_duo) == [None, APP_TITLE]


def test_xss_payloads_uploaded_in_the_browser_show_as_text_and_never_run(dash_duo, serve, valid_csv, xss_csv):
    rows = {r["id"]: r for r in xss_rows()}
    serve(create_app(valid_csv))
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=30)
    upload_and_wait(dash_duo, xss_csv, "Showing your events from xss.csv")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"{len(rows)} of {len(rows)} events", timeout=30)
    result = js(dash_duo, f"return document.querySelector('#{ids.UPLOAD_RESULT}').textContent")
    for unsafe in UNSAFE_SOURCES:  # each non-http source is reported, quoted as text
        assert unsafe in result
    assert_nothing_ran(dash_duo)
    assert_hover_labels_are_text(
        dash_duo.driver.execute_async_script(HOVER_ALL, "#timeline .js-plotly-plot"), rows)
    for event_id, row in list(rows.items())[::8]:
        click_row(dash_duo, event_id)
        wait_text(dash_duo, "#details-title", row["title"])
        assert js(dash_duo, "return document.querySelector('.details-description').textContent") == (
            row["description"])
    assert_nothing_ran(dash_duo)
    assert dash_duo.get_logs() == []


def test_xss_payloads_in_a_rejected_upload_are_listed_as_text(dash_duo, serve, valid_csv, tmp_path):
    from tests.conftest import write_rows, xss_payloads

    payloads = xss_payloads()[:12]
    path = write_rows(tmp_path / "bad.csv", [  # the payload where the loader quotes the value it refuses
        {"id": f"ev-{n}", "date": "2020-06-08", "title": "T", "description": "D", "category": payload,
         "actor": "IBM", "sources": "https://e.org"} for n, payload in enumerate(payloads)])
    serve(create_app(valid_csv))
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=30)
    upload_and_wait(dash_duo, path, "unknown category")
    errors = js(dash_duo, f"return document.querySelector('#{ids.UPLOAD_RESULT}').textContent")
    for payload in payloads:
        assert payload in errors
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=10)  # the data stays
    assert_nothing_ran(dash_duo)
    assert dash_duo.get_logs() == []


def test_xss_payloads_in_a_timelinejs_upload_become_plain_text_and_never_run(dash_duo, serve, valid_csv,
                                                                             tmp_path):
    import csv

    from dashboard.data.formats.htmltext import html_to_text
    from tests.conftest import xss_payloads

    payloads = xss_payloads()
    path = tmp_path / "timelinejs.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Year", "Month", "Day", "Headline", "Text", "Group"])
        for n, payload in enumerate(payloads):
            writer.writerow([2000 + n, 1 + n % 12, 1 + n % 28, f"Event {n}: {payload}", f"<p>{payload}</p>",
                             payloads[n % 4]])
    serve(create_app(valid_csv))
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", "7 of 7 events", timeout=30)
    upload_and_wait(dash_duo, path, "Showing your events from timelinejs.csv")
    dash_duo.wait_for_contains_text(f"#{ids.COUNT}", f"{len(payloads)} of {len(payloads)} events", timeout=30)
    hovered = dash_duo.driver.execute_async_script(HOVER_ALL, "#timeline .js-plotly-plot")
    headlines = [squash(html_to_text(f"Event {n}: {p}").text) for n, p in enumerate(payloads)]
    assert len(hovered) == len(payloads)
    for h in hovered:  # each label is plain SVG text holding one of the headlines, as plain text
        assert set(h["tags"]) <= {"g", "path", "text", "tspan", "rect"}, h
        assert any(headline in squash(h["text"]) for headline in headlines), h
    lanes = js(dash_duo, f"return [...document.querySelectorAll('#{ids.GRAPH} .ytick text')]"
                         ".map(t => t.textContent)")
    groups = [squash(html_to_text(p).text) for p in payloads[:4]] + ["Events"]  # groups are read as HTML too
    assert lanes and all(any(squash(lane).rstrip("…") in g for g in groups if g) for lane in lanes), lanes
    assert_nothing_ran(dash_duo)
    assert dash_duo.get_logs() == []
