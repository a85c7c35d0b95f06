"""Browser-test helpers: start the app on a free port, so several suites can run side by side."""

from __future__ import annotations

import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the signature is the standard library's)
        pass


@pytest.fixture
def other_site(tmp_path):
    """publish(name, html) puts a page on a second local web server (another origin, like a reader's blog)
    and returns its URL."""
    root = tmp_path / "other-site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def publish(name: str, html: str) -> str:
        (root / name).write_text(html, encoding="utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/{name}"

    yield publish
    server.shutdown()
    server.server_close()
