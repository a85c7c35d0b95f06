"""A real shared cache: two app servers (gunicorn) on one redis-server. A view one builds is a cache hit in
the other; with Redis stopped, both keep answering, and each says so once in its log."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tests.processes import Gunicorn, Redis, fetch


@pytest.fixture(scope="module")
def redis_server():
    server = Redis()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def servers(redis_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("redis")
    # as behind a reverse proxy: the servers' own addresses differ, the public one is the same
    env = {"FRT_EVENTS": str(DATA / "valid.csv"), "FRT_CACHE_TYPE": "RedisCache",
           "FRT_CACHE_REDIS_URL": redis_server.url, "FRT_PUBLIC_URL": "https://timeline.example.org/"}
    pair = [Gunicorn(folder / f"app{n}.log", env, workers=1) for n in (1, 2)]
    try:
        yield [server.wait_ready() for server in pair]
    finally:
        for server in pair:
            server.stop()


def test_a_view_built_by_one_server_is_a_cache_hit_in_the_other(servers):
    one, two = servers
    for path in ("/api/events.json?company=IBM", "/?company=Amazon", "/api/events.csv?category=decision"):
        first = fetch(one.base + path)
        assert first.status == 200 and "X-Cache" not in first.headers, path
        second = fetch(two.base + path)
        assert second.status == 200 and second.headers.get("X-Cache") == "hit", path
        assert second.body == first.body


def test_with_redis_stopped_both_servers_keep_answering_and_log_it_once(servers, redis_server):
    one, two = servers
    fetch(one.base + "/api/events.json?company=Microsoft")  # kept in Redis
    redis_server.stop()
    for server in servers:
        for path in ("/api/events.json?company=Microsoft", "/api/events.json?company=Google", "/",
                     "/?company=IBM&category=decision"):
            for _ in range(3):
                reply = fetch(server.base + path)
                assert reply.status == 200, (path, reply.status)
                assert "X-Cache" not in reply.headers  # computed, not replayed
        log = server.text()
        assert sum("shared cache" in line and "unreachable" in line for line in log.splitlines()) == 1, log
        assert "Traceback" not in log
    assert fetch(two.base + "/api/events.json").json()["meta"]["total"] == 7
