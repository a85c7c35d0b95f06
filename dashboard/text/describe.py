"""Words for a view: its title, the list of its active filters, a file name, and the data's date.

The share panel, `/embed`, oEmbed and the exports all name a view the same way. Returns plain text: the
caller escapes it for its medium (`text.plotly_text` for figures, HTML escaping for pages).
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from dashboard.data.load import when_label
from dashboard.text.summary import count_text
from dashboard.view.shown import Shown
from dashboard.view.urlstate import View

APP_TITLE = "Big tech and facial recognition: a timeline"
SHORT_TITLE = "Big tech and facial recognition"
SLUG_LIMIT = 80
MAX_NAMED = 4  # more companies or categories than this are counted, not listed


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _names(values: tuple[str, ...], what: str) -> str:
    if not values:
        return f"no {what}"
    if len(values) > MAX_NAMED:
        return f"{len(values)} {what}"
    return ", ".join(values)


def _dates(view: View) -> str:
    f = view.filters
    if f.start and f.end:
        return f"{_day(f.start)} – {_day(f.end)}"
    if f.start:
        return f"from {_day(f.start)}"
    if f.end:
        return f"to {_day(f.end)}"
    return ""


def title(view: View) -> str:
    """'Big tech and facial recognition: IBM, Amazon · decision · 1 May 2020 – 31 July 2020', or the app's
    title for the default view."""
    f = view.filters
    parts = []
    if f.companies is not None:
        parts.append(_names(f.companies, "companies"))
    if f.categories is not None:
        parts.append(_names(f.categories, "categories"))
    if _dates(view):
        parts.append(_dates(view))
    if f.q:
        parts.append(f"“{f.q}”")
    return f"{SHORT_TITLE}: {' · '.join(parts)}" if parts else APP_TITLE


def filter_summary(view: View) -> list[str]:
    """The active filters as short lines ('Companies: IBM, Amazon'), or ['All events'] when there are none."""
    f = view.filters
    lines = []
    if f.companies is not None:
        lines.append("Companies: " + (", ".join(f.companies) or "none"))
    if f.categories is not None:
        lines.append("Categories: " + (", ".join(f.categories) or "none"))
    if _dates(view):
        lines.append("Dates: " + _dates(view))
    if f.q:
        lines.append(f"Search: “{f.q}”")
    if not f.context:
        lines.append("Context lanes: hidden")
    return lines or ["All events"]


def slug(view: View) -> str:
    """A file name stem for the view, e.g. 'frt-timeline-ibm-amazon-2020-05-01-to-2020-07-31'."""
    f = view.filters
    parts = ["frt-timeline"]
    if f.companies is not None:
        parts += list(f.companies[:MAX_NAMED]) or ["no-companies"]
    if f.categories is not None:
        parts += list(f.categories[:MAX_NAMED]) or ["no-categories"]
    if f.start or f.end:
        parts.append(f"{f.start or 'start'}-to-{f.end or 'end'}")
    if f.q:
        parts.append(f.q)
    text = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).casefold()).strip("-")
    return text[:SLUG_LIMIT].rstrip("-") or "frt-timeline"


def data_date(events: pd.DataFrame) -> str:
    """The date of the latest event, at its precision ('8 June 2024'): how current the data is."""
    if events.empty:
        return "no events"
    latest = events.loc[events["start"].idxmax()]
    return when_label(str(latest["date"]))


def shown_title(shown: Shown) -> str:
    """What a shown view is called: a tour step by its title, any other view as `title` says."""
    return f"{SHORT_TITLE}: {shown.step.title}" if shown.step is not None else title(shown.view)


def embed_title(shown: Shown) -> str:
    """The title of an embed of `shown`: `shown_title`, naming the selected event when there is one."""
    title = shown_title(shown)
    event = shown.view.event
    if event and event in shown.dataset.event_ids:
        return f"{title} · {shown.dataset.by_id.loc[event]['title']}"
    return title


def meta_description(shown: Shown) -> str:
    """The page's `<meta name="description">` (search results show it): the view's title and count, e.g.
    'Big tech and facial recognition: a timeline. 156 of 156 events, October 2008 to February 2026, each
    with its sources: filter by company, category, dates or text, and share the view.'"""
    count = count_text(shown)
    return (f"{shown_title(shown)}. {count}, each with its sources: filter by company, category, dates or "
            "text, and share the view.")
