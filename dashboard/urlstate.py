"""The URL is the view: parse a query string into a View (tolerantly) and serialize one back.

Only non-default values are written. Unknown parameters are ignored silently (old or foreign links keep
working); unknown values of known parameters are ignored with a notice the page shows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

from . import schema
from .filters import Filters

MAX_Q = 200


@dataclass(frozen=True)
class View:
    """Everything a URL describes: the filters and the selected event."""

    filters: Filters = field(default_factory=Filters)
    event: str | None = None


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _choices(
    values: Sequence[str], allowed: Collection[str], name: str, notices: list[str]
) -> tuple[str, ...] | None:
    """Repeatable parameter -> tuple of allowed values; None (no filter) when absent or all unknown."""
    if not values:
        return None
    given = [v.strip() for v in values]
    if all(v == "" for v in given):
        return ()  # `company=` selects none
    unknown = [v for v in given if v and v not in allowed]
    if unknown:
        notices.append(f"Ignored unknown {name} {', '.join(repr(u) for u in unknown)}.")
    ok = tuple(dict.fromkeys(v for v in given if v in allowed))
    return ok or None


def parse(
    query: str | Mapping[str, Sequence[str]] | None,
    *,
    companies: Collection[str] = schema.COMPANIES,
    categories: Collection[str] = tuple(schema.CATEGORIES),
    event_ids: Collection[str] | None = None,
) -> tuple[View, list[str]]:
    """Query string (with or without '?') or a parsed mapping -> (View, notices). Never raises."""
    if query is None:
        params: Mapping[str, Sequence[str]] = {}
    elif isinstance(query, str):
        params = parse_qs(query.lstrip("?"), keep_blank_values=True)
    else:
        params = query
    notices: list[str] = []

    def first(name: str) -> str:
        values = params.get(name) or [""]
        return values[-1].strip()

    start = end = None
    for name in ("start", "end"):
        raw = first(name)
        if raw:
            parsed = _parse_date(raw)
            if parsed is None:
                notices.append(f"Ignored {name}={raw!r}: dates are written YYYY-MM-DD.")
            elif name == "start":
                start = parsed
            else:
                end = parsed
    if start and end and start > end:
        notices.append("The start date was after the end date; they have been swapped.")
        start, end = end, start

    context_raw = first("context")
    context = True
    if context_raw in ("0", "false", "no", "off"):
        context = False
    elif context_raw not in ("", "1", "true", "yes", "on"):
        notices.append(f"Ignored context={context_raw!r}: use 0 or 1.")

    q = first("q")
    if len(q) > MAX_Q:
        notices.append(f"The search text was cut to {MAX_Q} characters.")
        q = q[:MAX_Q].strip()  # a cut can end on a space; the URL never keeps one at the end

    event = first("event") or None
    if event is not None and event_ids is not None and event not in event_ids:
        notices.append(f"There is no event with id {event!r} in this data.")
        event = None

    filters = Filters(
        companies=_choices(list(params.get("company", [])), companies, "company", notices),
        categories=_choices(list(params.get("category", [])), categories, "category", notices),
        start=start,
        end=end,
        q=q,
        context=context,
    )
    return View(filters=filters, event=event), notices


def to_params(view: View) -> list[tuple[str, str]]:
    """View -> ordered (name, value) pairs, non-default values only."""
    f = view.filters
    pairs: list[tuple[str, str]] = []
    if f.companies is not None:
        pairs += [("company", c) for c in f.companies] or [("company", "")]
    if f.categories is not None:
        pairs += [("category", c) for c in f.categories] or [("category", "")]
    if f.start:
        pairs.append(("start", f.start.isoformat()))
    if f.end:
        pairs.append(("end", f.end.isoformat()))
    if f.q:
        pairs.append(("q", f.q))
    if not f.context:
        pairs.append(("context", "0"))
    if view.event:
        pairs.append(("event", view.event))
    return pairs


def serialize(view: View) -> str:
    """View -> '?a=b&...' or '' for the default view."""
    pairs = to_params(view)
    return "?" + urlencode(pairs) if pairs else ""


def with_event(view: View, event: str | None) -> View:
    return replace(view, event=event)
