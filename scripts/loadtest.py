"""Bounded load test on 127.0.0.1: `python scripts/loadtest.py [--events PATH] [--duration 60]
[--servers N] [--redis]`.

Starts `gunicorn -w 2` on a free port (or N such servers sharing a redis-server started here, as behind a
reverse proxy: docs/deployment.md), warms every worker, then runs wrk (Debian package `wrk`, one per
server) for the given time with a mix of what readers do: page loads (the page, its layout and
dependencies), filter callbacks (the chart and the table/count for a dozen views), and /api JSON and CSV
downloads. Prints the throughput, the latency percentiles and the errors next to the targets (0 errors,
p99 < 100 ms), then stops the servers. Nothing leaves the machine. Exit code 0 when the targets are met.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.remote import free_port, wait_for  # noqa: E402
from dashboard.web import ids  # noqa: E402

TARGET_P99_MS = 100
TARGET_UNCACHED_P99_MS = 250  # issue 17: every callback computed (no response cache, no figure cache)
VIEWS = [
    "",
    "?company=IBM",
    "?company=Amazon&company=Microsoft",
    "?category=decision",
    "?start=2020-05-01&end=2020-07-31",
    "?q=police",
    "?company=IBM&context=0",
    "?category=protest&category=legal",
    "?event=ibm-exits-general-purpose-frt",
    "?company=Clearview%20AI",
    "?start=2019-01-01",
    "?company=Amazon&category=decision",
]
API = [
    "/api/events.json",
    "/api/events.json?company=IBM",
    "/api/events.csv?category=decision",
    "/api/events.json?start=2020-05-01&end=2020-07-31",
]


def callbacks(base: str) -> list[dict]:
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=30) as response:
        deps = json.load(response)

    def has_url_search(dep: dict) -> bool:
        return any(i["id"] == ids.URL and i["property"] == "search" for i in dep["inputs"])

    # The callbacks a change of view runs: every callback with the URL's search as an input (chart,
    # count/table; the controls' sync runs in the browser with the same input). Clientside functions run in
    # the browser: left out.
    return [d for d in deps if has_url_search(d) and not d.get("clientside_function")]


def body(dep: dict, search: str) -> str:
    def value(item: dict):
        if item["id"] == ids.URL:
            return {"search": search, "pathname": "/"}.get(item["property"])
        return None

    outputs = [
        dict(zip(("id", "property"), o.split("@")[0].rsplit(".", 1), strict=True))
        for o in dep["output"].strip(".").split("...")
    ]
    return json.dumps(
        {
            "output": dep["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [{**i, "value": value(i)} for i in dep["inputs"]],
            "state": [{**s, "value": value(s)} for s in dep.get("state", [])],
            "changedPropIds": [f"{ids.URL}.search"],
        }
    )


def lua(requests: list[tuple[str, str, str | None]]) -> str:
    """A wrk script cycling through the requests; `done` prints the numbers this script reads."""
    lines = ["local reqs = {}"]
    headers = '{["Accept-Encoding"] = "gzip, br", ["Content-Type"] = "application/json"}'
    for n, (method, path, payload) in enumerate(requests, 1):
        lines.append(
            f"reqs[{n}] = wrk.format({json.dumps(method)}, {json.dumps(path)}, {headers}, "
            f"{json.dumps(payload) if payload else 'nil'})"
        )
    lines += [
        "local i = 0",
        "request = function() i = i + 1; return reqs[(i % #reqs) + 1] end",
        "done = function(summary, latency, requests)",
        "  for _, p in ipairs({50, 90, 99, 99.9}) do",
        '    io.write(string.format("LAT p%s %.2f\\n", p, latency:percentile(p) / 1000))',
        "  end",
        '  io.write(string.format("LAT max %.2f\\n", latency.max / 1000))',
        "  local e = summary.errors",
        '  io.write(string.format("ERR connect=%d read=%d write=%d status=%d timeout=%d\\n",'
        " e.connect, e.read, e.write, e.status, e.timeout))",
        '  io.write(string.format("TOTAL %d %.3f\\n", summary.requests, summary.duration / 1e6))',
        "end",
    ]
    return "\n".join(lines) + "\n"


def start_redis() -> tuple[subprocess.Popen, str]:
    """Debian's redis-server on a free port, in memory only (apt-get install redis-server)."""
    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--daemonize", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"redis://127.0.0.1:{port}/0"
        if time.monotonic() > deadline:
            raise TimeoutError("redis-server did not start")
        time.sleep(0.05)


def start_server(args: argparse.Namespace, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """`gunicorn -w N dashboard.app:server` from the repository's folder (so gunicorn.conf.py applies)."""
    port = free_port()
    threads = ["-k", "gthread", "--threads", str(args.threads)] if args.threads > 1 else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(args.workers), *threads, "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", "dashboard.app:server"],
        cwd=ROOT, env=env,
    )
    return proc, f"http://127.0.0.1:{port}"


