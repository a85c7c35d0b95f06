"""The `frt-timeline` command: serve, validate. Errors become messages and exit codes, never tracebacks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .data import default_events_path, read_report
from .errors import DataError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050


@click.group(invoke_without_command=True)
@click.version_option(package_name="frt-timeline")
@click.pass_context
def main(ctx: click.Context) -> None:
    """frt-timeline: an interactive timeline of big tech's facial-recognition decisions."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


@main.command()
@click.option("--events", "events_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Events CSV to show (default: $FRT_EVENTS or the bundled events.csv).")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int, help="Port to listen on.")
@click.option("--debug", is_flag=True, help="Dash debug mode: reloader and dev tools (never in production).")
def serve(events_path: Path | None, host: str, port: int, debug: bool) -> None:
    """Start the app (development server; use gunicorn in production)."""
    from .app import create_app  # imported here so `validate` and `--help` stay fast

    try:
        app = create_app(events_path)
    except DataError as exc:
        click.echo(f"Cannot start: {events_path or default_events_path()} is not a valid events file.", err=True)
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    click.echo(f"frt-timeline is running at http://{host}:{port}/ (press Ctrl+C to stop)")
    app.run(host=host, port=port, debug=debug)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
def validate(path: Path) -> None:
    """Check an events CSV: exit 0 when valid, 1 with one line per problem when not."""
    report = read_report(path)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.errors:
        for problem in report.errors:
            click.echo(str(problem))
        click.echo(f"{path}: {len(report.errors)} problem(s); the file is not valid.", err=True)
        sys.exit(1)
    count = 0 if report.events is None else len(report.events)
    click.echo(f"{path}: valid, {count} events.")
