"""Citations of an event or of a view, in APA, Chicago and BibTeX, with the permalink, the access date and
the dataset version. Plain strings (the page shows them as text, never as markup). No Dash, no I/O.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from dashboard.data.dates import day_label
from dashboard.version import RELEASED, __version__
from dashboard.view.urlstate import View

AUTHOR = "frt-timeline contributors"
DATASET = "Big tech and facial recognition: a timeline"
STYLES = ("APA", "Chicago", "BibTeX")


@dataclass(frozen=True)
class Work:
    """What is cited: an event or a view of the timeline, at a permalink, seen on `accessed`."""

    title: str
    kind: str  # "Timeline event, 8 June 2020" or "Timeline view"
    permalink: str
    accessed: date
    key: str  # the BibTeX key
    version: str = __version__
    released: date = date.fromisoformat(RELEASED)
    dataset: str = DATASET


def dataset_name(file_name: str, uploaded: bool) -> str:
    """What a citation names as the container: the bundled dataset, or a reader's own file in the app."""
    return f"{file_name}, shown with {DATASET}" if uploaded else DATASET


def event_work(
    event_id: str, title: str, when: str, permalink: str, accessed: date, *, dataset: str = DATASET
) -> Work:
    return Work(
        title=title,
        kind=f"Timeline event, {when}",
        permalink=permalink,
        accessed=accessed,
        key=f"frt-timeline:{event_id}",
        dataset=dataset,
    )


def view_key(permalink: str, dataset: str = DATASET) -> str:
    """The BibTeX key of a view: a short hash of its permalink (the whole view) and dataset, so two views
    get two keys and the same view always the same one, whatever the day."""
    digest = hashlib.sha256(f"{dataset}\n{permalink}".encode()).hexdigest()[:10]
    return f"frt-timeline:view-{digest}"


def view_work(title: str, permalink: str, accessed: date, *, dataset: str = DATASET) -> Work:
    return Work(
        title=title,
        kind="Timeline view",
        permalink=permalink,
        accessed=accessed,
        key=view_key(permalink, dataset),
        dataset=dataset,
    )


def _access_date(d: date) -> str:
    """The access date in the app's one way of writing a day ('8 June 2020'), like every date it shows."""
    return day_label(d)


def _sentence(text: str) -> str:
    """Text ending in a full stop (unless it already ends in one, or in ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def apa(work: Work) -> str:
    """APA 7: author, (year), title [description], in the dataset (version) [Data set], retrieved, URL."""
    return (
        f"{AUTHOR}. ({work.released.year}). {work.title.strip().rstrip('.')} [{work.kind}]. "
        f"In {work.dataset} (Version {work.version}) [Data set]. "
        f"Retrieved {_access_date(work.accessed)}, from {work.permalink}"
    )


def chicago(work: Work) -> str:
    """Chicago 17 bibliography entry: author, "title," description, dataset, version, year, accessed, URL."""
    return (
        f"{AUTHOR}. “{_sentence(work.title)}” {work.kind}. In {work.dataset}, version {work.version}. "
        f"{work.released.year}. Accessed {_access_date(work.accessed)}. {work.permalink}."
    )


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def bibtex_escape(text: str) -> str:
    """Escape LaTeX's special characters so a title from the data cannot break or inject into the .bib."""
    text = text.replace("\\", r"\textbackslash{}")
    text = _BIBTEX_SPECIAL.sub(r"\\\1", text)
    text = text.replace(r"\textbackslash\{\}", r"\textbackslash{}")
    return text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex(work: Work) -> str:
    """A biblatex-friendly @misc entry (url and urldate fields; BibTeX users get them in `note` too)."""
    fields = [
        ("author", f"{{{AUTHOR}}}"),
        ("title", f"{{{bibtex_escape(work.title.strip())}}}"),
        ("howpublished", bibtex_escape(f"{work.kind}. In: {work.dataset}, version {work.version}")),
        ("year", str(work.released.year)),
        ("version", work.version),
        ("url", work.permalink.replace("{", "%7B").replace("}", "%7D")),
        ("urldate", work.accessed.isoformat()),
        ("note", f"Accessed {work.accessed.isoformat()}"),
    ]
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields)
    return f"@misc{{{work.key},\n{body}\n}}"


def citations(work: Work) -> dict[str, str]:
    """Every style, in the order the page lists them."""
    return {"APA": apa(work), "Chicago": chicago(work), "BibTeX": bibtex(work)}


def describe_view(view: View, *, anchor_title: str | None = None, step_title: str | None = None) -> str:
    """A short title for a view: what a reader would call it in a reference list."""
    if view.step is not None and step_title:
        return f"Guided tour, step {view.step}: {step_title}"
    f = view.filters
    parts = []
    if f.companies is not None:
        parts.append("companies: " + (", ".join(f.companies) or "none"))
    if f.categories is not None:
        parts.append("categories: " + (", ".join(f.categories) or "none"))
    if f.start or f.end:
        first = f"{f.start.day} {f.start:%B %Y}" if f.start else "the beginning"
        last = f"{f.end.day} {f.end:%B %Y}" if f.end else "the latest event"
        parts.append(f"{first} to {last}")
    if f.q:
        parts.append(f"search “{f.q}”")
    if not f.context:
        parts.append("without context lanes")
    if anchor_title:
        parts.append(f"days since {anchor_title}")
    return "Timeline view" + (" (" + "; ".join(parts) + ")" if parts else " (all events)")
