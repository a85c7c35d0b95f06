"""Figure memoization: settings from FRT_CACHE_*, one build per key, keys separated by data file; the
in-process cache is bounded in bytes."""

from __future__ import annotations

import os
import tracemalloc

from flask import Flask

from dashboard.web.cache import BOUNDED, FAILSAFE_REDIS, FigureCache, cache_config, data_version, fingerprint
from dashboard.web.cachestores import DEFAULT_MAX_BYTES, BoundedCache


def test_defaults_are_in_process_and_bounded_in_bytes():
    config = cache_config({})
    assert config["CACHE_TYPE"] == BOUNDED and config["CACHE_MAX_BYTES"] == 64 * 1024 * 1024
    assert cache_config({"FRT_CACHE_TYPE": "SimpleCache"})["CACHE_TYPE"] == BOUNDED


def test_memory_held_by_the_default_cache_stays_under_its_bound():
    """The probe's case: 100 distinct responses of 1.8 MB (180 MB) once held 220 MB in a worker."""
    cache = FigureCache(Flask(__name__), "abc", environ={}).cache
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(100):
            cache.set(f"resp:{n}", (200, [("Content-Type", "text/csv")], os.urandom(1_800_000)))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held <= DEFAULT_MAX_BYTES * 1.05, f"{held / 1e6:.0f} MB held"
    assert cache.get("resp:99") is not None and cache.get("resp:0") is None  # the oldest went first


def test_the_bound_counts_bytes_and_evicts_the_least_recently_used():
    cache = BoundedCache(max_bytes=200_000, threshold=100)
    for key in "abcdefghi":  # 9 x 20 KB
        assert cache.set(key, b"x" * 20_000)
    assert cache.get("a") is not None  # used: now the most recent
    cache.set("j", b"x" * 20_000)  # a tenth would pass 200 KB: the least recently used goes
    assert cache.get("b") is None and cache.get("a") is not None and cache.size <= 200_000
    assert not cache.set("huge", b"x" * 30_000)  # over an eighth of the bound: not kept, nothing evicted
    assert cache.get("huge") is None and len(cache) == 9
    cache.delete("a")
    assert not cache.has("a") and cache.clear() and cache.size == 0


def test_the_entry_count_is_a_second_bound():
    cache = BoundedCache(max_bytes=10**9, threshold=3)
    for n in range(5):
        cache.set(str(n), n)
    assert len(cache) == 3 and cache.get("0") is None and cache.get("4") == 4


def test_the_bound_is_configured_by_the_environment():
    cache = FigureCache(Flask(__name__), "abc", environ={"FRT_CACHE_MAX_BYTES": "1000000"}).cache.cache
    assert isinstance(cache, BoundedCache) and cache.max_bytes == 1_000_000


def test_environment_configures_a_shared_cache():
    config = cache_config(
        {
            "FRT_CACHE_TYPE": "RedisCache",
            "FRT_CACHE_REDIS_URL": "redis://cache:6379/0",
            "FRT_CACHE_DEFAULT_TIMEOUT": "600",
            "FRT_EVENTS": "x.csv",
        }
    )
    assert config["CACHE_TYPE"] == FAILSAFE_REDIS  # flask-caching's RedisCache, surviving Redis going away
    assert config["CACHE_REDIS_URL"] == "redis://cache:6379/0"
    assert config["CACHE_DEFAULT_TIMEOUT"] == 600
    assert "CACHE_EVENTS" not in config


def test_a_figure_is_built_once_per_key():
    cache = FigureCache(Flask(__name__), "abc", environ={})
    builds = []
    for _ in range(3):
        value = cache.get_or_build("view-1", lambda: builds.append(1) or {"data": [1]})
    assert value == {"data": [1]} and len(builds) == 1
    cache.get_or_build("view-2", lambda: builds.append(1) or {"data": [2]})
    assert len(builds) == 2


def test_two_data_files_never_share_entries(valid_csv, bundled_csv):
    assert fingerprint(valid_csv) != fingerprint(bundled_csv)
    a = FigureCache(Flask("a"), fingerprint(valid_csv), environ={})
    b = FigureCache(Flask("b"), fingerprint(bundled_csv), environ={})
    assert a.prefix != b.prefix


def test_the_data_version_names_every_file_shown(valid_csv, bundled_csv, tmp_path):
    assert data_version(valid_csv) != data_version(bundled_csv)
    assert data_version(valid_csv, None) != data_version(valid_csv, bundled_csv)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(valid_csv.read_bytes())
    assert data_version(copy) == data_version(valid_csv)  # the bytes, not the name