def warm(base: str, requests: list[tuple[str, str, str | None]]) -> None:
    for method, path, payload in requests * 2:  # warm every worker: data loaded, caches filled
        request = urllib.request.Request(
            base + path,
            data=payload.encode() if payload else None,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()


def parse(out: str) -> tuple[dict[str, float], dict[str, int], int, float]:
    """wrk's output (the `done` lines of `lua`) -> latency percentiles, errors, requests, seconds."""
    lat = {k: float(v) for k, v in re.findall(r"^LAT (\S+) ([\d.]+)$", out, re.M)}
    errors = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"^ERR (.*)$", out, re.M).group(1))}
    total, seconds = re.search(r"^TOTAL (\d+) ([\d.]+)$", out, re.M).groups()
    return lat, errors, int(total), float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", help="events CSV (default: the bundled file)")
    parser.add_argument("--duration", type=int, default=60, help="seconds (default 60)")
    parser.add_argument("--connections", type=int, default=50, help="open connections in all (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; > 1 uses gthread workers")
    parser.add_argument("--servers", type=int, default=1,
                        help="app servers (gunicorn masters), each loaded by its own wrk (default 1)")
    parser.add_argument("--uncached", action="store_true",
                        help="callbacks only, each one run (no response cache; figures stay memoized as "
                             f"in production) (target p99 < {TARGET_UNCACHED_P99_MS} ms)")
    parser.add_argument("--no-figure-cache", action="store_true",
                        help="with --uncached: every figure built again too")
    parser.add_argument("--redis", action="store_true",
                        help="share the cache through a redis-server started here (implied by --servers > 1)")
    args = parser.parse_args()
    for tool in ("wrk", *(("redis-server",) if args.redis or args.servers > 1 else ())):
        if not shutil.which(tool):
            print(f"{tool} is not installed: apt-get install {tool}", file=sys.stderr)
            return 2
    env = {**os.environ, **({"FRT_EVENTS": str(Path(args.events).resolve())} if args.events else {})}
    if args.uncached:
        env.update(FRT_RESPONSE_CACHE="0")
        if args.no_figure_cache:
            env.update(FRT_CACHE_TYPE="NullCache")
    target = TARGET_UNCACHED_P99_MS if args.uncached else TARGET_P99_MS
    redis = None
    if args.redis or args.servers > 1:
        redis, url = start_redis()
        # behind a proxy every server has the same public address, so they share the cache entries
        env.update(FRT_CACHE_TYPE="RedisCache", FRT_CACHE_REDIS_URL=url,
                   FRT_PUBLIC_URL="https://timeline.example.org/")
    servers = [start_server(args, env) for _ in range(args.servers)]
    script = None
    try:
        for proc, base in servers:
            wait_for(base + "/", 300, proc)
        first = servers[0][1]
        pages: list[tuple[str, str, str | None]] = [
            ("GET", "/", None),
            ("GET", "/_dash-layout", None),
            ("GET", "/_dash-dependencies", None),
        ]
        api = [] if args.uncached else API
        requests = [] if args.uncached else list(pages)
        deps = callbacks(first)
        for search in VIEWS:
            requests += [("POST", "/_dash-update-component", body(dep, search)) for dep in deps]
        requests += [("GET", path, None) for path in api]
        for _, base in servers:
            warm(base, requests)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
            fh.write(lua(requests))
            script = fh.name
        per_server = max(1, args.connections // args.servers)
        cmds = [["wrk", "-t2" if args.servers == 1 else "-t1", f"-c{per_server}", f"-d{args.duration}s",
                 "--timeout", "5s", "-s", script, base] for _, base in servers]
        shared = " sharing Redis" if redis else ""
        print(
            f"{len(requests)} kinds of request: {0 if args.uncached else 3} page loads, "
            f"{len(requests) - (0 if args.uncached else 3) - len(api)} filter callbacks "
            f"({len(deps)} per view x {len(VIEWS)} views), {len(api)} /api calls"
            f"{', each one run (no response cache)' if args.uncached else ''}"
            f"{', figures built every time' if args.no_figure_cache else ''}; "
            f"{args.servers} server(s) x {args.workers} worker(s){shared}; "
            f"{' '.join(cmds[0][:-2])} per server",
            flush=True,
        )
        runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) for cmd in cmds]
        outs = [run.communicate(timeout=args.duration + 60)[0] for run in runs]
    finally:
        for proc, _ in servers:
            proc.terminate()
        for proc, _ in servers:
            proc.wait(timeout=30)
        if redis is not None:
            redis.terminate()
            redis.wait(timeout=10)
        if script:
            os.unlink(script)
    results = [parse(out) for out in outs]
    total = sum(r[2] for r in results)
    seconds = max(r[3] for r in results)
    errors: dict[str, int] = {}
    for _, errs, _, _ in results:
        for k, v in errs.items():
            errors[k] = errors.get(k, 0) + v
    error_count = sum(errors.values())
    p99 = max(r[0]["p99"] for r in results)
    print(f"requests: {total:,} in {seconds:.0f} s = {total / seconds:,.0f} requests/s")
    for n, (lat, _, count, secs) in enumerate(results, 1):
        label = f"server {n}: {count / secs:,.0f} requests/s, " if len(results) > 1 else ""
        print(label + "latency ms: " + ", ".join(f"{k} {v:.1f}" for k, v in lat.items()))
    print(
        f"errors: {error_count} ({', '.join(f'{k} {v}' for k, v in errors.items())})  target 0: "
        f"{'met' if error_count == 0 else 'NOT met'}"
    )
    print(f"p99 {p99:.1f} ms  target < {target} ms: {'met' if p99 < target else 'NOT met'}")
    load = os.getloadavg()
    print(
        f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        f"({os.cpu_count()} cores; wrk shares them)"
    )
    return 0 if error_count == 0 and p99 < target else 1


if __name__ == "__main__":
    time.tzset()
    sys.exit(main())
