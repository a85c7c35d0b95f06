"""Measurements against running servers on 127.0.0.1: callback round trip and cold start."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dashboard.web import ids

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, deadline_s: float, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {deadline_s} s")
        time.sleep(0.02)


@contextlib.contextmanager
def server(events: Path, *, baseline: bool = False, timeout_s: float = 180) -> Iterator[str]:
    """A benchmark server (bench.serve) on a free port; yields its base URL and stops it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "bench.serve", "--events", str(events), "--port", str(port)]
    proc = subprocess.Popen(
        cmd + (["--baseline"] if baseline else []),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", timeout_s, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _callback(base: str) -> dict[str, Any]:
    """The callback that draws the chart for a URL (its output list names ids.GRAPH's figure and its
    inputs include the URL's search), read from the server's own dependency list."""
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=30) as response:
        deps = json.load(response)
    for dep in deps:
        if f"{ids.GRAPH}.figure" in dep["output"] and any(
            i["id"] == ids.URL and i["property"] == "search" for i in dep["inputs"]
        ):
            return dep
    raise LookupError("no callback draws the chart from the URL")


def _payload(dep: dict[str, Any], search: str) -> bytes:
    def value(item: dict[str, Any]) -> Any:
        if item["id"] == ids.URL:
            return {"search": search, "pathname": "/"}.get(item["property"])
        return None

    outputs = [
        dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
        for o in dep["output"].strip(".").split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [{**i, "value": value(i)} for i in dep["inputs"]],
        "state": [{**s, "value": value(s)} for s in dep.get("state", [])],
        "changedPropIds": [f"{ids.URL}.search"],
    }
    return json.dumps(body).encode()


def round_trip(base: str, search: str, runs: int) -> dict[str, float]:
    """POST the chart's callback as the browser does (gzip accepted): first call, median of the rest,
    and the response size on the wire and decompressed."""
    dep = _callback(base)
    body = _payload(dep, search)
    times: list[float] = []
    wire = raw = 0
    for _ in range(runs + 1):
        request = urllib.request.Request(
            base + "/_dash-update-component",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"},
        )
        t = time.perf_counter()
        with urllib.request.urlopen(request, timeout=300) as response:
            data = response.read()
            encoded = response.headers.get("Content-Encoding") == "gzip"
        times.append((time.perf_counter() - t) * 1000)
        wire = len(data)
        raw = len(gzip.decompress(data)) if encoded else len(data)
    return {"first_ms": times[0], "ms": statistics.median(times[1:]), "wire": wire, "raw": raw}


def cold_start(runs: int, events: Path | None = None) -> float:
    """`python -m dashboard serve` (bundled data unless `events`) until GET / answers 200: median ms."""
    times = []
    for _ in range(runs):
        port = free_port()
        env = dict(os.environ)
        if events is not None:
            env["FRT_EVENTS"] = str(events)
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "serve", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/", 120, proc)
            times.append((time.perf_counter() - t) * 1000)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    return statistics.median(times)
