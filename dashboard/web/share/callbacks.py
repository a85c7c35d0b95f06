"""Wiring of the share panel and the image downloads: URL + embed options -> link, iframe code; URL + the
tab's data + theme -> the publication-ready image's figure (web/image.py).

Copying happens in the browser (assets/share.js). An image is built here, from the tab's own view (its
upload too), and drawn and saved in the browser with the page's plotly.js (assets/share.js, drawImage).
"""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, ctx

from dashboard.data.safe import is_http_url
from dashboard.figures.chart import chart_height
from dashboard.text.describe import shown_title
from dashboard.view import urlstate
from dashboard.web import ids, image, urls
from dashboard.web.share import links as share
from dashboard.web.state import shown_for, text


def embed_options(width: object, height: object, theme: object,
                  shown: object) -> tuple[urlstate.EmbedOptions, int | None]:
    """The panel's controls -> (EmbedOptions, fixed width or None for 'fit the page'), via urlstate.

    The values come from the browser, so each is checked for its type; a wrong one counts as unset.
    """
    number = height if isinstance(height, (int, float)) and not isinstance(height, bool) else None
    checked = {v for v in shown if isinstance(v, str)} if isinstance(shown, list) else set()
    options, _ = urlstate.parse_embed({
        "height": [str(int(number)) if number and abs(number) < 1e6 else ""],
        "theme": [theme if isinstance(theme, str) else "light"],
        "legend": ["1" if "legend" in checked else "0"],
        "title": ["1" if "title" in checked else "0"],
    })
    fixed = int(width) if isinstance(width, str) and width.isdigit() and int(width) in share.WIDTHS else None
    return options, fixed


def update(search: object, width: object, height: object, theme: object, shown_options: object,
           href: object, _chart: object = None) -> tuple[str, str, str]:
    """The current view's link and embed code (a tour step's link keeps `step=N`)."""
    shown = shown_for(search).shown
    options, fixed_width = embed_options(width, height, theme, shown_options)
    root = share.root_of(href) if isinstance(href, str) and is_http_url(href) else "/"
    frame = share.frame_height(chart_height(shown, options), options)
    snippet = share.iframe_snippet(root, shown.url_view, options, title=shown_title(shown), width=fixed_width,
                                   height=frame)
    return share.view_url(root, shown.url_view), snippet, share.embed_url(root, shown.url_view, options)


def image_figure(_png: object, _svg: object, search: object, user_data: object, theme: object,
                 href: object) -> dict[str, Any]:
    """The image the PNG or SVG button asked for: the tab's view (filters, zoom, tour step, its upload) in
    its theme, framed as the CLI's export frames it, with the page's address in the source line."""
    fmt = "svg" if ctx.triggered_id == ids.DOWNLOAD_SVG else "png"
    shown = shown_for(search, user_data, theme=theme).shown
    address = text(href)
    root = urls.configured() or (share.root_of(address) if address and is_http_url(address) else urls.root())
    return image.payload(shown, root, fmt=fmt)


def register(app: Dash) -> None:
    """Wire the share panel and the PNG/SVG buttons to this app instance."""
    app.callback(
        Output(ids.SHARE_LINK, "value"), Output(ids.SHARE_SNIPPET, "value"),
        Output(ids.SHARE_PREVIEW, "href"),
        State(ids.URL, "search"), Input(ids.SHARE_WIDTH, "value"), Input(ids.SHARE_HEIGHT, "value"),
        Input(ids.SHARE_THEME, "value"), Input(ids.SHARE_OPTIONS, "value"),
        State(ids.URL, "href"),
        Input(ids.FIGURE_KEY, "data"),  # after the chart's answer (web/callbacks.py, register)
    )(update)
    app.clientside_callback(
        ClientsideFunction("frt", "copy"),
        Output(ids.SHARE_STATUS, "children"),
        Input(ids.SHARE_COPY_LINK, "n_clicks"), Input(ids.SHARE_COPY_SNIPPET, "n_clicks"),
        State(ids.SHARE_LINK, "value"), State(ids.SHARE_SNIPPET, "value"),
        prevent_initial_call=True,
    )
    # A press says "Preparing image…" at once; the server builds the figure; the browser draws and saves it.
    app.clientside_callback(
        ClientsideFunction("frt", "preparingImage"),
        Output(ids.DOWNLOAD_STATUS, "children"),
        Input(ids.DOWNLOAD_PNG, "n_clicks"), Input(ids.DOWNLOAD_SVG, "n_clicks"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(ids.DOWNLOAD_IMAGE, "data"),
        Input(ids.DOWNLOAD_PNG, "n_clicks"), Input(ids.DOWNLOAD_SVG, "n_clicks"),
        State(ids.URL, "search"), State(ids.USER_DATA, "data"), State(ids.THEME, "data"),
        State(ids.URL, "href"),
        prevent_initial_call=True,
    )(image_figure)
    app.clientside_callback(
        ClientsideFunction("frt", "downloadImage"),
        Output(ids.DOWNLOAD_STATUS, "children", allow_duplicate=True),
        Input(ids.DOWNLOAD_IMAGE, "data"),
        prevent_initial_call=True,
    )
