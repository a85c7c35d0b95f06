"""Knight Lab's TimelineJS files -> slides -> a checked Report in this project's schema.

A spreadsheet saved as CSV (the template's columns: Year, Month, Day, ... Type, Group, Background; the older
Start Date / End Date / Tag sheets too) or a JSON file (`{"title": ..., "events": [...], "eras": [...]}`).
Every slide keeps where its fields are (line and column, in the sheet or the JSON text), so problems found
by formats/slides.py point at the cell or value.
"""

from __future__ import annotations

import json
from typing import Any

from dashboard.data.dates import ColumnOrder, infer_order
from dashboard.data.errors import Problem
from dashboard.data.formats import jsonpos
from dashboard.data.formats.budget import Budget
from dashboard.data.formats.csvtext import Table
from dashboard.data.formats.slides import Slide, SlideReader, slugify, text_of
from dashboard.data.validate import Report

__all__ = ["COLUMNS", "EXTENSION", "FORMAT_CSV", "FORMAT_JSON", "is_timelinejs_header", "read_csv",
           "read_json", "slugify"]

FORMAT_CSV = "TimelineJS spreadsheet (CSV)"
FORMAT_JSON = "TimelineJS JSON"
FORMAT_JSON_2 = "TimelineJS 2 JSON"
COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
LEGACY_COLUMNS = ("Start Date", "End Date", "Tag")  # TimelineJS 2 sheets
CSV_LABELS = {
    "date": "Year/Month/Day",
    "end_date": "End Year/Month/Day",
    "title": "Headline",
    "description": "Text",
    "group": "Group",
}
JSON_LABELS = {
    "date": "start_date",
    "end_date": "end_date",
    "title": "text.headline",
    "description": "text.text",
    "group": "group",
    "id": "unique_id",
}
JSON2_LABELS = {"date": "startDate", "end_date": "endDate", "title": "headline", "description": "text",
                "group": "tag"}
EXTENSION = "frt"  # this app's own key on a JSON event: the schema's fields TimelineJS has no place for


def key(name: str) -> str:
    return " ".join(name.casefold().split())


def is_timelinejs_header(header: list[str]) -> bool:
    keys = {key(h) for h in header}
    return bool(keys & {"headline", "text"}) and bool(keys & {"year", "start date"})


def read_csv(
    table: Table, name: str, report: Report, budget: Budget | None = None, *, day_order: str | None = None
) -> Report:
    """A TimelineJS sheet saved as CSV -> checked events, the title and the eras."""
    report.format = FORMAT_CSV
    header_errors: list[Problem] = []
    position: dict[str, int] = {}
    known = {key(c) for c in COLUMNS + LEGACY_COLUMNS}
    for i, col in enumerate(table.header, start=1):
        k = key(col)
        if k in known and k not in position:
            position[k] = i
        elif k in position:
            header_errors.append(
                Problem(
                    name,
                    table.header_line,
                    i,
                    f"column '{col}' appears twice",
                    "keep one of them",
                    "repeated column",
                )
            )
        else:
            report.warnings.append(
                Problem(
                    name,
                    table.header_line,
                    i,
                    f"column '{col}' is not a TimelineJS column; it is left out",
                    "TimelineJS columns: " + ", ".join(COLUMNS),
                    "not shown",
                )
            )
    if header_errors:
        report.errors.extend(header_errors)
        return report
    orders = {}
    for prefix in ("start", "end"):
        if day_order is not None:
            orders[prefix] = ColumnOrder(day_order, "as stated")
        elif f"{prefix} date" in position:
            orders[prefix] = infer_order(cells[position[f"{prefix} date"] - 1] for _, cells in table.rows)
    reader = SlideReader(name, report, CSV_LABELS, orders=orders)
    for line, cells in table.rows:
        if budget is not None and budget.late(line, report.errors):
            break
        reader.add(_slide_from_cells(line, cells, position))
    return reader.finish()


