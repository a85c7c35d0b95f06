"""Data versions under real gunicorn (-w 2, started as docs/deployment.md says): a broken file and a worker
restart do not stop the server; `kill -HUP` reloads the data atomically, refuses a bad file with one log
line, and every answer names its data version."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys

import pytest

from tests.conftest import DATA
from tests.processes import ROOT, Gunicorn, fetch, wait_until


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    path = tmp_path_factory.mktemp("gunicorn") / "events.csv"
    shutil.copy(DATA / "valid.csv", path)
    return path


@pytest.fixture(scope="module")
def server(events):
    server = Gunicorn(events.parent / "gunicorn.log", {"FRT_EVENTS": str(events)}).wait_ready()
    yield server
    server.stop()


def replace_file(path, text: str | bytes) -> None:
    """Replace a file as an operator should: write a new one, then rename it over the old (atomic)."""
    new = path.with_suffix(".new")
    new.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    os.replace(new, path)


def first_rows(n: int) -> str:
    with open(DATA / "valid.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[: n + 1]
    return "".join(",".join(f'"{v}"' for v in row) + "\n" for row in rows)


def answers(server, n: int = 8) -> list[tuple[int, str, str, str]]:
    """(total, meta version, X-Data-Version, ETag) of `n` answers of /api (spread over the workers)."""
    out = []
    for i in range(n):
        reply = fetch(f"{server.base}/api/events.json?n={i}")
        assert reply.status == 200, reply
        meta = reply.json()["meta"]
        out.append((meta["total"], meta.get("version"), reply.headers.get("X-Data-Version"),
                    reply.headers.get("ETag", "")))
    return out


def test_every_answer_names_one_data_version_in_the_meta_header_and_etag(server):
    # the app built from FRT_EVENTS (dashboard.app:server), filtering as asked
    body = fetch(server.base + "/api/events.json?company=Amazon").body.decode()
    assert '"count":' in body and "amazon-pause" in body and "ibm-exit" not in body.split('"events"')[0]
    seen = answers(server)
    assert {total for total, *_ in seen} == {7}
    versions = {(meta, header) for _, meta, header, _ in seen}
    assert len(versions) == 1
    version = versions.pop()[0]
    assert len(version) == 12 and all(etag.strip('"').startswith(version + "-") for *_, etag in seen)
    assert fetch(server.base + "/").headers["ETag"].strip('"').startswith(version + "-")
    for _ in range(4):  # whichever worker answers: the same version, the same bytes
        again = fetch(server.base + "/api/events.json?n=0", headers={"If-None-Match": seen[0][3]})
        assert again.status == 304


def test_a_broken_file_and_worker_restarts_do_not_stop_the_server(server, events):
    replace_file(events, b"\xff\xfe not an events file")
    before = set(server.workers())
    for pid in before:  # every worker dies: gunicorn starts new ones, which alone can answer now
        os.kill(pid, signal.SIGKILL)

    def answering_again() -> bool:
        assert server.proc.poll() is None, "gunicorn's master shut down:\n" + server.text()
        workers = set(server.workers())
        fresh = len(workers) == 2 and not workers & before
        return fresh and fetch(server.base + "/api/events.json").status == 200

    wait_until(answering_again, 30, "the new workers to answer")
    assert {total for total, *_ in answers(server)} == {7}  # the old data, read before the file broke
    assert server.proc.poll() is None


def test_hup_with_a_broken_file_keeps_the_old_data_with_one_log_line(server, events):
    replace_file(events, "id,date\nx,yesterday\n")
    version = answers(server, 1)[0][1]
    server.signal(signal.SIGHUP)
    line = wait_until(lambda: [ln for ln in server.text().splitlines() if "reload refused" in ln], 30,
                      "the refusal in the log")
    assert len(line) == 1 and f"still serving data version {version}" in line[0]
    assert "events.csv:1:3: required column 'title' is missing" in line[0]  # the first problem, located
    assert "Traceback" not in server.text()
    assert {(total, v) for total, v, *_ in answers(server)} == {(7, version)}


def test_hup_with_a_valid_file_moves_every_worker_to_the_new_version(server, events):
    old = answers(server, 1)[0][1]
    replace_file(events, first_rows(3))
    server.signal(signal.SIGHUP)
    wait_until(lambda: "reloaded: data version" in server.text(), 30, "the reload")
    # the old workers finish their requests and leave; from then on every answer is the new version
    wait_until(lambda: {t for t, *_ in answers(server, 6)} == {3}, 30, "every worker on the new data")
    seen = answers(server)
    assert {total for total, *_ in seen} == {3}
    new = {meta for _, meta, *_ in seen}
    assert len(new) == 1 and old not in new
    assert server.proc.poll() is None and "Traceback" not in server.text()


def test_a_broken_file_at_start_is_one_message_per_problem_and_exit_1(tmp_path):
    bad = tmp_path / "events.csv"
    bad.write_text("id,date\nx,yesterday\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-w", "1", "-b", "127.0.0.1:0", "dashboard.app:server"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "FRT_EVENTS": str(bad)},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot start" in result.stderr
    assert "events.csv:1:3: required column 'title' is missing" in result.stderr
