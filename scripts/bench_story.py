"""Benchmark of the story features: prints how long loading the tour and building each step's figure take,
and how much the relative axis and connectors add to a figure's JSON. Run: python scripts/bench_story.py"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's dashboard/, not another installed copy

from dashboard import load_events  # noqa: E402
from dashboard.data.relations import links_touching  # noqa: E402
from dashboard.figures.timeline import build_figure, protest_band  # noqa: E402
from dashboard.text.cite import citations, event_work  # noqa: E402
from dashboard.view.filters import apply  # noqa: E402
from dashboard.view.relative import anchor_of  # noqa: E402
from dashboard.view.story import load_story  # noqa: E402


def timed(fn, repeat: int = 20) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, result


def main() -> None:
    ms, events = timed(lambda: load_events(ROOT / "events.csv"), 5)
    print(f"load events.csv (127 events, 37 links):      {ms:7.1f} ms")
    ms, story = timed(lambda: load_story(ROOT / "story.csv", events), 10)
    print(f"load and validate story.csv ({len(story)} steps):      {ms:7.1f} ms")
    band = protest_band(events)
    for step in story.steps:
        view = step.view
        shown = apply(events, view.filters)

        def build(view=view, shown=shown, step=step):  # type: ignore[no-untyped-def]
            return build_figure(shown, companies=view.filters.companies, selected=view.event, band=band,
                                window=(view.filters.start, view.filters.end),
                                links=links_touching(events, view.event), highlight=step.highlight,
                                anchor=anchor_of(events, view.anchor))

        ms, fig = timed(build, 10)
        print(f"step {step.number:2} figure ({len(shown):3} events{', days axis' if view.anchor else ''}):"
              f"{'':{14 - len(str(len(shown))) - (11 if view.anchor else 0)}}{ms:7.1f} ms, "
              f"{len(fig.to_json()) / 1024:6.1f} KiB JSON")
    hub = "george-floyd-protests-wave"
    base_ms, base = timed(lambda: build_figure(events, band=band, selected=hub), 10)
    hub_links = links_touching(events, hub)
    ms, fig = timed(lambda: build_figure(events, band=band, selected=hub, links=hub_links), 10)
    print(f"all events, {hub} selected: {base_ms:6.1f} ms; with its {len(links_touching(events, hub))} "
          f"connectors {ms:6.1f} ms (+{(len(fig.to_json()) - len(base.to_json())) / 1024:.1f} KiB)")
    days = anchor_of(events, "george-floyd-killed-minneapolis")
    ms, fig = timed(lambda: build_figure(events, band=band, anchor=days), 10)
    print(f"all events on the days axis:                  {ms:7.1f} ms (dates: {base_ms:.1f} ms)")
    row = events.iloc[0]
    ms, _ = timed(lambda: citations(event_work(row["id"], row["title"], row["when"], "https://e.org/",
                                               date.today())), 200)
    print(f"three citations of an event:                  {ms:7.3f} ms")


if __name__ == "__main__":
    main()
