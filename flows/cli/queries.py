"""Read-only queries from the command line: the connection, the format check, and printing the result."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from flows.cli.output import EXIT_BUSY, EXIT_FAILED, EXIT_USAGE, FORMATS, err, out, render
from flows.settings import Settings


@contextmanager
def read_only(config: Settings) -> Iterator[Any]:
    """A read-only connection, or a clear message and exit code when there is none to be had."""
    from warehouse.connection import Warehouse, WarehouseBusy, WarehouseMissing

    # A reader waits a little for a writer's commit, not as long as a run waits for another run.
    warehouse = Warehouse.at(config.warehouse, wait_seconds=min(config.wait_seconds, 5))
    try:
        con = warehouse.connect(read_only=True)
    except WarehouseMissing as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    except WarehouseBusy as error:
        err.print(f"[red]Busy:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_BUSY) from None
    with con:
        yield con


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        err.print(f"[red]Error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)


def run_query(config: Settings, text: str, parameters: list[object], fmt: str) -> None:
    """Run one read-only query and print its rows in `fmt`; a SQL error exits 1 with DuckDB's message."""
    import duckdb

    check_format(fmt)
    try:
        with read_only(config) as con:
            result = con.execute(text, parameters)
            columns = [d[0] for d in result.description or []]
            rows = result.fetchall() if columns else []
    except duckdb.Error as error:
        err.print(f"[red]SQL error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None
    render(columns, rows, fmt, out)


def validate_published(config: Settings) -> Any:
    """Every expectation suite run over the published tables: one row per expectation (`gate.VALIDATIONS`)."""
    from datetime import UTC, datetime

    from expectations.gate import audit, parameters
    from transforms.published import PUBLISHED_TABLES
    from warehouse import load

    with read_only(config) as con:
        tables = {table: load.published(con, table) for table in PUBLISHED_TABLES}
        known = load.published_keys(con)
    return audit(tables, parameters(tables, known, max_failing_share=0.0, now=datetime.now(UTC))).validations
