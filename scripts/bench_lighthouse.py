"""Benchmark: Lighthouse's Performance and SEO scores for the page `/` and for `/embed`.

Starts the app under gunicorn (-w 2) on a free port (the bundled events.csv, or --events), runs Lighthouse 12
from npm against Debian's Chromium with its default mobile throttling (offline: nothing leaves the machine),
several times per page, and prints the median scores and the metrics behind them next to the targets
(Performance >= 90, SEO 100).

    python scripts/bench_lighthouse.py [--runs 3] [--events PATH] [--view '?company=IBM']

Needs node/npx (`npx -y lighthouse@12` fetches it once into npm's cache) and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.remote import free_port, wait_for  # noqa: E402

LIGHTHOUSE = "lighthouse@12"
TARGET_PERFORMANCE = 90
TARGET_SEO = 100
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
    "bootup-time": "JS boot-up",
    "dom-size": "DOM elements",
}


def start_server(events: str | None) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, **({"FRT_EVENTS": str(Path(events).resolve())} if events else {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
         "dashboard.app:server"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/", 300, proc)
    return proc, base


def lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run (performance and SEO only); its JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(
            ["npx", "-y", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,seo",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
            check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return report


def summary(report: dict[str, Any]) -> dict[str, float]:
    cats, audits = report["categories"], report["audits"]
    row = {"performance": round(cats["performance"]["score"] * 100), "seo": round(cats["seo"]["score"] * 100),
           # Lighthouse's measure of the machine's CPU speed in the run (higher is faster): its simulation
           # scales the task times it observes, which a slower machine makes longer (1,650-2,510 on this
           # machine in one evening)
           "benchmark-index": float(report["environment"]["benchmarkIndex"])}
    for key in METRICS:
        value = audits.get(key, {}).get("numericValue")
        if value is not None:
            row[key] = float(value)
    return row


def failed_seo(report: dict[str, Any]) -> list[str]:
    refs = report["categories"]["seo"]["auditRefs"]
    return [r["id"] for r in refs if r.get("weight") and (report["audits"][r["id"]].get("score") or 0) < 1]


def measure(base: str, paths: list[str], runs: int) -> dict[str, dict[str, Any]]:
    """Median scores per page; runs alternate between the pages so background load hits both alike."""
    rows: dict[str, list[dict[str, float]]] = {p: [] for p in paths}
    seo_fails: dict[str, set[str]] = {p: set() for p in paths}
    for _ in range(runs):
        for path in paths:
            report = lighthouse(base + path)
            rows[path].append(summary(report))
            seo_fails[path].update(failed_seo(report))
    out: dict[str, dict[str, Any]] = {}
    for path, runs_ in rows.items():
        keys = set.intersection(*(set(r) for r in runs_))
        out[path] = {k: statistics.median(r[k] for r in runs_) for k in keys}
        out[path]["runs"] = [r["performance"] for r in runs_]
        out[path]["seo_failed"] = sorted(seo_fails[path])
    return out


def fmt(key: str, value: float) -> str:
    if key == "cumulative-layout-shift":
        return f"{value:.3f}"
    if key == "dom-size":
        return f"{value:,.0f}"
    return f"{value:,.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median; default 3)")
    parser.add_argument("--events", help="events CSV (default: the bundled file)")
    parser.add_argument("--view", default="", help="a query added to both addresses, e.g. '?company=IBM'")
    args = parser.parse_args()
    if not shutil.which("npx"):
        print("npx is not installed (Debian: apt-get install npm)", file=sys.stderr)
        return 2
    proc, base = start_server(args.events)
    try:
        results = measure(base, ["/" + args.view, "/embed" + args.view], args.runs)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    index = statistics.median(r["benchmark-index"] for r in results.values())
    print(f"Lighthouse 12 (mobile, simulated throttling), median of {args.runs}; gunicorn -w 2 on 127.0.0.1; "
          f"load average {load} at the end ({os.cpu_count()} cores)")
    print(f"benchmark index {index:,.0f} (Lighthouse's measure of this machine's CPU speed during the runs; "
          "higher is faster)")
    ok = True
    for path, r in results.items():
        perf_ok, seo_ok = r["performance"] >= TARGET_PERFORMANCE, r["seo"] >= TARGET_SEO
        ok = ok and perf_ok and seo_ok
        failing = f"; failing: {', '.join(r['seo_failed'])}" if r["seo_failed"] else ""
        print(f"{path:<10} Performance {r['performance']:.0f} (runs {r['runs']}; target >= "
              f"{TARGET_PERFORMANCE}: {'met' if perf_ok else 'NOT met'})  SEO {r['seo']:.0f} (target "
              f"{TARGET_SEO}: {'met' if seo_ok else 'NOT met'}{failing})")
        print("           " + ", ".join(f"{label} {fmt(k, r[k])}" for k, label in METRICS.items() if k in r))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
