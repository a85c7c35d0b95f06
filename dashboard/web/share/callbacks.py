"""Wiring of the share panel and the image downloads: URL + embed options -> link, iframe code.

Copying and image downloads happen in the browser (clientside callbacks in assets/share.js). The image's file
name is the graph config's, which callbacks.render sends with the figure (layout.graph_config).
"""

from __future__ import annotations

import pandas as pd
from dash import ClientsideFunction, Dash, Input, Output, State

from dashboard.data.safe import is_http_url
from dashboard.figures.timeline import embed_height
from dashboard.view import story, urlstate
from dashboard.view.filters import companies_in
from dashboard.web import ids
from dashboard.web.share import links as share


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


def register_share_callbacks(app: Dash, events: pd.DataFrame, tour: story.Story | None = None) -> None:
    """Wire the share panel and the PNG/SVG buttons to this app instance and this data (and its tour)."""
    event_ids = frozenset(events["id"])
    companies = companies_in(events)

    @app.callback(
        Output(ids.SHARE_LINK, "value"), Output(ids.SHARE_SNIPPET, "value"),
        Output(ids.SHARE_PREVIEW, "href"),
        Input(ids.URL, "search"), Input(ids.SHARE_WIDTH, "value"), Input(ids.SHARE_HEIGHT, "value"),
        Input(ids.SHARE_THEME, "value"), Input(ids.SHARE_OPTIONS, "value"),
        State(ids.URL, "href"),
    )
    def update(search, width, height, theme, shown, href):  # type: ignore[no-untyped-def]
        """The current view's link and embed code; the modebar's image is named after the view."""
        # a step's link keeps `step=N` (view); its size and name are the step's (seen)
        view, seen, _ = story.read_view(search if isinstance(search, str) else None, event_ids, tour,
                                        companies=companies)
        options, fixed_width = embed_options(width, height, theme, shown)
        root = share.root_of(href) if isinstance(href, str) and is_http_url(href) else "/"
        frame = share.frame_height(embed_height(events, seen, options))
        snippet = share.iframe_snippet(root, view, options, title=story.view_title(seen, tour),
                                       width=fixed_width, height=frame)
        return share.view_url(root, view), snippet, share.embed_url(root, view, options)

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