def _slide_from_cells(line: int, cells: list[str], position: dict[str, int]) -> Slide:
    def cell(k: str) -> str:
        return cells[position[k] - 1] if k in position else ""

    kind = key(cell("type"))
    slide = Slide(
        kind="title" if kind == "title" else "era" if kind == "era" else "event",
        line=line,
        headline=cell("headline"),
        text=cell("text"),
        group=cell("group") or cell("tag"),
        media=(cell("media caption"), cell("media credit"), cell("media")),
    )
    if "start date" in position and "year" not in position:
        slide.start, slide.end = {"date": cell("start date")}, {"date": cell("end date")}
    else:
        slide.start = {p: cell(p) for p in ("year", "month", "day")}
        slide.end = {p: cell(f"end {p}") for p in ("year", "month", "day")}
    columns = {
        "start.year": "year",
        "start.month": "month",
        "start.day": "day",
        "end.year": "end year",
        "end.month": "end month",
        "end.day": "end day",
        "start.date": "start date",
        "end.date": "end date",
        "headline": "headline",
        "text": "text",
        "group": "group" if "group" in position else "tag",
        "type": "type",
        "id": "headline",
    }
    slide.at = {f: (line, position[c]) for f, c in columns.items() if c in position}
    for column, what in (
        ("time", "time"),
        ("end time", "time"),
        ("display date", "display date"),
        ("media", "media"),
        ("media credit", "media"),
        ("media caption", "media"),
        ("media thumbnail", "media"),
        ("background", "background"),
    ):
        if cell(column) and what not in slide.not_shown:
            slide.not_shown.append(what)
            slide.at.setdefault(what, (line, position[column]))
    if kind not in ("", "title", "era"):
        slide.not_shown.append("type")
    return slide


def read_json(
    text: str, name: str, report: Report, budget: Budget | None = None, *, day_order: str | None = None
) -> Report:
    """A TimelineJS JSON file -> checked events, the title and the eras."""
    report.format = FORMAT_JSON
    try:
        doc = jsonpos.loads(text)
    except json.JSONDecodeError as exc:
        report.errors.append(
            Problem(
                name,
                exc.lineno,
                exc.colno,
                f"this is not valid JSON: {exc.msg}",
                "check the commas, quotes and brackets near this place",
                "invalid JSON",
            )
        )
        return report
    except RecursionError:
        report.errors.append(
            Problem(
                name, 1, 1, "the JSON is nested too deeply", "this is not a TimelineJS file", "invalid JSON"
            )
        )
        return report
    legacy = doc.get("timeline") if isinstance(doc, jsonpos.PosDict) else None
    if isinstance(legacy, jsonpos.PosDict) and isinstance(legacy.get("date"), list):
        return _read_v2(text, name, legacy, report, budget, day_order)
    if not isinstance(doc, jsonpos.PosDict) or not isinstance(doc.get("events"), list):
        report.errors.append(
            Problem(
                name,
                1,
                1,
                'no "events" list at the top level',
                'a TimelineJS file looks like {"title": {...}, "events": [...], "eras": [...]}',
                "not TimelineJS",
            )
        )
        return report
    orders = {p: ColumnOrder(day_order, "as stated") for p in ("start", "end")} if day_order else {}
    reader = SlideReader(name, report, JSON_LABELS, json=True, orders=orders)
    lines = jsonpos.Lines(text)
    if isinstance(doc.get("title"), dict):
        reader.add(_slide_from_json(lines, doc["title"], "title"))
    for kind, items in (("event", doc["events"]), ("era", doc.get("eras") or [])):
        for i, item in enumerate(items if isinstance(items, list) else []):
            where = item.start if isinstance(item, jsonpos.PosDict) else doc.value_starts.get(f"{kind}s", 0)
            line, column = lines.at(where)
            if budget is not None and (budget.late(line, report.errors) or budget.row(line, report.errors)):
                return reader.finish()
            if isinstance(item, dict):
                reader.add(_slide_from_json(lines, item, kind))
            else:
                report.errors.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"{kind}s[{i}] is not an object",
                        'each event is {"start_date": {...}, "text": {...}}',
                        "not TimelineJS",
                    )
                )
    return reader.finish()


