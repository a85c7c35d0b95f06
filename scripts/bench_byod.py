"""Benchmark for "bring your own data": prints how long checking, storing and drawing user files takes.

Run: python scripts/bench_byod.py
(synthetic files built in memory at the browser limits; nothing is written)
"""

from __future__ import annotations

import csv
import io
import json
import random
import time
from datetime import date, timedelta

from dashboard.data.context import check_context
from dashboard.data.formats import writers
from dashboard.data.load import check_text
from dashboard.figures.timeline import build_figure
from dashboard.view import dataset as session
from dashboard.web.upload import files as upload


def timed(label: str, fn, repeat: int = 3):  # type: ignore[no-untyped-def]
    best = float("inf")
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<58} {best * 1000:8.1f} ms")
    return result


def timelinejs_sheet(n: int) -> str:
    rng = random.Random(1)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Year", "Month", "Day", "Headline", "Text", "Group"])
    for i in range(n):
        d = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
        w.writerow([d.year, d.month, d.day, f"Event number {i}",
                    f'<p>Something happened, <a href="https://example.org/{i}">source</a>.</p>',
                    f"Group {i % 8}"])
    return buf.getvalue()


def protest_rows(n: int) -> str:
    rng = random.Random(2)
    lines = ["event_id,event_date,event_type,fatalities,latitude,notes"]
    for i in range(n):
        d = date(2020, 1, 1) + timedelta(days=rng.randrange(1000))
        lines.append(f"E{i},{d:%d %B %Y},Protests,0,44.9,a march")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = timelinejs_sheet(upload.MAX_EVENTS)
    print(f"TimelineJS sheet: {upload.MAX_EVENTS} events, {len(text.encode()) / 1e6:.2f} MB")
    report = timed("check the sheet (detect, HTML to text, validate)", lambda: check_text(text, "sheet.csv"))
    payload = session.to_payload(report, "sheet.csv")
    print(f"{'session store payload (JSON)':<58} {len(json.dumps(payload)) / 1e6:8.2f} MB")
    timed("rebuild from the store, cold (validated again)",
          lambda: session._from_json.cache_clear() or session.from_payload(payload))
    timed("rebuild from the store, cached", lambda: session.from_payload(payload))
    timed("figure of 2,000 events", lambda: build_figure(report.events))
    as_json = timed("convert to TimelineJS JSON",
                    lambda: writers.write("timelinejs-json", report.events)).text
    print(f"TimelineJS JSON of the same events: {len(as_json.encode()) / 1e6:.2f} MB")
    timed("check the JSON (positions kept for every value)", lambda: check_text(as_json, "timeline.json"))

    rows = protest_rows(20_000)
    print(f"Context: 20,000 protest rows, {len(rows.encode()) / 1e6:.2f} MB")
    context = timed("count rows per day", lambda: check_context(rows, "acled.csv"))
    timed("figure of 2,000 events + context area",
          lambda: build_figure(report.events, context=context.series))


if __name__ == "__main__":
    main()
