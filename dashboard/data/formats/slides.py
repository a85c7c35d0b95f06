"""TimelineJS slides (events, the title row, era rows), whichever file they came from, -> a checked Report.

As TimelineJS does: the first `title` slide is the timeline's title, `era` slides are shaded spans, Group
is the lane. Headline and Text are HTML: they become plain text, and their http(s) links the sources. What
this app does not show (media, times, display dates, backgrounds) is reported once per kind, never dropped
silently. formats/timelinejs.py turns sheet rows and JSON objects into slides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dashboard.data import schema
from dashboard.data.dates import ColumnOrder, parse_period, read_date
from dashboard.data.errors import Problem
from dashboard.data.formats.htmltext import html_to_text
from dashboard.data.safe import truncate
from dashboard.data.validate import Checker, Era, Report, Row

NOT_SHOWN = {
    "time": "the timeline shows days, not times",
    "display date": "each date is written at its precision instead",
    "media": "this app shows no media",
    "background": "this app draws no backgrounds",
    "type": "only 'title' and 'era' mean something; these rows are read as events",
}


@dataclass
class Slide:
    """One TimelineJS row or JSON object (an event, the title or an era) with where its fields are."""

    kind: str
    line: int
    start: dict[str, str] = field(default_factory=dict)  # year, month, day, or "date" (older sheets)
    end: dict[str, str] = field(default_factory=dict)
    headline: str = ""
    text: str = ""
    group: str = ""
    unique_id: str = ""
    media: tuple[str, str, str] = ("", "", "")  # caption, credit, url: a media-only slide's title
    extension: Mapping[str, Any] = field(default_factory=dict)
    at: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (line, column)
    not_shown: list[str] = field(default_factory=list)


class SlideReader:
    """Turns slides into the report: title, eras, and events checked by the shared Checker."""

    def __init__(self, name: str, report: Report, labels: dict[str, str], *, json: bool = False,
                 orders: Mapping[str, ColumnOrder] | None = None):
        self.name, self.report, self.json = name, report, json
        self.orders = dict(orders or {})  # "start"/"end" -> how a one-cell date writes 03/04/2020
        self.checker = Checker(name, report, required=schema.TIMELINE_REQUIRED, labels=labels)
        self.not_shown: dict[str, tuple[int, int, int]] = {}  # field -> (count, line, column)
        self.ids: set[str] = set()

    def problem(
        self, slide: Slide, where: str, text: str, hint: str, kind: str, *, warning: bool = False
    ) -> None:
        line, column = slide.at.get(where, (slide.line, 1))
        (self.report.warnings if warning else self.report.errors).append(
            Problem(self.name, line, column, text, hint, kind)
        )

    def part(self, prefix: str, part: str) -> str:
        """How the file names a date part: 'End Month' in a sheet, 'end_date.month' in JSON."""
        if self.json:
            return f"{prefix}_date.{part}"
        if part == "date":
            return f"{prefix.capitalize()} Date"
        return ("End " if prefix == "end" else "") + part.capitalize()

    def date(self, slide: Slide, parts: dict[str, str], prefix: str, *, required: bool) -> str | None:
        """Year, Month, Day (or an older sheet's one date cell) -> `YYYY[-MM[-DD]]`, problems located."""
        first = "date" if "date" in parts else "year"
        if not any(v.strip() for v in parts.values()):
            if required:
                self.problem(
                    slide,
                    f"{prefix}.{first}",
                    f"{self.part(prefix, first)} is empty",
                    "an era needs an end date" if prefix == "end" else "every event needs at least a year",
                    "missing date",
                )
            return None
        if "date" in parts:
            raw = parts["date"].strip()
            if re.fullmatch(r"\d{4},\d{1,2}(,\d{1,2})?", raw, re.ASCII):
                raw = raw.replace(",", "-")  # TimelineJS 2 wrote 2020,06,08
            order = self.orders.get(prefix, ColumnOrder(None)).order
            reading = read_date(raw, named_months=True, order=order)
            if reading.value is None:
                self.problem(
                    slide,
                    f"{prefix}.date",
                    f"{self.part(prefix, 'date')} " + (reading.problem or f"'{raw}' is not a date"),
                    reading.hint or "write it as YYYY-MM-DD",
                    reading.kind if reading.problem else "invalid date",
                )
            return reading.value
        numbers: dict[str, int | None] = {}
        bad = False
        for part, low, high in (("year", -9999, 9999), ("month", 1, 12), ("day", 1, 31)):
            raw = parts.get(part, "").strip()
            number = _integer(raw) if raw else None
            if raw and (number is None or not low <= number <= high or (part == "year" and number == 0)):
                hint = (("there is no year 0: 1 BCE (-1) is followed by AD 1 (1)" if number == 0 else
                         "a four-digit year, e.g. 2020" if number is None else
                         "a year from -9999 (9999 BCE) to 9999") if part == "year"
                        else f"a number from {low} to {high}")
                self.problem(
                    slide,
                    f"{prefix}.{part}",
                    f"{self.part(prefix, part)} '{raw}' is not a {part}",
                    hint,
                    "invalid date",
                )
                bad = True
            numbers[part] = number
        if bad:
            return None
        if numbers["year"] is None:
            self.problem(
                slide,
                f"{prefix}.year",
                f"{self.part(prefix, 'year')} is empty but the month or day is not",
                "add the year",
                "invalid date",
            )
            return None
        if numbers["day"] is not None and numbers["month"] is None:
            self.problem(
                slide,
                f"{prefix}.month",
                f"{self.part(prefix, 'day')} is given without a month",
                "add the month",
                "invalid date",
            )
            return None
        iso = (
            ("-" if numbers["year"] < 0 else "") + f"{abs(numbers['year']):04d}"
            + (f"-{numbers['month']:02d}" if numbers["month"] else "")
            + (f"-{numbers['day']:02d}" if numbers["day"] else "")
        )
        if parse_period(iso) is None:
            self.problem(
                slide,
                f"{prefix}.day",
                f"{iso} is not a calendar date",
                "check the day of the month",
                "invalid date",
            )
            return None
        return iso

    def add(self, slide: Slide) -> None:
        for what in slide.not_shown:
            count, line, column = self.not_shown.get(what, (0, *slide.at.get(what, (slide.line, 1))))
            self.not_shown[what] = (count + 1, line, column)
        headline, text = html_to_text(slide.headline), html_to_text(slide.text)
        for href in headline.dropped + text.dropped:
            self.problem(
                slide,
                "text",
                f"link '{href}' is not an http(s) URL; it is left out",
                "link to a full https:// address",
                "link left out",
                warning=True,
            )
        if slide.kind == "title":
            if self.report.title or self.report.subtitle:
                self.problem(
                    slide,
                    "type",
                    "a second title row; only the first is the timeline's title",
                    "make this row an event (empty Type) or remove it",
                    "second title",
                    warning=True,
                )
            else:
                self.report.title, self.report.subtitle = headline.text, text.text
            return
        start = self.date(slide, slide.start, "start", required=True)
        end = self.date(slide, slide.end, "end", required=slide.kind == "era")
        if slide.kind == "era":
            self._era(slide, start, end, headline.text or text.text)
            return
        title, description = headline.text, text.text
        if not title and not description:
            caption = next((html_to_text(m).text for m in slide.media if html_to_text(m).text), "")
            if not caption:
                self.problem(slide, "headline", "this event has neither a Headline nor Text, nor a media "
                             "caption or credit", "give it a headline", "missing value")
                return
            title = truncate(caption.replace("\n", " "), schema.MAX_TITLE)
            self.problem(slide, "headline", f"a media-only slide: kept, with '{title}' (its media caption, "
                         "credit or address) as the title", "give it a headline", "media-only slide",
                         warning=True)
        if not title:
            title = truncate(description.split("\n")[0], 80)
        elif len(title) > schema.MAX_TITLE:
            self.problem(
                slide,
                "headline",
                f"Headline is {len(title)} characters long; the chart shows the first "
                f"{schema.MAX_TITLE} and the details panel the whole of it",
                f"shorten it to {schema.MAX_TITLE}",
                "long headline",
                warning=True,
            )
            description = title + ("\n\n" + description if description else "")
            title = truncate(title, schema.MAX_TITLE)
        ext = slide.extension
        sources = (
            list(ext["sources"])
            if isinstance(ext.get("sources"), list)
            else headline.links + [u for u in text.links if u not in headline.links]
        )
        values = {
            "id": self._id(slide, title),
            "date": start or "",
            # TimelineJS has no open end: this app's export keeps it in `frt` (its end is the as-of day)
            "end_date": schema.ONGOING if ext.get(schema.ONGOING) is True else end or "",
            "title": title,
            "description": description,
            "category": text_of(ext.get("category")),
            "actor": text_of(ext.get("actor")),
            "companies": companies_of(ext.get("companies")),
            "location": text_of(ext.get("location")),
            "sources": " ".join(text_of(s) for s in sources),
            "group": self._group(slide, ext),
            "related": text_of(ext.get("related")),
        }
        if start is None:
            return  # the date problem is already reported
        where = {
            "id": ("id",),
            "date": ("start.year", "start.date"),
            "end_date": ("end.year", "end.date"),
            "title": ("headline",),
            "description": ("text",),
            "group": ("group",),
            "sources": ("text",),
            "category": ("extension",),
            "actor": ("extension",),
            "companies": ("extension",),
            "location": ("extension",),
            "related": ("extension",),
        }
        located = {
            col: next((slide.at[f] for f in fs if f in slide.at), (slide.line, 1))
            for col, fs in where.items()
        }
        self.checker.check(
            Row(
                slide.line,
                values,
                {c: lc[1] for c, lc in located.items()},
                {c: lc[0] for c, lc in located.items()},
            )
        )

    def _group(self, slide: Slide, ext: Mapping[str, Any]) -> str:
        group = html_to_text(slide.group).text.replace("\n", " ")
        if "group" not in ext:
            return group
        own = text_of(ext.get("group"))
        companies = [c for c in companies_of(ext.get("companies")).split(";") if c.strip()]
        exported = schema.lanes(own, [c.strip() for c in companies], text_of(ext.get("category")))[0]
        return own if group in ("", exported) else group  # a group edited after export wins

    def _id(self, slide: Slide, title: str) -> str:
        given = slide.unique_id.strip()
        if given and schema.ID_RE.match(given):
            self.ids.add(given)
            return given  # a repeated id is reported by the checker
        base = slugify(given or title)
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    def _era(self, slide: Slide, start: str | None, end: str | None, label: str) -> None:
        if start is None or end is None:
            return  # reported by date()
        first, last = parse_period(start), parse_period(end)
        if first and last and last.last < first.first:
            self.problem(
                slide,
                "end.year",
                f"the era ends ({end}) before it starts ({start})",
                "swap the dates",
                "invalid era",
            )
            return
        self.report.eras.append(Era(start, end, label))

    def finish(self) -> Report:
        for what, (count, line, column) in self.not_shown.items():
            rows = "1 row" if count == 1 else f"{count} rows"
            self.report.warnings.append(
                Problem(
                    self.name,
                    line,
                    column,
                    f"{what.capitalize()} ({rows}) is left out: {NOT_SHOWN[what]}",
                    "the file itself is not changed",
                    "not shown",
                )
            )
        return self.checker.finish()


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")
    return slug or "event"


def _integer(raw: str) -> int | None:
    m = re.fullmatch(r"\s*(-?\d+)(?:\.0+)?\s*", raw, re.ASCII)  # a year may be negative: -500 is 500 BCE
    return int(m[1]) if m else None


def text_of(value: object) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def companies_of(value: object) -> str:
    if isinstance(value, list):
        return schema.LIST_SEP.join(text_of(v) for v in value)
    return text_of(value)