def _read_v2(text: str, name: str, timeline: jsonpos.PosDict, report: Report, budget: Budget | None,
             day_order: str | None) -> Report:
    """A TimelineJS 2 file, `{"timeline": {"headline": ..., "date": [...], "era": [...]}}`."""
    report.format = FORMAT_JSON_2
    orders = {p: ColumnOrder(day_order, "as stated") for p in ("start", "end")} if day_order else {}
    reader = SlideReader(name, report, JSON2_LABELS, json=False, orders=orders)
    lines = jsonpos.Lines(text)

    def where(o: Any, k: str) -> tuple[int, int]:
        return lines.at(o.value_starts.get(k, o.start) if isinstance(o, jsonpos.PosDict) else 0)

    if text_of(timeline.get("headline")) or text_of(timeline.get("text")):
        reader.add(Slide(kind="title", line=where(timeline, "")[0],
                         headline=text_of(timeline.get("headline")), text=text_of(timeline.get("text"))))
    for kind, items in (("event", timeline["date"]), ("era", timeline.get("era") or [])):
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, jsonpos.PosDict):
                continue
            line = where(item, "")[0]
            if budget is not None and (budget.late(line, report.errors) or budget.row(line, report.errors)):
                return reader.finish()
            found = item.get("asset")
            asset: dict[str, Any] = found if isinstance(found, dict) else {}
            slide = Slide(kind=kind, line=line, headline=text_of(item.get("headline")),
                          text=text_of(item.get("text")), group=text_of(item.get("tag")),
                          start={"date": text_of(item.get("startDate"))},
                          end={"date": text_of(item.get("endDate"))},
                          media=(text_of(asset.get("caption")), text_of(asset.get("credit")),
                                 text_of(asset.get("media"))))
            slide.at = {"start.date": where(item, "startDate"), "end.date": where(item, "endDate"),
                        "headline": where(item, "headline"), "text": where(item, "text"),
                        "group": where(item, "tag"), "id": where(item, "headline"), "type": where(item, "")}
            if any(asset.get(k) for k in ("media", "credit", "caption")):
                slide.not_shown.append("media")
                slide.at["media"] = where(item, "asset")
            reader.add(slide)
    return reader.finish()


def _slide_from_json(lines: jsonpos.Lines, obj: Any, kind: str) -> Slide:
    def where(o: Any, k: str) -> tuple[int, int]:
        offset = o.value_starts.get(k, o.start) if isinstance(o, jsonpos.PosDict) else 0
        return lines.at(offset)

    start_line, _ = where(obj, "")
    body = obj.get("text") if isinstance(obj.get("text"), dict) else {}
    ext = obj.get(EXTENSION) if isinstance(obj.get(EXTENSION), dict) else {}
    slide = Slide(
        kind=kind,
        line=start_line,
        headline=text_of(body.get("headline")),
        text=text_of(body.get("text")),
        group=text_of(obj.get("group")),
        unique_id=text_of(obj.get("unique_id")),
        extension=ext,
    )
    media = obj.get("media") if isinstance(obj.get("media"), dict) else {}
    slide.media = (text_of(media.get("caption")), text_of(media.get("credit")), text_of(media.get("url")))
    slide.at = {
        "headline": where(body, "headline") if body else where(obj, "text"),
        "text": where(body, "text") if body else where(obj, "text"),
        "group": where(obj, "group"),
        "id": where(obj, "unique_id"),
        "extension": where(obj, EXTENSION),
        "type": where(obj, ""),
    }
    for prefix, k in (("start", "start_date"), ("end", "end_date")):
        parts = obj.get(k) if isinstance(obj.get(k), dict) else {}
        setattr(slide, prefix, {p: text_of(parts.get(p)) for p in ("year", "month", "day")})
        slide.at[f"{prefix}.year"] = where(parts, "year") if parts else where(obj, k)
        slide.at[f"{prefix}.month"] = where(parts, "month") if parts else where(obj, k)
        slide.at[f"{prefix}.day"] = where(parts, "day") if parts else where(obj, k)
        for what, fields in (
            ("time", ("hour", "minute", "second", "millisecond")),
            ("display date", ("display_date",)),
        ):
            if any(text_of(parts.get(f)) for f in fields) and what not in slide.not_shown:
                slide.not_shown.append(what)
                slide.at.setdefault(what, where(parts, next(f for f in fields if text_of(parts.get(f)))))
    for what, k in (("display date", "display_date"), ("media", "media"), ("background", "background")):
        if obj.get(k) and what not in slide.not_shown:
            slide.not_shown.append(what)
            slide.at.setdefault(what, where(obj, k))
    return slide
