"""The commands that write files: `convert` (an events file to another format, or one view of it) and
`export` (a view to .html, .png, .svg, .pdf, .json or .csv). The input is only read, never changed."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from dashboard.cli_report import PER_KIND, all_option, day_order, day_order_option, report_problems
from dashboard.data.errors import DataError
from dashboard.data.load import default_events_path, read_report
from dashboard.data.validate import Era

TARGETS = ("events", "timelinejs-json", "timelinejs-csv")


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--to", "target", type=click.Choice(TARGETS), required=True,
              help="events: this project's CSV; timelinejs-json; timelinejs-csv: a sheet for TimelineJS.")
@click.option("--out", "out", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), required=True,
              help="The file to write ('-' for standard output).")
@click.option("--force", is_flag=True, help="Replace FILE when it exists.")
@day_order_option
@all_option
@click.option("--url", default=None, help="Convert only the view of a link to the app (as `export --url`).")
@click.option("--company", multiple=True, help="Convert only events about this company (repeatable).")
@click.option("--category", multiple=True, help="Convert only this category (repeatable).")
@click.option("--start", default=None, metavar="YYYY-MM-DD", help="First day.")
@click.option("--end", default=None, metavar="YYYY-MM-DD", help="Last day.")
@click.option("--q", default=None, help="Text to search in title, description and actor.")
@click.option("--context/--no-context", default=None,
              help="Keep events that concern no company while --company filters (default: keep).")
@click.option("--title", "title", default=None,
              help="The title (a TimelineJS title slide; default: the file's own, else the title in its "
                   "settings file).")
@click.option("--subtitle", default=None, help="The title slide's text (default: as --title).")
def convert(source: Path, target: str, out: Path, force: bool, dayfirst: bool | None, show_all: bool,
            url: str | None, company: tuple[str, ...], category: tuple[str, ...], start: str | None,
            end: str | None, q: str | None, context: bool | None, title: str | None,
            subtitle: str | None) -> None:
    """Convert an events file between formats (the input is only read, never changed), or only a view of it
    with the view options of `export`: the file written is self-contained (links to events outside the view
    are left out, with a note).

    \b
    A TimelineJS file gets a title slide (the file's title, else the `title` and `description` of the
    settings file beside it, e.g. events.settings.json) and the protest band shaded in the app as an era.
    """
    from dashboard.data.formats.writers import write
    from dashboard.data.settings import load_settings

    report = read_report(source, day_order=day_order(dayfirst))
    if report.errors or report.events is None:
        if report.diagnosis:
            click.echo(f"{source}: {report.diagnosis}", err=True)
        report_problems(report.errors, report.warnings, limit=None if show_all else PER_KIND)
        click.echo(f"{source}: {len(report.errors)} problem(s); nothing was written.", err=True)
        sys.exit(1)
    to_stdout = str(out) == "-"
    if not to_stdout:
        if out.exists() and source.exists() and out.resolve() == source.resolve():
            raise click.ClickException(f"{out} is the input file; write the converted file elsewhere")
        if out.exists() and not force:
            raise click.ClickException(f"{out} exists; pass --force to replace it")
    try:
        settings = load_settings(source, frozenset(report.events["id"]))
    except DataError as exc:
        report_problems(exc.problems, [], limit=None)
        click.echo(f"{source}: its settings file has {len(exc.problems)} problem(s); nothing was written.",
                   err=True)
        sys.exit(1)
    events, view_notes = _view_of(report.events, url, company, category, start, end, q, context)
    eras = list(report.eras)
    if target != "events":  # the events CSV keeps the categories the band is drawn from
        eras += _band_eras(report.events, settings.band_event, eras)
    eras, era_notes = _eras_within(events, eras) if len(events) < len(report.events) else (eras, [])
    result = write(target, events, title=(report.title or settings.title) if title is None else title,
                   subtitle=(report.subtitle or settings.description) if subtitle is None else subtitle,
                   eras=eras)
    view_notes += era_notes
    result.notes[:0] = view_notes
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    if to_stdout:
        click.echo(result.text, nl=False)
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write(result.text)
    click.echo(f"wrote {out}: {len(events)} events as {target} (from {report.format}).", err=True)


def _view_of(events: Any, url: str | None, company: tuple[str, ...], category: tuple[str, ...],
             start: str | None, end: str | None, q: str | None,
             context: bool | None) -> tuple[Any, list[str]]:
    """The events of a view (all of them when no view option is given), self-contained, and notes."""
    from dashboard.data.relations import keep_within
    from dashboard.view.dataset import of_frame
    from dashboard.view.shown import resolve

    given = bool(company or category or start or end or q or context is not None)
    if not (url or given):
        return events, []
    if url and given:
        raise click.UsageError("give either --url or view options (--company, --start, ...), not both")
    query: str | dict[str, list[str]] = urlsplit(url).query if url else {
        "company": list(company), "category": list(category), "start": [start or ""], "end": [end or ""],
        "q": [q or ""], "context": ["" if context is None else str(int(context))]}
    view = resolve(query, of_frame(events))  # the one resolution, as the app and `export` use
    if view.notices:
        raise click.UsageError(" ".join(view.notices) + " Nothing was written.")
    shown, dropped = keep_within(view.rows)
    notes = [f"the view holds {len(shown)} of {len(events)} events"]
    if dropped:
        notes.append(f"{dropped} link{'s' if dropped != 1 else ''} to events outside the view left out: the "
                     "file is self-contained")
    return shown, notes


def _band_eras(events: Any, preferred: str | None, eras: list[Era]) -> list[Era]:
    """The protest band the app shades (view/bands.py) as an era, unless the file has that era already."""
    from dashboard.view.bands import protest_band

    band = protest_band(events, preferred)
    if band is None:
        return []
    row = events[(events["start"] == band.start) & (events["stop"] == band.stop)
                 & (events["category"] == "protest") & (events["end_date"] != "")].iloc[0]
    era = Era(row["date"], row["end_date"], band.label)
    return [] if era in eras else [era]


def _eras_within(events: Any, eras: list[Era]) -> tuple[list[Era], list[str]]:
    """The eras that overlap a view's events, and a note on the others."""
    from dashboard.data.dates import parse_period

    if events.empty:
        return [], [f"{len(eras)} era(s) left out: the view holds no events"] if eras else []
    first, last = events["start"].min(), events["stop"].max()
    kept = []
    for era in eras:
        start, stop = parse_period(era.date), parse_period(era.end_date)
        if start is None or stop is None or (start.first <= last and stop.last >= first):
            kept.append(era)
    left = len(eras) - len(kept)
    return kept, [f"{left} era{'s' if left != 1 else ''} outside the view's dates left out"] if left else []


