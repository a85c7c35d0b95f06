"""Settings that belong to one dataset, shipped beside it as data (`<stem>.settings.json`): the key moments
labelled on the chart, the event drawn as the protest band, the zoom presets, the opening window (what
the chart shows first when a link names no zoom) and the dataset's title and description (the title slide of
a TimelineJS export). A file without one gets
none of them (an uploaded 1815-1985 file has no "2020" preset). Read-only; problems are located."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.data.errors import DataError, Problem

SUFFIX = ".settings.json"
KEYS = ("about", "key_moments", "band_event", "presets", "opening", "title", "description")


@dataclass(frozen=True)
class Preset:
    """A zoom button: its label and the days it shows (inclusive)."""

    label: str
    start: date
    end: date


@dataclass(frozen=True)
class Settings:
    key_moments: tuple[tuple[str, str], ...] = ()  # (event id, label), most important first
    band_event: str | None = None
    presets: tuple[Preset, ...] = ()
    opening: tuple[date, date] | None = None  # first and last day shown when the URL has no zoom
    title: str = ""  # the dataset's own title and description (a TimelineJS export's title slide)
    description: str = ""


NONE = Settings()


def settings_path(events_path: Path) -> Path:
    """`events.csv` -> `events.settings.json` in the same folder."""
    return events_path.with_name(events_path.stem + SUFFIX)


def load_settings(events_path: Path, event_ids: Collection[str]) -> Settings:
    """The settings beside `events_path` (none when there is no such file), checked against its events.

    Raises:
        DataError: naming the settings file, and the line and column of a JSON syntax error.
    """
    path = settings_path(events_path)
    if not path.exists():
        return NONE
    name = path.name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError([Problem(name, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}",
                                 "fix the syntax, or delete the file to use no settings")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(name, 0, 0, f"cannot read the file: {exc}", "check the file")]) from None
    problems: list[Problem] = []

    def bad(what: str, hint: str) -> None:
        problems.append(Problem(name, 1, 1, what, hint))

    if not isinstance(raw, dict):
        raise DataError([Problem(name, 1, 1, "the file is not a JSON object", "start it with {")])
    for key in raw:
        if key not in KEYS:
            bad(f"unknown setting {key!r}", "allowed: " + ", ".join(KEYS))
    moments: list[tuple[str, str]] = []
    for item in raw.get("key_moments") or []:
        event, label = (item.get("event"), item.get("label")) if isinstance(item, dict) else (None, None)
        if not isinstance(event, str) or not isinstance(label, str) or not label.strip():
            bad(f"key moment {item!r} needs an event id and a label",
                'write {"event": "id", "label": "text"}')
        elif event not in event_ids:
            bad(f"key moment {event!r} is not an event id of {events_path.name}", "use an id from the file")
        else:
            moments.append((event, label.strip()))
    band = raw.get("band_event")
    if band is not None and (not isinstance(band, str) or band not in event_ids):
        bad(f"band_event {band!r} is not an event id of {events_path.name}", "use a protest span's id")
    presets: list[Preset] = []
    for item in raw.get("presets") or []:
        try:
            preset = Preset(str(item["label"]), date.fromisoformat(item["start"]),
                            date.fromisoformat(item["end"]))
        except (KeyError, TypeError, ValueError):
            bad(f"preset {item!r} needs a label, a start and an end",
                'write {"label": "2020", "start": "2020-01-01", "end": "2020-12-31"}')
            continue
        if preset.start > preset.end:
            bad(f"preset {preset.label!r} ends before it starts", "swap start and end")
        else:
            presets.append(preset)
    opening = None
    if raw.get("opening") is not None:
        item = raw["opening"]
        try:
            opening = (date.fromisoformat(item["start"]), date.fromisoformat(item["end"]))
        except (KeyError, TypeError, ValueError):
            bad(f"opening {item!r} needs a start and an end",
                'write {"start": "2018-01-01", "end": "2022-03-31"}')
        else:
            if opening[0] > opening[1]:
                bad("the opening window ends before it starts", "swap start and end")
    texts = {}
    for key in ("title", "description"):
        value = raw.get(key, "")
        if not isinstance(value, str):
            bad(f"{key} {value!r} is not text", f'write "{key}": "..."')
        texts[key] = value.strip() if isinstance(value, str) else ""
    if problems:
        raise DataError(problems)
    return Settings(tuple(moments), band, tuple(presets), opening, **texts)
