"""Checked events -> this project's events CSV, TimelineJS JSON or a TimelineJS sheet (CSV).

Each writer returns the file's text and notes on what the target format has no place for, so a conversion
never loses anything silently. TimelineJS JSON keeps every field: the schema's fields that TimelineJS has no
place for go in an `frt` object on each event, which TimelineJS ignores and this app reads back.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from dashboard.data import schema
from dashboard.data.formats.htmltext import text_to_html
from dashboard.data.formats.timelinejs import COLUMNS as TIMELINEJS_COLUMNS
from dashboard.data.formats.timelinejs import EXTENSION, slugify
from dashboard.data.safe import csv_cell, is_http_url
from dashboard.data.validate import Era

TARGETS = ("events", "timelinejs-json", "timelinejs-csv")


@dataclass
class Output:
    text: str
    notes: list[str] = field(default_factory=list)


def _date_parts(value: str) -> dict[str, str]:
    """`YYYY[-MM[-DD]]` -> TimelineJS's parts; a negative year stays negative (-0500 -> '-500', 500 BCE)."""
    sign = "-" if value.startswith("-") else ""
    parts = value.removeprefix("-").split("-")
    parts[0] = sign + parts[0]
    return {k: str(int(v)) for k, v in zip(("year", "month", "day"), parts, strict=False)}


def _end(row: pd.Series) -> str:
    """The end TimelineJS gets: an ongoing span ends on its as-of day (TimelineJS has no open end)."""
    if row["end_date"] == schema.ONGOING:
        return pd.Timestamp(row["stop"]).strftime("%Y-%m-%d")
    return str(row["end_date"])


def _ongoing(events: pd.DataFrame) -> int:
    return int((events["end_date"] == schema.ONGOING).sum())


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _lane(row: pd.Series) -> str:
    """The Group TimelineJS gets: the event's lane here (empty for an event with no group, company or
    category)."""
    lane = schema.lanes(row["group"], row["company_list"], row["category"])[0]
    return "" if lane == schema.UNGROUPED_LANE and not row["group"] else lane


