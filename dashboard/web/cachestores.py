"""The two flask-caching backends the app uses: in-process, bounded in bytes; and Redis, shared, that the
app survives losing.

- `BoundedCache` (the default) keeps pickled values, least recently used first out, within
  `FRT_CACHE_MAX_BYTES` (64 MB per process by default). flask-caching's `SimpleCache` counts entries only:
  500 entries of 2 MB responses would be 1 GB per worker.
- `FailSafeRedisCache` (`FRT_CACHE_TYPE=RedisCache`) is flask-caching's `RedisCache` whose every call turns
  a Redis error into a miss: the app keeps answering, computing each view itself, and logs one line. It
  tries Redis again every `RETRY_S` seconds, and says so when Redis is back.
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from flask import Flask
from flask_caching.backends.base import BaseCache
from flask_caching.backends.rediscache import RedisCache

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
ENTRY_OVERHEAD = 200  # bytes of bookkeeping per entry (key, tuple, dict slot), counted with the value
RETRY_S = 5.0
REDIS_TIMEOUT_S = 0.5  # a Redis that hangs costs a request at most this much before it counts as down
log = logging.getLogger("frt_timeline.cache")
T = TypeVar("T")
Timeout = int | timedelta | None


class BoundedCache(BaseCache):
    """An in-process LRU cache bounded by the bytes of its pickled values (and by a count of entries).

    A value larger than an eighth of the bound is not kept, so one answer never empties the cache.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, threshold: int = 10_000,
                 default_timeout: int = 0, ignore_delete_many_errors: bool = False) -> None:
        super().__init__(default_timeout=default_timeout, ignore_delete_many_errors=ignore_delete_many_errors)
        self.max_bytes = max_bytes
        self.threshold = threshold
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @classmethod
    def factory(cls, app: Flask, config: dict[str, Any], args: list[Any],
                kwargs: dict[str, Any]) -> BoundedCache:
        timeout = kwargs.get("default_timeout") or 0
        return cls(max_bytes=int(config.get("CACHE_MAX_BYTES", DEFAULT_MAX_BYTES)),
                   threshold=int(config.get("CACHE_THRESHOLD", 10_000)), default_timeout=int(timeout),
                   ignore_delete_many_errors=bool(kwargs.get("ignore_delete_many_errors", False)))

    @property
    def size(self) -> int:
        """Bytes held: pickled values plus a fixed overhead per entry."""
        return self._size

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: str) -> None:
        _, data = self._entries.pop(key)
        self._size -= len(data) + len(key) + ENTRY_OVERHEAD

    def _expires(self, timeout: Timeout) -> float:
        if isinstance(timeout, timedelta):
            timeout = int(timeout.total_seconds())
        seconds = self._normalize_timeout(timeout)
        return time.time() + seconds if seconds > 0 else 0.0

    def get(self, key: str) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] and entry[0] < time.time():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            data = entry[1]
        return pickle.loads(data)

    def set(self, key: str, value: Any, timeout: Timeout = None) -> bool:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        cost = len(data) + len(key) + ENTRY_OVERHEAD
        with self._lock:
            if key in self._entries:
                self._drop(key)
            if cost > self.max_bytes // 8:
                return False
            while self._entries and (self._size + cost > self.max_bytes
                                     or len(self._entries) >= self.threshold):
                self._drop(next(iter(self._entries)))  # the least recently used
            self._entries[key] = (self._expires(timeout), data)
            self._size += cost
        return True

    def add(self, key: str, value: Any, timeout: Timeout = None) -> bool:
        if self.has(key):
            return False
        return self.set(key, value, timeout)

    def delete(self, key: str) -> bool:
        with self._lock:
            if key not in self._entries:
                return False
            self._drop(key)
        return True

    def has(self, key: str) -> bool:
        with self._lock:
            entry = self._entries.get(key)
            return entry is not None and not (entry[0] and entry[0] < time.time())

    def clear(self) -> bool:
        with self._lock:
            self._entries.clear()
            self._size = 0
        return True


class FailSafeRedisCache(RedisCache):
    """flask-caching's RedisCache, where a Redis that is down or slow is a cache miss and one log line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._down_until = 0.0
        self._down = False
        self._where = "redis"
        self._state = threading.Lock()

    @classmethod
    def factory(cls, app: Flask, config: dict[str, Any], args: list[Any],
                kwargs: dict[str, Any]) -> FailSafeRedisCache:
        import redis

        url = config.get("CACHE_REDIS_URL") or "redis://{}:{}/{}".format(
            config.get("CACHE_REDIS_HOST", "localhost"), config.get("CACHE_REDIS_PORT", 6379),
            config.get("CACHE_REDIS_DB", 0))
        timeout = float(config.get("CACHE_REDIS_TIMEOUT", REDIS_TIMEOUT_S))
        client = redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                password=config.get("CACHE_REDIS_PASSWORD") or None)
        kwargs.pop("ignore_errors", None)
        if config.get("CACHE_KEY_PREFIX"):
            kwargs["key_prefix"] = config["CACHE_KEY_PREFIX"]
        cache = cls(client, *args, **kwargs)
        cache._where = redis.connection.parse_url(url).get("host", "redis") + f" ({url.split('@')[-1]})"
        return cache

    def _guard(self, call: Callable[[], T], fallback: T) -> T:
        import redis

        if self._down and time.monotonic() < self._down_until:
            return fallback
        try:
            result = call()
        except (redis.RedisError, OSError) as exc:
            with self._state:
                first = not self._down
                self._down, self._down_until = True, time.monotonic() + RETRY_S
            if first:
                log.warning("frt-timeline: the shared cache at %s is unreachable (%s: %s); answering without "
                            "it, and trying again every %g s", self._where, type(exc).__name__, exc, RETRY_S)
            return fallback
        if self._down:
            with self._state:
                back, self._down = self._down, False
            if back:
                log.warning("frt-timeline: the shared cache at %s is reachable again", self._where)
        return result

    def get(self, key: str) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).get(key), None)

    def get_many(self, *keys: str) -> list[Any]:
        return self._guard(lambda: super(FailSafeRedisCache, self).get_many(*keys), [None] * len(keys))

    def set(self, key: str, value: Any, timeout: Timeout = None) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).set(key, value, timeout), False)

    def add(self, key: str, value: Any, timeout: Timeout = None) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).add(key, value, timeout), False)

    def set_many(self, mapping: dict[str, Any], timeout: Timeout = None) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).set_many(mapping, timeout), [])

    def delete(self, key: str) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).delete(key), False)

    def delete_many(self, *keys: str) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).delete_many(*keys), [])

    def has(self, key: str) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).has(key), False)

    def clear(self) -> Any:
        return self._guard(lambda: super(FailSafeRedisCache, self).clear(), False)
