"""Read-only queries from the command line: the connection, the format check, and printing the result."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from flows.cli.output import EXIT_BUSY, EXIT_FAILED, EXIT_USAGE, FORMATS, err, out, render
from flows.settings import Settings


def open_warehouse(config: Settings, *, wait_seconds: float | None = None) -> Any:
    """The configured warehouse (`warehouse.location`), or a usage error that names the forms it takes."""
    from warehouse.location import BadLocation, warehouse_at

    try:
        return warehouse_at(
            config.warehouse,
            data_path=config.data_path,
            memory_limit=config.duckdb_memory_limit,
            wait_seconds=config.wait_seconds if wait_seconds is None else wait_seconds,
        )
    except BadLocation as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None


@contextmanager
def read_only(config: Settings, *, as_of_load: int | None = None) -> Iterator[Any]:
    """A read-only connection (to the warehouse as load `as_of_load` left it, if given), or a clear message and
    exit code when there is none to be had."""
    from warehouse.connection import WarehouseBusy, WarehouseMissing, WarehouseUnavailable
    from warehouse.lake import LakeMismatch

    # A reader waits a little for a writer's commit, not as long as a run waits for another run.
    warehouse = open_warehouse(config, wait_seconds=min(config.wait_seconds, 5))
    try:
        if as_of_load is not None:
            warehouse = _as_of(warehouse, as_of_load)
        con = warehouse.connect(read_only=True)
    except (WarehouseMissing, LakeMismatch, ValueError) as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    except WarehouseBusy as error:
        err.print(f"[red]Busy:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_BUSY) from None
    except WarehouseUnavailable as error:
        err.print(f"[red]Unavailable:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None
    try:
        with con:
            yield con
    finally:
        warehouse.close()


def _as_of(warehouse: Any, load_id: int) -> Any:
    """The warehouse pinned to the snapshot load `load_id` ended at; a ValueError saying why there is none."""
    with warehouse.connect(read_only=True) as con:
        kept = warehouse.kept_snapshots(con)
        if kept is None:
            raise ValueError(f"{warehouse} keeps no snapshots: --as-of-load needs a DuckLake (--warehouse ducklake:…)")
        row = con.execute("SELECT status, snapshot_id FROM etl_run WHERE load_id = ?", [load_id]).fetchone()
    warehouse.close()
    if row is None:
        raise ValueError(f"there is no load {load_id}: `broadsheet runs` lists them")
    status, snapshot = row
    if snapshot is None:
        raise ValueError(f"load {load_id} ({status}) recorded no snapshot: it has not finished")
    if snapshot not in kept:
        raise ValueError(f"the snapshot of load {load_id} ({snapshot}) was expired by `broadsheet lake expire`")
    return warehouse.as_of(snapshot)


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        err.print(f"[red]Error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)


def run_query(
    config: Settings, text: str, parameters: list[object], fmt: str, *, as_of_load: int | None = None
) -> None:
    """Run one read-only query and print its rows in `fmt`; a SQL error exits 1 with DuckDB's message."""
    import duckdb

    check_format(fmt)
    try:
        with read_only(config, as_of_load=as_of_load) as con:
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
