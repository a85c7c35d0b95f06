"""The `frt-timeline` command: serve, validate, convert, export. Errors become messages and exit codes,
never tracebacks.

Exit codes: 0 done; 1 an input file is invalid; 2 a usage problem (bad option, unknown company, a missing
browser for images), with one line saying what to do.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dashboard.cli_report import PER_KIND, all_option, day_order, day_order_option, report_problems
from dashboard.cli_write import convert, export
from dashboard.data.errors import DataError
from dashboard.data.load import default_events_path, read_report
from dashboard.view.story import load_story

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050

context_option = click.option(
    "--context", "context_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="A context series CSV (a date column and a count, or one row per event) drawn under the lanes.")
context_date_option = click.option(
    "--context-date", default=None, metavar="COLUMN",
    help="The context file's date column, when it is not `date` or `event_date`.")
context_value_option = click.option("--context-value", default=None, metavar="COLUMN",
                                    help="The context file's value column, when it cannot be detected.")
context_count_option = click.option("--context-count", is_flag=True,
                                    help="Count the context file's rows per day instead of summing a column.")


class ServeByDefault(click.Group):
    """A group whose command is `serve` when none is named: `frt-timeline --port 8051` serves on 8051."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        own = {name for param in self.get_params(ctx) for name in (*param.opts, *param.secondary_opts)}
        if args and args[0].startswith("-") and args[0].split("=", 1)[0] not in own:
            args = ["serve", *args]  # options before any command are serve's
        return super().parse_args(ctx, args)


