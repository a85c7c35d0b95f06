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
from .context import ENV_VAR as CONTEXT_ENV_VAR
from .context import load_context
from .data import bundled_path, default_events_path, read_report
from .downloads import register_downloads
from .errors import DataError
from .layout import APP_TITLE, INDEX_STRING, page
from .session import Dataset
from .upload_callbacks import register_upload_callbacks


def assets_path() -> Path:
    return bundled_path("assets")


def create_app(
    events_path: str | os.PathLike[str] | None = None,
    context_path: str | os.PathLike[str] | None = None,
    *,
    context_date: str | None = None,
    context_value: str | None = None,
) -> Dash:
    """Build the Dash app for one events file (default: `FRT_EVENTS` or the bundled `events.csv`).

    Args:
        events_path: this project's events CSV, a TimelineJS sheet (CSV) or a TimelineJS JSON file.
        context_path: a context series CSV drawn under the lanes (default: `FRT_CONTEXT`, else none);
            `context_date` and `context_value` name its columns when they cannot be detected.

    Raises:
        DataError: when a file is missing or invalid, listing every problem with its location.

    Example:
        >>> app = create_app("events.csv", "protests.csv")
        >>> app.run(port=8050)
    """
    path = Path(events_path) if events_path is not None else default_events_path()
    report = read_report(path)
    if report.errors or report.events is None:
        raise DataError(report.errors)
    events = report.events
    events.attrs["warnings"] = [str(w) for w in report.warnings]
    bundled = Dataset.build(events, path.name, format=report.format, title=report.title,
                            subtitle=report.subtitle, eras=report.eras)
    if context_path is None and os.environ.get(CONTEXT_ENV_VAR):
        context_path = os.environ[CONTEXT_ENV_VAR]
    context = None
    if context_path is not None:
        context = load_context(context_path, date_column=context_date or os.environ.get("FRT_CONTEXT_DATE"),
                               value_column=context_value or os.environ.get("FRT_CONTEXT_VALUE"))
    app = Dash(
        __name__,
        title=APP_TITLE,
        assets_folder=str(assets_path()),
        serve_locally=True,
        update_title=None,
    )
    app.index_string = INDEX_STRING
    app.layout = page(events, path.name)
    register_callbacks(app, bundled, context=context)
    register_upload_callbacks(app, bundled, context=context)
    register_api(app.server, events, source_name=path.name)
    register_downloads(app.server)
    security.install(app)  # last: the CSP hashes Dash's inline scripts as they now are
    return app


def __getattr__(name: str) -> Any:
    """`server` is built on first access (gunicorn's `dashboard.app:server`), not at import time."""
    if name == "server":
        server = create_app().server
        globals()["server"] = server
        return server
    raise AttributeError(name)