def events_csv(events: pd.DataFrame, *, title: str = "", eras: Sequence[Era] = ()) -> Output:
    """This project's events CSV (with the optional `related` and `group` columns when any event uses
    them)."""
    optional = {"related": (events["related"] != "").any(), "group": (events["group"] != "").any()}
    columns = [c for c in (*schema.COLUMN_NAMES, "group") if optional.get(c, True)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in events[columns].itertuples(index=False):
        writer.writerow([csv_cell(v) for v in row])
    out = Output(buf.getvalue())
    if title:
        out.notes.append(f"the timeline's title ('{title}') is left out: the events CSV has no place for it")
    if eras:
        out.notes.append(f"{_count(len(eras), 'era')} left out: the events CSV has no place for eras")
    return out


def _html_headline(text: str) -> str:
    return html.escape(text, quote=False)


def timelinejs_json(
    events: pd.DataFrame, *, title: str = "", subtitle: str = "", eras: Sequence[Era] = ()
) -> Output:
    """A TimelineJS JSON file; the group is the event's lane in this app."""
    doc: dict[str, object] = {}
    if title or subtitle:
        doc["title"] = {"text": {"headline": _html_headline(title), "text": text_to_html(subtitle)},
                        "autolink": False}
    items = []
    for _, row in events.iterrows():
        item: dict[str, object] = {"unique_id": row["id"], "start_date": _date_parts(row["date"])}
        if row["end_date"]:
            item["end_date"] = _date_parts(_end(row))
        item["text"] = {
            "headline": _html_headline(row["title"]),
            "text": text_to_html(row["description"], row["source_list"]),
        }
        item["group"] = _lane(row)
        # The text is written with its links already made. TimelineJS's autolink would link address-like
        # text again, inside them too: it turned `...?return-url=https%3A%2F%2Fwww.example.org` in an href
        # into a second, broken link (TimelineJS sanitises the HTML first, so no escaping avoids it).
        item["autolink"] = False
        ext: dict[str, object] = {
            "category": row["category"],
            "actor": row["actor"],
            "companies": list(row["company_list"]),
            "location": row["location"],
            "group": row["group"],
            "sources": list(row["source_list"]),
            "related": row["related"],
        }
        if row["end_date"] == schema.ONGOING:
            ext[schema.ONGOING] = True  # read back as ongoing (TimelineJS ends it on its as-of day)
        item[EXTENSION] = ext
        items.append(item)
    doc["events"] = items
    notes = []
    if ongoing := _ongoing(events):
        notes.append(f"{_count(ongoing, 'ongoing span')} end on the day they are ongoing as of in "
                     "TimelineJS, which has no open end (this app reads them back as ongoing)")
    if eras:
        doc["eras"] = [
            {
                "start_date": _date_parts(e.date),
                "end_date": _date_parts(e.end_date),
                "text": {"headline": _html_headline(e.label)},
            }
            for e in eras
        ]
    out = Output(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", notes)
    several = _several_companies(events)
    if several:
        out.notes.append(
            f"{_count(several, 'event')} about several companies: TimelineJS gives an event one group, so "
            "each is in its first company's group only (its `frt` object keeps every company)"
        )
    return out


def _several_companies(events: pd.DataFrame) -> int:
    """How many events are drawn in several lanes here (several companies and no group of their own)."""
    return sum(1 for group, companies in zip(events["group"], events["company_list"], strict=True)
               if not group and len(companies) > 1)


def timelinejs_csv(
    events: pd.DataFrame, *, title: str = "", subtitle: str = "", eras: Sequence[Era] = ()
) -> Output:
    """A TimelineJS sheet saved as CSV (the template's columns): import it into the Google Sheet."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(TIMELINEJS_COLUMNS)

    def write(values: dict[str, str]) -> None:
        writer.writerow([csv_cell(values.get(c, "")) for c in TIMELINEJS_COLUMNS])

    def dates(start: str, end: str) -> dict[str, str]:
        out = {k.capitalize(): v for k, v in _date_parts(start).items()}
        if end:
            out.update({"End " + k.capitalize(): v for k, v in _date_parts(end).items()})
        return out

    if title or subtitle:
        write({"Headline": _html_headline(title), "Text": text_to_html(subtitle), "Type": "title"})
    for _, row in events.iterrows():
        write(
            {
                **dates(row["date"], _end(row)),
                "Headline": _html_headline(row["title"]),
                "Text": text_to_html(row["description"], row["source_list"]),
                "Group": _lane(row),
            }
        )
    for era in eras:
        write({**dates(era.date, era.end_date), "Headline": _html_headline(era.label), "Type": "era"})
    out = Output(buf.getvalue())
    extra = int(
        (
            (events["category"] != "")
            | (events["actor"] != "")
            | (events["companies"] != "")
            | (events["location"] != "")
        ).sum()
    )
    if extra:
        out.notes.append(
            f"the category, actor, companies and location of {_count(extra, 'event')} are left out: "
            "a TimelineJS sheet has no columns for them (TimelineJS JSON keeps them)"
        )
    if ongoing := _ongoing(events):
        out.notes.append(f"{_count(ongoing, 'ongoing span')} end on the day they are ongoing as of: a "
                         "TimelineJS sheet has no open end (TimelineJS JSON keeps it)")
    linked = int((events["related"] != "").sum())
    if linked:
        out.notes.append(
            f"the related-event links of {_count(linked, 'event')} are left out: a TimelineJS sheet has no "
            "column for them (TimelineJS JSON keeps them)"
        )
    several = _several_companies(events)
    if several:
        out.notes.append(
            f"{_count(several, 'event')} about several companies: each is in one Group (lane) only"
        )
    relinked = sum(1 for sources in events["source_list"] for u in sources if is_http_url(u) and _relinked(u))
    if relinked:
        out.notes.append(
            f"{_count(relinked, 'source')} with an address inside (e.g. ?return-url=...www.) that TimelineJS "
            "rewrites into a broken link: a sheet cannot turn its autolink off (TimelineJS JSON does)"
        )
    unsafe = sum(1 for sources in events["source_list"] for u in sources if not is_http_url(u))
    if unsafe:
        out.notes.append(f"{_count(unsafe, 'source')} that are not http(s) links are left out of Text")
    ids = int((events["id"] != events["title"].map(slugify)).sum())
    if ids:
        out.notes.append(
            f"{_count(ids, 'event')}: the id is made from the headline when read back (a sheet "
            "has no id column), so permalinks change"
        )
    return out


_URL = re.compile(r"\b(?:https?|ftp)://", re.IGNORECASE)
_WWW = re.compile(r"[^/>]www\.", re.IGNORECASE)
_EMAIL = re.compile(r"[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+")


def _relinked(url: str) -> bool:
    """Whether TimelineJS's autolink (Util.linkify, TimelineJS 3.9) finds an address inside this href: another
    http(s):// not after '=', a www. not after '/', or an e-mail address."""
    if any(m.start() > 0 and url[m.start() - 1] not in "\"'=" for m in _URL.finditer(url)):
        return True
    return bool(_WWW.search('"' + url) or _EMAIL.search(url))


def write(
    target: str, events: pd.DataFrame, *, title: str = "", subtitle: str = "", eras: Sequence[Era] = ()
) -> Output:
    """Convert to `target`, one of TARGETS."""
    if target == "events":
        return events_csv(events, title=title, eras=eras)
    if target == "timelinejs-json":
        return timelinejs_json(events, title=title, subtitle=subtitle, eras=eras)
    if target == "timelinejs-csv":
        return timelinejs_csv(events, title=title, subtitle=subtitle, eras=eras)
    raise ValueError(f"unknown target {target!r}; use one of {', '.join(TARGETS)}")
