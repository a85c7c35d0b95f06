"""The page's first chart in its HTML: drawn by plotly.js before Dash starts, then taken over by Dash's graph.

The page's HTML carries the figure the render callback would answer for the URL's view (`first_chart`, through
the one view resolution and the one page figure path) and a frame to draw it in. `dashboard/static/predraw.js`
draws it as soon as plotly.js is evaluated, hands Dash's renderer a layout whose graph holds that very figure
and whose figure-key store names it (the renderer's `layout_post` hook), and puts the drawn chart in place of
the graph's own div when the graph mounts. The render callback then answers "no new figure"
(`web.chart.PREDRAWN`): the chart is drawn once, by the pre-draw, and never goes blank.

The header above it is in the HTML too (`header_html`: the layout's own header, written out by
web/statichtml.py, over the place where Dash renders its own): the first thing a reader sees is the title and
the lede, not a blank page while the scripts run. predraw.js removes the copy when Dash's header is in the
page.

A reader whose view the server cannot know (a dark system theme with no theme in the URL, an upload in the
tab's session) is not pre-drawn: the script leaves the frame and Dash draws the chart as before.
"""

from __future__ import annotations

from html import escape
from typing import Any

from dash import Dash
from plotly.io.json import to_json_plotly

from dashboard.text import summary
from dashboard.web import ids
from dashboard.web.chart import PREDRAWN, page_figure
from dashboard.web.embed.page import safe_json_text
from dashboard.web.layout import GRAPH_CONFIG, header
from dashboard.web.serving import DRAW_SCRIPT, LABELS_SCRIPT, PLOTLY_BUNDLE
from dashboard.web.state import current, shown_for
from dashboard.web.statichtml import to_html

SCRIPT = "static/predraw.js"
FIRST = (PLOTLY_BUNDLE.rsplit(".", 2)[0],
         *(script.rsplit(".", 1)[0] for script in (LABELS_SCRIPT, DRAW_SCRIPT, SCRIPT)))
DATA_ID = "frt-first"
FRAME_ID = "frt-predraw"
HEAD_ID = "frt-prehead"
LATER_ID = "frt-dash-scripts"
# Once the page is parsed (plotly.js has drawn the first chart by then), Dash's scripts from their inert
# template (see `first_scripts_first`), in their order; then Dash's renderer with the pre-draw's hooks (none
# when the page was not pre-drawn: Dash's defaults).
RENDERER = (
    "document.addEventListener('DOMContentLoaded', function () {"
    " var start = function () { window.renderer = new DashRenderer("
    "(window.frt && window.frt.predraw && window.frt.predraw.hooks) || undefined); };"
    f" var later = document.getElementById('{LATER_ID}'), last = null;"
    " [].forEach.call(later ? later.content.querySelectorAll('script[src]') : [], function (tag) {"
    " var script = document.createElement('script'); script.src = tag.getAttribute('src');"
    " script.async = false; document.body.appendChild(script); last = script; });"
    " if (last) { last.addEventListener('load', start); } else { start(); } });"
)


def first_chart(query: str) -> dict[str, Any]:
    """What the page's first render would draw for this query, with no upload and the URL's theme (light
    when it names none): the figure, its key (as the render callback seeds it), config, box and theme."""
    tab = shown_for(query)
    figure, key, height = page_figure(tab, None)
    return {
        "seed": PREDRAWN + key,
        "theme": tab.shown.theme,
        "figure": figure,
        "config": GRAPH_CONFIG,
        "style": {"height": f"{height}px"},
        # the count above the chart, as the render callback answers it: on a phone it sits above the chart,
        # and arriving later it would push the chart down
        "count": summary.count_text(tab.shown),
        "ids": {"graph": ids.GRAPH, "figureKey": ids.FIGURE_KEY, "count": ids.COUNT,
                "userData": ids.USER_DATA, "userContext": ids.USER_CONTEXT},
    }


def header_html() -> str:
    """The page's header as HTML, out of the way of the reader and of assistive technology (Dash's own
    header, with the working buttons, replaces it)."""
    served = current()
    return (f'<div id="{HEAD_ID}" class="predraw-head" aria-hidden="true" inert>'
            f'{to_html(header(served.dataset, served.tour))}</div>')


def page_html(query: str) -> str:
    """The header, the frame the first chart is drawn in (the page's own grid, so the chart has its final
    width) and its data, for the page's HTML before Dash's entry point."""
    first = first_chart(query)
    data = safe_json_text(to_json_plotly(first))
    height = escape(first["style"]["height"])
    return (header_html()
            + f'<div id="{FRAME_ID}" class="layout predraw" aria-hidden="true"><div class="side"></div>'
            f'<div class="predraw-chart" style="height: {height}"></div></div>'
            f'<script type="application/json" id="{DATA_ID}">{data}</script>')


def first_scripts_first(scripts: str, first: tuple[str, ...]) -> str:
    """The scripts the pre-draw needs (plotly.js, the label fitting, the first drawing, the pre-draw) first,
    and every other script tag in an inert template that RENDERER loads, in order, once the page is parsed.
    Deferred tags would be fetched and compiled while plotly.js is: on two cores that doubled plotly.js's
    compile time and put the first chart ~0.15 s later, for a renderer that starts no sooner."""
    lines = scripts.split("\n")
    needed = [line for line in lines if any(name in line for name in first)]
    if not any("/predraw." in line for line in needed):
        return scripts
    rest = [line for line in lines if line not in needed]
    # (the closing tag on a line of its own: drop_unused_scripts removes whole lines)
    return "\n".join([*needed, f'<template id="{LATER_ID}">', *rest, "</template>"])


def install(app: Dash) -> None:
    """The pre-draw script after plotly.js, every other script loaded once the page is parsed, and the
    renderer with its hooks."""
    app.scripts.append_script({"relative_package_path": SCRIPT, "namespace": "dashboard"})
    app.renderer = RENDERER
    interpolate = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        kwargs["scripts"] = first_scripts_first(kwargs.get("scripts", ""), FIRST)
        return interpolate(**kwargs)

    app.interpolate_index = interpolate_index  # type: ignore[method-assign, assignment]
