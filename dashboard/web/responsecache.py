"""Whole responses of the app's pure endpoints, kept compressed: a repeated request costs a lookup.

Every answer of the page, its layout and dependencies, the Dash callbacks and /api depends only on the
request (method, the app's root URL, path, query, body, accepted encodings) and the data version, never on
a session or the time, so a response can be replayed byte for byte. The root URL is part of the key because
the page names its own address (the oEmbed discovery link): with no `--public-url`, a request with a forged
`Host` header must not fill the entry that other readers get. Entries live in the same flask-caching
backend as the figures (in-process and bounded in bytes by default, Redis when configured), under a key that
also names the data version. Set `FRT_RESPONSE_CACHE=0` to turn it off (the figure cache stays).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping

from flask import Flask, Request, Response, request
from flask_caching import Cache

from dashboard.web import urls

EXACT = frozenset({"/", "/_dash-layout", "/_dash-dependencies", "/_dash-update-component"})
PREFIXES = ("/api/",)
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Content-Disposition", "Vary", "ETag", "Cache-Control")
MAX_BODY = 2 * 1024 * 1024  # larger answers (a big CSV) are recomputed


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    return (os.environ if environ is None else environ).get("FRT_RESPONSE_CACHE", "1") not in (
        "0",
        "false",
        "no",
    )


def cacheable(req: Request) -> bool:
    return req.method in ("GET", "POST") and (req.path in EXACT or req.path.startswith(PREFIXES))


def request_key(req: Request, prefix: str) -> str:
    digest = hashlib.sha256()
    encodings = req.headers.get("Accept-Encoding", "").lower().replace(" ", "")
    for part in (req.method, urls.root(), req.full_path, encodings):
        digest.update(part.encode() + b"\0")
    digest.update(req.get_data(cache=True))
    return prefix + "resp:" + digest.hexdigest()


def install(server: Flask, cache: Cache, prefix: str) -> None:
    """Serve repeated requests from the cache. Call before compression is set up: Flask runs after-request
    functions in reverse order, so this one then sees the compressed body."""

    @server.before_request
    def replay() -> Response | None:
        if not cacheable(request):
            return None
        hit = cache.get(request_key(request, prefix))
        if hit is None:
            return None
        status, headers, body = hit
        response = Response(body, status=status, headers=headers)
        response.headers["X-Cache"] = "hit"  # the compressor skips a response that is already encoded
        return response

    @server.after_request
    def keep(response: Response) -> Response:
        if (
            cacheable(request)
            and response.status_code == 200
            and not response.is_streamed
            and "X-Cache" not in response.headers
        ):
            body = response.get_data()
            if len(body) <= MAX_BODY:
                headers = [(k, v) for k, v in response.headers.items() if k in KEPT_HEADERS]
                cache.set(request_key(request, prefix), (response.status_code, headers, body))
        return response