def _invalid(exc: DataError, events_path: Path | None, what: str) -> None:
    events_file = Path(events_path or default_events_path())
    first = exc.problems[0].file if exc.problems else ""
    if first in (events_file.name, str(events_file)) or not first:
        click.echo(f"{what}: {events_file} is not a valid events file.", err=True)
    else:
        click.echo(f"{what}: {first} is not a valid guided-tour file.", err=True)
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    sys.exit(1)


def _fail(message: str) -> None:
    click.echo(f"frt-timeline export: {message}", err=True)
    sys.exit(2)


@click.command()
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; the extension picks the format: .html .png .svg .pdf .json .csv")
@click.option("--events", "events_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Events CSV (default: $FRT_EVENTS or the bundled events.csv).")
@click.option("--url", default=None,
              help="Take the view from a link to the app (or to /embed) instead of the view options below.")
@click.option("--company", multiple=True, help="A company to show (repeatable); default all.")
@click.option("--category", multiple=True, help="A category to show (repeatable); default all.")
@click.option("--start", default=None, metavar="YYYY-MM-DD", help="First day.")
@click.option("--end", default=None, metavar="YYYY-MM-DD", help="Last day.")
@click.option("--q", default=None, help="Text to search in title, description and actor.")
@click.option("--context/--no-context", default=None, help="Show the context lanes (default: show).")
@click.option("--event", default=None, help="Id of an event to mark as selected.")
@click.option("--anchor", default=None, metavar="EVENT-ID",
              help="Count days from this event: the x-axis shows days since it instead of dates.")
@click.option("--step", type=click.IntRange(1), default=None,
              help="A step of the guided tour: its view, title and highlighted events.")
@click.option("--story", "story_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The guided tour for --step (default: $FRT_STORY, or the bundled story.csv with the "
                   "bundled events).")
@click.option("--theme", type=click.Choice(["light", "dark"]), default=None, help="Colours (default light).")
@click.option("--legend/--no-legend", default=None, help="Show the category legend (default: show).")
@click.option("--title/--no-title", default=None,
              help="Show the title above an .html or .json chart (images always have one).")
@click.option("--width", type=click.IntRange(200, 10000), default=None,
              help="Image width in pixels (default 1200).")
