"""The factory: no I/O at import, FRT_EVENTS, a lazy `server` for gunicorn, clear errors for bad data."""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from dashboard.errors import DataError


def test_import_reads_no_file(monkeypatch, tmp_path):
    monkeypatch.setenv("FRT_EVENTS", str(tmp_path / "missing.csv"))
    module = importlib.reload(importlib.import_module("dashboard.app"))
    assert "server" not in vars(module)  # nothing was loaded, so the missing file did not matter


def test_server_is_built_from_frt_events_on_first_access(monkeypatch, valid_csv):
    monkeypatch.setenv("FRT_EVENTS", str(valid_csv))
    module = importlib.reload(importlib.import_module("dashboard.app"))
    server = module.server
    assert server.test_client().get("/api/events.json").get_json()["meta"]["total"] == 7


def test_invalid_file_raises_data_error_with_locations(write_csv):
    from dashboard.app import create_app

    with pytest.raises(DataError) as info:
        create_app(write_csv("x,2020,,T,D,nope,IBM,,,https://e.org\n"))
    assert str(info.value).startswith("events.csv:2:6: unknown category 'nope'")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_serves_the_app(valid_csv):
    port = _free_port()
    env = {**os.environ, "FRT_EVENTS": str(valid_csv)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "dashboard.app:server"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events.json?company=Amazon") as r:
                    body = r.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert '"count":' in body and "amazon-pause" in body and "ibm-exit" not in body.split('"events"')[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
