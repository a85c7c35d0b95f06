"""The app factory, `create_app(events_path=None)`, and a lazy module-level `server` for gunicorn.

Importing this module reads no file: `dashboard.app:server` builds the app on first access, from
`FRT_EVENTS` or the bundled `events.csv`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dash import Dash

from . import security
from .api import register_api
from .callbacks import register_callbacks
from .data import bundled_path, default_events_path, load_events
from .figures import protest_band
from .filters import companies_in
from .layout import APP_TITLE, INDEX_STRING, page


def assets_path() -> Path:
    return bundled_path("assets")


def create_app(events_path: str | os.PathLike[str] | None = None) -> Dash:
    """Build the Dash app for one events file (default: `FRT_EVENTS` or the bundled `events.csv`).

    Raises:
        DataError: when the file is missing or invalid, listing every problem with its location.

    Example:
        >>> app = create_app("events.csv")
        >>> app.run(port=8050)
    """
    path = Path(events_path) if events_path is not None else default_events_path()
    events = load_events(path)
    app = Dash(
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
    register_api(app.server, events, source_name=path.name)
    security.install(app)  # last: the CSP hashes Dash's inline scripts as they now are
    return app


def __getattr__(name: str) -> Any:
    """`server` is built on first access (gunicorn's `dashboard.app:server`), not at import time."""
    if name == "server":
        server = create_app().server
        globals()["server"] = server
        return server
    raise AttributeError(name)
