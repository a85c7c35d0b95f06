"""What one app serves (its dataset, tour, context series and figure cache), kept on the Flask app, and the
one call every callback and route makes to know what a request shows: `shown_for`.

Keeping this on `current_app` lets callbacks be plain module-level functions (dash.py's own advice for app
factories), testable by posting Dash's callback JSON through Flask's test client.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from flask import Flask, current_app

from dashboard.data.context import Series, series_from_dict
from dashboard.view import story
from dashboard.view.dataset import Dataset
from dashboard.view.dataset import resolve as session_dataset
from dashboard.view.shown import Shown, resolve
from dashboard.web.cache import FigureCache

EXTENSION = "frt-timeline"


@dataclass(frozen=True, eq=False)
class Served:
    """The app's own data: the served events (with settings and index), its tour, the context series drawn
    under the lanes, and the figure cache."""

    dataset: Dataset
    tour: story.Story | None
    context: Series | None
    cache: FigureCache


def install(server: Flask, served: Served) -> None:
    server.extensions[EXTENSION] = served


def current() -> Served:
    served: Served = current_app.extensions[EXTENSION]
    return served


def text(value: object) -> str | None:
    """A callback argument that must be a string (any JSON may arrive from a browser)."""
    return value if isinstance(value, str) else None


@dataclass(frozen=True, eq=False)
class Tab:
    """What one browser tab shows: the resolved view and the context series drawn under it."""

    shown: Shown
    context: Series | None
    own_context: bool  # the series is the tab's upload


def shown_for(search: object, user_data: object = None, user_context: object = None,
              theme: object = None) -> Tab:
    """The tab's view: its upload (when its session store holds one) or the served data, resolved once
    from the URL's query (`view.shown.resolve`). A store that cannot be read again falls back to the served
    data with a notice."""
    served = current()
    dataset, store_notices = session_dataset(served.dataset, user_data)
    shown = resolve(text(search), dataset, served.tour, theme=theme)
    if store_notices:
        shown = _with_notices(shown, store_notices)
    own = series_from_dict(user_context) if user_context else None
    return Tab(shown, own or served.context, own is not None)


def _with_notices(shown: Shown, first: list[str]) -> Shown:
    return replace(shown, notices=(*first, *shown.notices))


def request_shown(args: Any) -> Shown:
    """A route's view of the served data (`/api`, `/embed`, `/oembed`): the request's query, resolved."""
    served = current()
    return resolve(args, served.dataset, served.tour)
