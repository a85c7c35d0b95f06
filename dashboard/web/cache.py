"""Memoized figures: flask-caching, in-process by default, shared (Redis) by configuration.

The key is the data version (a digest of the files shown), the app's version and the normalized view
(`figures.chart.figure_key`), so processes and machines that serve the same files share entries and never
mix two versions. Settings come from `FRT_CACHE_*` environment variables, each a flask-caching `CACHE_*`
setting, e.g. `FRT_CACHE_TYPE=RedisCache FRT_CACHE_REDIS_URL=redis://cache:6379/0`. The default keeps at most
`FRT_CACHE_MAX_BYTES` (64 MB) per process; `RedisCache` means the fail-safe Redis backend
(`cachestores.FailSafeRedisCache`): with Redis down the app answers without it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_caching import Cache

from dashboard.version import __version__
from dashboard.web.cachestores import DEFAULT_MAX_BYTES

ENV_PREFIX = "FRT_CACHE_"
BOUNDED = "dashboard.web.cachestores.BoundedCache"
FAILSAFE_REDIS = "dashboard.web.cachestores.FailSafeRedisCache"
ALIASES = {"SimpleCache": BOUNDED, "simple": BOUNDED, "RedisCache": FAILSAFE_REDIS, "redis": FAILSAFE_REDIS}
DEFAULTS: dict[str, Any] = {
    "CACHE_TYPE": BOUNDED,  # per process; a figure costs milliseconds, so a miss is cheap
    "CACHE_MAX_BYTES": DEFAULT_MAX_BYTES,  # per process: figures (up to a few hundred KB) and responses
    "CACHE_THRESHOLD": 10_000,  # entries per process, a second bound for many small answers
    "CACHE_DEFAULT_TIMEOUT": 0,  # a data version never changes; a new version has new keys
}


def cache_config(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The flask-caching settings: the defaults, overridden by `FRT_CACHE_*` variables."""
    config = dict(DEFAULTS)
    for name, value in (os.environ if environ is None else environ).items():
        if name.startswith(ENV_PREFIX):
            key = "CACHE_" + name[len(ENV_PREFIX) :]
            config[key] = int(value) if value.isdigit() else value
    config["CACHE_TYPE"] = ALIASES.get(config["CACHE_TYPE"], config["CACHE_TYPE"])
    return config


def fingerprint(path: str | os.PathLike[str]) -> str:
    """A short digest of the file's bytes (read-only)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def data_version(*paths: str | os.PathLike[str] | None) -> str:
    """The version of the data a process serves: one short digest of every file it shows (events,
    context, tour). Shown in `/api`'s meta and in ETags; names the cache entries."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update((fingerprint(path) if path is not None else "-").encode() + b"\0")
    return digest.hexdigest()[:12]


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
