"""`broadsheet lake`: looking after a DuckLake warehouse's snapshots and files."""

import re
from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer

from flows.cli.app import app
from flows.cli.options import WarehouseOption, settings
from flows.cli.output import EXIT_FAILED, EXIT_USAGE, err, out
from flows.cli.queries import open_warehouse

lake_app = typer.Typer(help="Look after a DuckLake warehouse: expire old snapshots, compact and delete files.")
app.add_typer(lake_app, name="lake")

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def age(text: str) -> timedelta:
    """`30d`, `12h`, `2w`, `90m` or `45s` as a span of time; a ValueError otherwise."""
    match = _AGE.match(text)
    if not match:
        raise ValueError(f"--older-than takes a number and a unit (s, m, h, d or w), e.g. 30d, not {text!r}")
    return timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})


@lake_app.command()
def expire(
    older_than: Annotated[str, typer.Option(help="Expire snapshots older than this: 30d, 12h, 2w, 90m or 45s.")],
    warehouse: WarehouseOption = None,
) -> None:
    """Expire the lake's snapshots older than `--older-than`, merge its small data files, and delete the files
    that no kept snapshot reads (and those a killed run wrote but never committed). Loads whose snapshot went can
    no longer be read with `sql --as-of-load`.

    Example: `broadsheet lake expire --older-than 30d --warehouse ducklake:news.ducklake`
    """
    from warehouse.connection import WarehouseBusy, WarehouseUnavailable
    from warehouse.lake import Lake

    try:
        cutoff = datetime.now(UTC) - age(older_than)
    except ValueError as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    store = open_warehouse(settings(warehouse))
    if not isinstance(store, Lake):
        err.print(f"[red]Error:[/red] {store} is a DuckDB file, which keeps no snapshots to expire", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        with store.writer_lock():
            done = store.expire(cutoff)
    except (WarehouseBusy, WarehouseUnavailable) as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None
    finally:
        store.close()
    out.print(
        f"Expired {done['expire_snapshots']} snapshots older than {cutoff:%Y-%m-%d %H:%M} UTC; merged "
        f"{done['merge_files']} data files; deleted {done['cleanup_files']} files no snapshot reads and "
        f"{done['delete_orphans']} that killed runs left uncommitted",
        highlight=False,
    )
