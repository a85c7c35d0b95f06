"""The app factory, `create_app(events_path=None)`, and a lazy module-level `server` for gunicorn.

Importing this module reads no file: `dashboard.app:server` builds the app on first access, from
`FRT_EVENTS` or the bundled `events.csv`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dash import Dash
from flask import request

from . import describe, security, urlstate
from .api import register_api
from .callbacks import register_callbacks
from .data import bundled_path, default_events_path, load_events
from .embed import register_embed
from .figures import protest_band
from .filters import companies_in
from .layout import APP_TITLE, INDEX_STRING, page
from .oembed import discovery_link, register_oembed
from .share_callbacks import register_share_callbacks

FRAME_ANCESTORS_VAR = "FRT_FRAME_ANCESTORS"


def assets_path() -> Path:
    return bundled_path("assets")


class TimelineDash(Dash):
    """Dash whose page head also carries the oEmbed discovery link of the requested view."""

    def interpolate_index(self, metas: Any = "", title: Any = "", css: Any = "", config: Any = "",
                          scripts: Any = "", app_entry: Any = "", favicon: Any = "",
                          renderer: Any = "") -> Any:
        view, _ = urlstate.parse(request.query_string.decode("utf-8", "replace"))
        link = discovery_link(request.url, request.url_root, describe.title(view))
        return super().interpolate_index(metas=metas + link, title=title, css=css, config=config,
                                         scripts=scripts, app_entry=app_entry, favicon=favicon,
                                         renderer=renderer)


def create_app(
    events_path: str | os.PathLike[str] | None = None, *, frame_ancestors: str | None = None
) -> Dash:
    """Build the Dash app for one events file (default: `FRT_EVENTS` or the bundled `events.csv`).

    `frame_ancestors` lists the sites that may frame `/embed` (default: `FRT_FRAME_ANCESTORS`; empty: any).

    Raises:
        DataError: when the file is missing or invalid, listing every problem with its location.
        ValueError: when `frame_ancestors` is not a list of sites.

    Example:
        >>> app = create_app("events.csv")
        >>> app.run(port=8050)
    """
    path = Path(events_path) if events_path is not None else default_events_path()
    ancestors = security.parse_frame_ancestors(
        frame_ancestors if frame_ancestors is not None else os.environ.get(FRAME_ANCESTORS_VAR))
    events = load_events(path)
    app = TimelineDash(
        __name__,
        title=APP_TITLE,
        assets_folder=str(assets_path()),
        serve_locally=True,
        update_title=None,
    )
    app.index_string = INDEX_STRING
    companies = companies_in(events)
    app.layout = page(events, path.name)
    register_callbacks(app, events, band=protest_band(events), company_options=companies)
    register_share_callbacks(app, events)
    register_api(app.server, events, source_name=path.name)
    register_embed(app.server, events)
    register_oembed(app.server, events)
    # Last: the CSP hashes Dash's inline scripts as they now are. /embed (exactly, or below it) may be framed.
    security.install(app, frameable_paths=("/embed",), frame_ancestors=ancestors)
    return app


def __getattr__(name: str) -> Any:
    """`server` is built on first access (gunicorn's `dashboard.app:server`), not at import time."""
    if name == "server":
        server = create_app().server
        globals()["server"] = server
        return server
    raise AttributeError(name)
