"""The app factory, `create_app(events_path=None)`, and a lazy module-level `server` for gunicorn.

Importing this module reads no file: `dashboard.app:server` builds the app on first access, from
`FRT_EVENTS` or the bundled `events.csv`.
"""

from __future__ import annotations

import os
import sys
from html import escape
from pathlib import Path
from typing import Any

from dash import Dash
from flask import request

from dashboard.data.context import ENV_VAR as CONTEXT_ENV_VAR
from dashboard.data.context import load_context
from dashboard.data.errors import DataError
from dashboard.data.load import bundled_path, default_events_path
from dashboard.data.settings import settings_path
from dashboard.text.describe import meta_description, shown_title
from dashboard.view.dataset import load_dataset
from dashboard.view.story import Story, load_story, story_file_for
from dashboard.web import a11y, callbacks, predraw, reloading, responsecache, security, urls
from dashboard.web.api import register_api
from dashboard.web.cache import FigureCache, data_version
from dashboard.web.downloads import register_downloads
from dashboard.web.embed.oembed import discovery_link, register_oembed
from dashboard.web.embed.routes import register_embed
from dashboard.web.image import register_image
from dashboard.web.layout import APP_TITLE, INDEX_STRING, page
from dashboard.web.serving import optimise_delivery
from dashboard.web.share import callbacks as share_callbacks
from dashboard.web.state import Served, install, request_shown
from dashboard.web.tour import callbacks as tour_callbacks
from dashboard.web.upload import callbacks as upload_callbacks

FRAME_ANCESTORS_VAR = "FRT_FRAME_ANCESTORS"


def assets_path() -> Path:
    return bundled_path("assets")


class TimelineDash(Dash):
    """Dash whose page carries the description and oEmbed discovery link of the requested view in its head,
    and the view's first chart before Dash's entry point (web/predraw.py)."""

    def interpolate_index(self, metas: Any = "", title: Any = "", css: Any = "", config: Any = "",
                          scripts: Any = "", app_entry: Any = "", favicon: Any = "",
                          renderer: Any = "") -> Any:
        shown = request_shown(request.query_string.decode("utf-8", "replace"))
        link = discovery_link(urls.here(), urls.root(), shown_title(shown))
        description = f'<meta name="description" content="{escape(meta_description(shown))}">'
        first = predraw.page_html(request.query_string.decode("utf-8", "replace"))
        return super().interpolate_index(metas=metas + description + link, title=title, css=css,
                                         config=config,
                                         scripts=scripts, app_entry=first + app_entry, favicon=favicon,
                                         renderer=renderer)


def create_app(
    events_path: str | os.PathLike[str] | None = None,
    context_path: str | os.PathLike[str] | None = None,
    *,
    context_date: str | None = None,
    context_value: str | None = None,
    story_path: str | os.PathLike[str] | None = None,
    frame_ancestors: str | None = None,
    public_url: str | None = None,
    trusted_hosts: str | None = None,
) -> Dash:
    """Build the Dash app for one events file (default: `FRT_EVENTS` or the bundled `events.csv`, with the
    settings beside it) and its guided tour (default: `FRT_STORY`, or the bundled `story.csv` with the
    bundled events).

    Args:
        events_path: this project's events CSV, a TimelineJS sheet (CSV) or a TimelineJS JSON file.
        context_path: a context series CSV drawn under the lanes (default: `FRT_CONTEXT`, else none);
            `context_date` and `context_value` name its columns when they cannot be detected.
        story_path: the guided tour (default: `FRT_STORY`, or the bundled `story.csv` with the bundled
            events).
        frame_ancestors: the sites that may frame `/embed` (default: `FRT_FRAME_ANCESTORS`; empty: any).
        public_url: the app's public root URL, for the absolute URLs it writes (default: `FRT_PUBLIC_URL`;
            empty: the request's own).
        trusted_hosts: the Host headers to answer, e.g. 'example.org .example.com' (default:
            `FRT_TRUSTED_HOSTS`; empty: any).

    Raises:
        DataError: when a file is missing or invalid, listing every problem with its location.
        ValueError: when `frame_ancestors` is not a list of sites or `public_url` not an http(s) root.

    Example:
        >>> app = create_app("events.csv", "protests.csv")
        >>> app.run(port=8050)
    """
    path = Path(events_path) if events_path is not None else default_events_path()
    ancestors = security.parse_frame_ancestors(
        frame_ancestors if frame_ancestors is not None else os.environ.get(FRAME_ANCESTORS_VAR))
    dataset = load_dataset(path)
    if context_path is None and os.environ.get(CONTEXT_ENV_VAR):
        context_path = os.environ[CONTEXT_ENV_VAR]
    context = None
    if context_path is not None:
        context = load_context(context_path, date_column=context_date or os.environ.get("FRT_CONTEXT_DATE"),
                               value_column=context_value or os.environ.get("FRT_CONTEXT_VALUE"))
    tour_path = story_file_for(path, story_path)
    tour: Story | None = load_story(tour_path, dataset.events) if tour_path is not None else None
    app = TimelineDash(
        __name__,
        title=APP_TITLE,
        assets_folder=str(assets_path()),
        serve_locally=True,
        update_title="",  # no "Updating..." tab title (Dash treats "" like None)
    )
    app.index_string = INDEX_STRING
    urls.configure(app.server.config, public_url, trusted_hosts)
    # every file shown (events, context series, tour) is part of the version that names the cache entries
    settings = settings_path(path)
    data_key = data_version(path, context_path, tour_path, settings if settings.exists() else None)
    reloading.install(app.server, data_key)  # first: its after-request hook sees the final bytes
    cache = FigureCache(app.server, data_key)
    if responsecache.enabled():
        responsecache.install(app.server, cache.cache, cache.prefix)  # before compression: see install()
    optimise_delivery(app)
    predraw.install(app)  # after plotly.js and the label script (optimise_delivery)
    install(app.server, Served(dataset, tour, context, cache))
    app.layout = page(dataset, tour)
    callbacks.register(app)
    tour_callbacks.register(app)
    upload_callbacks.register(app)
    share_callbacks.register(app)
    a11y.register(app)
    register_api(app.server)
    register_downloads(app.server)
    register_image(app.server)
    register_embed(app.server)
    register_oembed(app.server)
    # Last: the CSP hashes Dash's inline scripts as they now are. /embed (exactly, or below it) may be framed.
    security.install(app, frameable_paths=("/embed",), frame_ancestors=ancestors)
    return app


def build_server() -> Any:
    """The Flask server of `create_app()` configured by the environment (FRT_EVENTS, FRT_PUBLIC_URL...)."""
    return create_app().server


def __getattr__(name: str) -> Any:
    """`server` is built on first access (gunicorn's `dashboard.app:server`), not at import time: a WSGI app
    whose data `server.reload()` replaces atomically (gunicorn.conf.py calls it on `kill -HUP`). Invalid
    data at start is one message per problem on standard error and exit status 1, not a traceback."""
    if name == "server":
        try:
            server = reloading.Reloadable(build_server)
        except DataError as exc:
            print(f"frt-timeline: cannot start: {default_events_path()} or a file it names is not valid:",
                  file=sys.stderr)
            for problem in exc.problems:
                print(str(problem), file=sys.stderr)
            raise SystemExit(1) from None
        globals()["server"] = server
        return server
    raise AttributeError(name)
