"""Figure memoization: settings from FRT_CACHE_*, one build per key, keys separated by data file."""

from __future__ import annotations

from flask import Flask

from dashboard.web.cache import FigureCache, cache_config, fingerprint


def test_defaults_are_in_process():
    assert cache_config({})["CACHE_TYPE"] == "SimpleCache"


def test_environment_configures_a_shared_cache():
    config = cache_config(
        {
            "FRT_CACHE_TYPE": "RedisCache",
            "FRT_CACHE_REDIS_URL": "redis://cache:6379/0",
            "FRT_CACHE_DEFAULT_TIMEOUT": "600",
            "FRT_EVENTS": "x.csv",
        }
    )
    assert config["CACHE_TYPE"] == "RedisCache"
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
