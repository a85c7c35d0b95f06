"""Data versions: which version of the data a response comes from, and an explicit, atomic reload.

A process serves one version of the data, built once (`create_app`). The version (a digest of the files
shown, `cache.data_version`) is in `/api`'s meta, in an `X-Data-Version` header on every response and in
the ETag of the page and `/api`, so a reader or a monitor can tell when two workers answer from different
versions during a reload.

`Reloadable` is the WSGI app gunicorn serves (`dashboard.app:server`). Under gunicorn with `--preload`
(gunicorn.conf.py), the master builds it once and the workers fork from it: a worker that restarts never
reads the files again, so a broken file cannot stop it from booting, nor the master with it. `kill -HUP
<master>` calls `reload()` in the master (gunicorn.conf.py's `on_reload`): the new files are read and
checked first; when they are valid the new app replaces the old one and gunicorn forks new workers from it,
and when they are not, the old app stays, with one log line naming the first problem.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Response, request

from dashboard.data.errors import DataError

VERSION_KEY = "frt_data_version"  # a Flask config key (not an environment variable)
VERSION_HEADER = "X-Data-Version"
ETAG_PATHS = ("/", "/_dash-layout", "/_dash-dependencies")
ETAG_PREFIXES = ("/api/",)


def version_of(server: Flask) -> str:
    return str(server.config.get(VERSION_KEY, ""))


def install(server: Flask, version: str) -> None:
    """Name the data version on every response; give the page and `/api` an ETag that starts with it,
    and answer a matching If-None-Match with 304."""
    server.config[VERSION_KEY] = version

    @server.after_request
    def name_version(response: Response) -> Response:
        response.headers[VERSION_HEADER] = version
        if (request.method == "GET" and response.status_code == 200 and not response.is_streamed
                and "ETag" not in response.headers
                and (request.path in ETAG_PATHS or request.path.startswith(ETAG_PREFIXES))):
            body = response.get_data()
            response.set_etag(f"{version}-{hashlib.sha256(body).hexdigest()[:16]}")
            response.make_conditional(request)
        return response


def first_problem(exc: DataError) -> str:
    problems = list(exc.problems)
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (str(problems[0]) if problems else "invalid data") + more


class Reloadable:
    """A WSGI app serving the current build of the Flask app; `reload()` swaps in a new build atomically
    (a request is served entirely by the old build or entirely by the new one).

    Other attributes (`test_client`, `config`...) are the current Flask app's.
    """

    def __init__(self, build: Callable[[], Flask]) -> None:
        self._build = build
        self.current = build()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        return self.current(environ, start_response)

    def __getattr__(self, name: str) -> Any:
        if name == "current":
            raise AttributeError(name)
        return getattr(self.current, name)

    @property
    def version(self) -> str:
        return version_of(self.current)

    def reload(self) -> tuple[str, str]:
        """Read and check the files again; swap them in when valid and new.

        Returns: 'reloaded', 'unchanged' or 'refused', and one line for the log.
        """
        old = self.version
        try:
            new = self._build()
        except DataError as exc:
            return "refused", (f"frt-timeline: reload refused, still serving data version {old}: "
                               f"{first_problem(exc)}")
        except (ValueError, OSError) as exc:
            return "refused", f"frt-timeline: reload refused, still serving data version {old}: {exc}"
        if version_of(new) == old:
            return "unchanged", f"frt-timeline: reload: the data is unchanged (version {old})"
        self.current = new
        return "reloaded", f"frt-timeline: reloaded: data version {old} -> {version_of(new)}"
