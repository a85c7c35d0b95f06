"""What the file commands share: the options that say how to read a file (--dayfirst/--monthfirst,
--all) and the report of its problems, grouped by kind, on the terminal."""

from __future__ import annotations

from collections.abc import Sequence

import click

from dashboard.data.errors import Problem, grouped

PER_KIND = 10  # problems listed per kind unless --all

day_order_option = click.option(
    "--dayfirst/--monthfirst", "dayfirst", default=None,
    help="How numeric dates such as 03/04/2020 are written (default: as each date column's other dates show; "
         "an error when they cannot tell).")
all_option = click.option("--all", "show_all", is_flag=True,
                          help=f"List every problem (default: at most {PER_KIND} of each kind).")


def day_order(dayfirst: bool | None) -> str | None:
    """The --dayfirst/--monthfirst flag as the readers' day order (None: let each date column tell)."""
    from dashboard.data.dates import DAY_FIRST, MONTH_FIRST

    return None if dayfirst is None else DAY_FIRST if dayfirst else MONTH_FIRST


def report_problems(
    errors: Sequence[Problem], warnings: Sequence[Problem], *, limit: int | None = None
) -> None:
    """Problems grouped by kind under headings on standard error, one `file:line:column: problem (hint)` line
    each on standard output (so the output stays one problem per line when redirected); with `limit`, at most
    that many lines per kind and a count of the rest."""
    def more(n: int) -> None:
        if n > 0:
            click.echo(f"   ... and {n} more of this kind (--all lists them)", err=True)

    for kind, items in grouped(errors):
        click.echo(f"== {kind} ({len(items)})", err=True)
        for problem in items[:limit]:
            click.echo(str(problem))
        more(len(items) - (limit or len(items)))
    for kind, items in grouped(warnings):
        click.echo(f"== warnings: {kind} ({len(items)})", err=True)
        for warning in items[:limit]:
            click.echo(f"warning: {warning}", err=True)
        more(len(items) - (limit or len(items)))
