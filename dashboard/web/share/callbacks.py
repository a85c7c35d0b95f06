"""Wiring of the share panel and the image downloads: URL + embed options -> link, iframe code.

Copying and image downloads happen in the browser (clientside callbacks in assets/share.js). The image's file
name is the graph config's, which callbacks.render sends with the figure (layout.graph_config).
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State

from dashboard.data.safe import is_http_url
from dashboard.figures.chart import chart_height
from dashboard.text.describe import shown_title
from dashboard.view import urlstate
from dashboard.web import ids
from dashboard.web.share import links as share
from dashboard.web.state import shown_for


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
           href: object) -> tuple[str, str, str]:
    """The current view's link and embed code (a tour step's link keeps `step=N`)."""
    shown = shown_for(search).shown
    options, fixed_width = embed_options(width, height, theme, shown_options)
    root = share.root_of(href) if isinstance(href, str) and is_http_url(href) else "/"
    frame = share.frame_height(chart_height(shown, options), options)
    snippet = share.iframe_snippet(root, shown.url_view, options, title=shown_title(shown), width=fixed_width,
                                   height=frame)
    return share.view_url(root, shown.url_view), snippet, share.embed_url(root, shown.url_view, options)


def register(app: Dash) -> None:
    """Wire the share panel and the PNG/SVG buttons to this app instance."""
    app.callback(
        Output(ids.SHARE_LINK, "value"), Output(ids.SHARE_SNIPPET, "value"),
        Output(ids.SHARE_PREVIEW, "href"),
        Input(ids.URL, "search"), Input(ids.SHARE_WIDTH, "value"), Input(ids.SHARE_HEIGHT, "value"),
        Input(ids.SHARE_THEME, "value"), Input(ids.SHARE_OPTIONS, "value"),
        State(ids.URL, "href"),
    )(update)
    app.clientside_callback(
        ClientsideFunction("frt", "copy"),
        Output(ids.SHARE_STATUS, "children"),
        Input(ids.SHARE_COPY_LINK, "n_clicks"), Input(ids.SHARE_COPY_SNIPPET, "n_clicks"),
        State(ids.SHARE_LINK, "value"), State(ids.SHARE_SNIPPET, "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("frt", "downloadImage"),
        Output(ids.DOWNLOAD_STATUS, "children"),
        Input(ids.DOWNLOAD_PNG, "n_clicks"), Input(ids.DOWNLOAD_SVG, "n_clicks"),
        prevent_initial_call=True,
    )
