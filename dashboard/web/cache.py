"""Memoized figures: flask-caching, in-process by default, shared (Redis, memcached) by configuration.

The key is the data's fingerprint, the app's version and the normalized view (`lod.cache_key`), so
processes and machines that serve the same file share entries and never mix two files. Settings come from
`FRT_CACHE_*` environment variables, each a flask-caching `CACHE_*` setting, e.g.
`FRT_CACHE_TYPE=RedisCache FRT_CACHE_REDIS_URL=redis://cache:6379/0`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_caching import Cache

from dashboard import __version__

ENV_PREFIX = "FRT_CACHE_"
DEFAULTS: dict[str, Any] = {
    "CACHE_TYPE": "SimpleCache",  # per process; a figure costs milliseconds, so a miss is cheap
    "CACHE_THRESHOLD": 500,  # entries per process: figures (up to a few hundred KB) and responses
    "CACHE_DEFAULT_TIMEOUT": 0,  # the data never changes while the app runs
}


def cache_config(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The flask-caching settings: the defaults, overridden by `FRT_CACHE_*` variables."""
    config = dict(DEFAULTS)
    for name, value in (os.environ if environ is None else environ).items():
        if name.startswith(ENV_PREFIX):
            key = "CACHE_" + name[len(ENV_PREFIX) :]
            config[key] = int(value) if value.isdigit() else value
    return config


def fingerprint(path: str | os.PathLike[str]) -> str:
    """A short digest of the file's bytes (read-only)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


class FigureCache:
    """get-or-build for figure dicts, under a prefix naming the data file and the app version."""

    def __init__(
        self, server: Flask, data_fingerprint: str, environ: Mapping[str, str] | None = None
    ) -> None:
        self.cache = Cache(server, config=cache_config(environ))
        self.prefix = f"frt:{__version__}:{data_fingerprint}:"

    def get_or_build(self, key: str, build: Callable[[], Any]) -> Any:
        full = self.prefix + hashlib.sha256(key.encode()).hexdigest()
        value = self.cache.get(full)
        if value is None:
            value = build()
            self.cache.set(full, value)
        return value
