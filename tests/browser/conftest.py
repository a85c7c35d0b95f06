"""Browser-test helpers: start the app on a free port, so several suites can run side by side."""

from __future__ import annotations

import socket

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve(dash_duo):
    """serve(app) starts `app` on a free port in a thread and returns dash_duo."""

    def start(app):
        dash_duo.start_server(app, port=free_port())
        return dash_duo

    return start