@click.option("--height", type=click.IntRange(200, 5000), default=None,
              help="Image height in pixels; for .html and .json, the chart's height "
                   "(default: fits the lanes).")
@click.option("--scale", type=click.FloatRange(0.1, 10), default=1.0, show_default=True,
              help="Image scale factor (2 doubles the pixels of a PNG).")
@click.option("--cdn", is_flag=True,
              help="For .html: load plotly.js from its CDN (a small file, but it needs the network).")
@click.option("--base-url", default=None,
              help="Address of the app for the source link (default: from --url).")
@click.option("--force", is_flag=True, help="Replace FILE when it exists.")
def export(out: Path, events_path: Path | None, url: str | None, company: tuple[str, ...],
           category: tuple[str, ...], start: str | None, end: str | None, q: str | None, context: bool | None,
           event: str | None, anchor: str | None, step: int | None, story_path: Path | None,
           theme: str | None, legend: bool | None, title: bool | None, width: int | None,
           height: int | None, scale: float, cdn: bool, base_url: str | None, force: bool) -> None:
    """Write a view of the timeline to a file: interactive .html, .png/.svg/.pdf images, .json or .csv.

    \b
    Examples:
      frt-timeline export --out june.html --company IBM --company Amazon --start 2020-05-01 --end 2020-07-31
      frt-timeline export --out view.png --url 'http://127.0.0.1:8050/?company=IBM' --scale 2
      frt-timeline export --out days.png --company IBM --anchor george-floyd-killed-minneapolis
      frt-timeline export --out tour-6.html --step 6
    """
    from dashboard import export as exporting  # imported here so `validate` and `--help` stay fast
    from dashboard.data.safe import is_http_url
    from dashboard.view import story, urlstate
    from dashboard.view.dataset import load_dataset
    from dashboard.view.shown import resolve
    from dashboard.web.share import links as share

    try:
        exporting.format_of(out)
    except exporting.ExportError as exc:
        _fail(str(exc))
    view_given = bool(company or category or start or end or q or context is not None or event or anchor
                      or step)
    if url and view_given:
        _fail("give either --url or view options (--company, --start, ...), not both")
    if step and (company or category or start or end or q or context is not None or anchor):
        _fail("--step shows that tour step's own view: give --step (and --event) without other view options")
    if url and not (is_http_url(url) and share.kind_of(url, share.root_of(url))):
        _fail(f"--url {url!r} is not a link to the app (http(s)://host/?... or http(s)://host/embed?...)")
    if base_url and not is_http_url(base_url):
        _fail(f"--base-url {base_url!r} is not an http(s) address")
    path = events_path or default_events_path()
    if out.resolve() == Path(path).resolve():
        _fail(f"{out} is the events file; refusing to overwrite it")
    if out.exists() and not force:
        _fail(f"{out} exists; pass --force to replace it. Nothing was written.")
    try:
        dataset = load_dataset(path)
        tour_file = story.story_file_for(Path(path), story_path)
        tour = story.load_story(tour_file, dataset.events) if tour_file is not None else None
    except DataError as exc:
        _invalid(exc, events_path, "Cannot export")

    query: str | dict[str, list[str]]
    if url:
        query = urlsplit(url).query
    else:
        query = {"company": list(company), "category": list(category), "start": [start or ""],
                 "end": [end or ""], "q": [q or ""], "event": [event or ""],
                 "context": ["" if context is None else str(int(context))], "anchor": [anchor or ""],
                 "step": [str(step or "")]}
    options, more = urlstate.parse_embed(query if url else None)
    shown = resolve(query, dataset, tour, theme=options.theme)
    if theme:  # --theme wins over the URL's
        shown = replace(shown, theme=theme)
    problems = [*shown.notices, *more]
    if problems:  # the app shows a view anyway; a file must be exactly the view asked for
        _fail(" ".join(p.removeprefix("Ignored ") for p in problems) + " Nothing was written.")
    options = urlstate.EmbedOptions(
        height=options.height, theme=shown.theme,
        legend=options.legend if legend is None else legend, title=options.title if title is None else title)
    root = base_url or (share.root_of(url) if url else None)
    job = exporting.Export(shown=shown, out=out, options=options, root=root, width=width, height=height,
                           scale=scale, cdn=cdn)
    try:
        count = exporting.write(job)
    except exporting.ExportError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}")
    click.echo(f"Wrote {out} ({count} events).")
    for note in exporting.notes(job):
        click.echo(f"note: {note}")