@click.group(cls=ServeByDefault, invoke_without_command=True)
@click.version_option(package_name="frt-timeline")
@click.pass_context
def main(ctx: click.Context) -> None:
    """frt-timeline: an interactive timeline of big tech's facial-recognition decisions.

    With no command, or with options only (`frt-timeline --port 8051`), it runs `serve`.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


def skip_notebook_support() -> None:
    """A server needs no notebook integration: when IPython is installed, Dash imports it at start (about
    a second); marking it missing makes Dash skip its Jupyter support instead."""
    if "IPython" not in sys.modules and "dash" not in sys.modules:
        sys.modules["IPython"] = None  # type: ignore[assignment]


@main.command()
@click.option("--events", "events_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Events file to show: this project's CSV, a TimelineJS sheet (CSV) or TimelineJS JSON "
              "(default: $FRT_EVENTS or the bundled events.csv).")
@context_option
@context_date_option
@context_value_option
@click.option("--story", "story_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Guided tour to offer (default: $FRT_STORY, or the bundled story.csv with the "
                   "bundled events).")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int, help="Port to listen on.")
@click.option("--debug", is_flag=True, help="Dash debug mode: reloader and dev tools (never in production).")
@click.option("--frame-ancestors", default=None, metavar="SITES",
              help="Sites allowed to frame /embed, e.g. 'https://example.org https://*.example.com' "
                   "(default: $FRT_FRAME_ANCESTORS, else any site). The app's own pages are never framable.")
@click.option("--public-url", default=None, metavar="URL",
              help="The app's public address, e.g. https://timeline.example.org/, used for the absolute URLs "
                   "it writes (oEmbed) instead of the request's Host (default: $FRT_PUBLIC_URL).")
@click.option("--trusted-hosts", default=None, metavar="HOSTS",
              help="Host names to answer, e.g. 'timeline.example.org .example.org' (a leading dot allows "
                   "subdomains); others get a 400 (default: $FRT_TRUSTED_HOSTS, else any).")
def serve(events_path: Path | None, context_path: Path | None, context_date: str | None,
          context_value: str | None, story_path: Path | None, host: str, port: int, debug: bool,
          frame_ancestors: str | None, public_url: str | None, trusted_hosts: str | None) -> None:
    """Start the app (development server; use gunicorn in production)."""
    skip_notebook_support()
    from dashboard.app import create_app  # imported here so `validate` and `--help` stay fast

    try:
        app = create_app(events_path, context_path, context_date=context_date, context_value=context_value,
                         story_path=story_path, frame_ancestors=frame_ancestors, public_url=public_url,
                         trusted_hosts=trusted_hosts)
    except DataError as exc:
        events_name = Path(events_path or default_events_path()).name
        first = exc.problems[0].file if exc.problems else ""
        is_events = not exc.problems or first in (events_name, str(events_path))
        is_tour = story_path is not None and first in (Path(story_path).name, str(story_path))
        what = (f"{events_path or default_events_path()} is not a valid events file" if is_events
                else f"{first} is not a valid guided-tour file" if is_tour
                else f"{context_path} is not a valid context series")
        click.echo(f"Cannot start: {what}.", err=True)
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    except ValueError as exc:
        hint = "--public-url" if "public address" in str(exc) else "--frame-ancestors"
        raise click.BadParameter(str(exc), param_hint=hint) from None
    click.echo(f"frt-timeline is running at http://{host}:{port}/ (press Ctrl+C to stop)")
    app.run(host=host, port=port, debug=debug)




@main.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@context_option
@context_date_option
@context_value_option
@context_count_option
@day_order_option
@all_option
@click.option("--story", "story_path", type=click.Path(path_type=Path), default=None,
              help="Also check a guided-tour file (story.csv) against these events.")
def validate(path: Path | None, context_path: Path | None, context_date: str | None,
             context_value: str | None, context_count: bool, dayfirst: bool | None, show_all: bool,
             story_path: Path | None) -> None:
    """Check an events file (and/or a --context series, a --story tour): exit 0 when valid, 1 with every
    problem when not.

    PATH may be this project's events CSV, a TimelineJS sheet saved as CSV or a TimelineJS JSON file.
    Without PATH (and without --context) it checks what `serve` shows: $FRT_EVENTS or the bundled events.csv,
    with its guided tour.
    """
    if path is None and context_path is None:
        from dashboard.data.load import ENV_VAR
        from dashboard.view.story import story_file_for

        path = default_events_path()
        story_path = story_file_for(path, story_path)
        source = f"${ENV_VAR}" if os.environ.get(ENV_VAR) else "the bundled events file"
        click.echo(f"No PATH given: checking the events file the app serves, {path} ({source}).", err=True)
    valid = True
    limit = None if show_all else PER_KIND
    if path is not None:
        report = read_report(path, day_order=day_order(dayfirst))
        if report.diagnosis:
            click.echo(f"{path}: {report.diagnosis}", err=True)
        report_problems(report.errors, report.warnings, limit=limit)
        for note in report.notes:
            click.echo(f"note: {note}", err=True)
        if report.errors:
            click.echo(f"{path}: {len(report.errors)} problem(s); the file is not valid.", err=True)
            valid = False
        else:
            count = 0 if report.events is None else len(report.events)
            extra = "".join([f", title '{report.title}'" if report.title else "",
                             f", {len(report.eras)} era(s)" if report.eras else ""])
            if report.format != "events CSV" or extra:
                click.echo(f"format: {report.format}{extra}", err=True)
            click.echo(f"{path}: valid, {count} events.")
            if story_path is not None and report.events is not None:
                try:
                    story = load_story(story_path, report.events)
                except DataError as exc:
                    report_problems(exc.problems, [])
                    click.echo(f"{story_path}: {len(exc.problems)} problem(s); the tour is not valid.",
                               err=True)
                    valid = False
                else:
                    click.echo(f"{story_path}: valid, {len(story)} steps.")
    if context_path is not None:
        from dashboard.data.context import CLI_CHOICES, read_context

        context = read_context(context_path, date_column=context_date, value_column=context_value,
                               count_rows=context_count, day_order=day_order(dayfirst), choices=CLI_CHOICES)
        if context.interpretation:
            click.echo(f"{context_path}: {context.interpretation}", err=True)
        report_problems(context.errors, context.warnings, limit=limit)
        if context.errors:
            click.echo(f"{context_path}: {len(context.errors)} problem(s); the context series is not valid.",
                       err=True)
            valid = False
        else:
            click.echo(f"{context_path}: valid context series, {context.summary}.")
    if not valid:
        sys.exit(1)


main.add_command(convert)
main.add_command(export)
