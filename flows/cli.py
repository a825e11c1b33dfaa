"""`broadsheet`: the command line.

Exit codes: 0 done; 1 the run failed (reason on stderr); 2 bad usage or a source that cannot be read;
3 the quality gate blocked the batch (nothing published); 4 the warehouse is busy with another load.
"""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from flows.output import FORMATS, render
from flows.settings import Settings, sample_folder

EXIT_FAILED, EXIT_USAGE, EXIT_BLOCKED, EXIT_BUSY = 1, 2, 3, 4

app = typer.Typer(
    name="broadsheet",
    help="A news-article data warehouse: load articles with Prefect, query them with SQL.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)

Warehouse = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="The warehouse's DuckDB file [default: ./broadsheet.duckdb, or $BROADSHEET_WAREHOUSE].",
        show_default=False,
    ),
]


def settings(warehouse: Path | None, **overrides: object) -> Settings:
    """Defaults, then BROADSHEET_* variables, then the options given on the command line."""
    given = {key: value for key, value in overrides.items() if value is not None}
    if warehouse is not None:
        given["warehouse"] = warehouse
    return Settings(**given)  # type: ignore[arg-type]


@app.callback()
def main() -> None:
    """broadsheet loads news articles into a DuckDB star schema, audited by Great Expectations."""
    # Prefect reads these when first imported: no telemetry, and quiet about its own temporary API.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")


@app.command()
def run(
    sources: Annotated[
        list[Path] | None, typer.Argument(help="Folders or files of articles [default: the bundled sample].")
    ] = None,
    warehouse: Warehouse = None,
    source_name: Annotated[
        str | None, typer.Option(help="Name of the source [default: the folder's name].")
    ] = None,
    wait: Annotated[
        float | None, typer.Option(help="Seconds to wait for another run on the same warehouse.")
    ] = None,
) -> None:
    """Load articles into the warehouse: read, stage, enrich, model, write, audit, publish.

    Publishes only a batch that passes the quality gate; exits 3 when the gate blocks it.

    Example: `broadsheet run ../shared/corpora/bbc --warehouse news.duckdb`
    """
    config = settings(warehouse, wait_seconds=wait)
    paths = sources or [sample_folder()]
    from flows.pipeline import BatchBlocked, run_pipeline
    from flows.sources import SourceError
    from warehouse.connection import WarehouseBusy
    from warehouse.lock import RunInProgress

    name = source_name or ("sample" if not sources else None)
    try:
        summary = run_pipeline(
            [str(p) for p in paths], str(config.warehouse), name, config.run_options()
        )
    except BatchBlocked as blocked:
        _report(blocked.summary)
        err.print(f"[red]Blocked:[/red] {blocked.summary.message}", highlight=False)
        raise typer.Exit(EXIT_BLOCKED) from None
    except SourceError as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    except (RunInProgress, WarehouseBusy) as error:
        err.print(f"[red]Busy:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_BUSY) from None
    except Exception as error:  # the flow logged the traceback; scripts get the reason and a failing code
        err.print(f"[red]Run failed:[/red] {type(error).__name__}: {error}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None
    _report(summary)


def _report(summary: object) -> None:
    s = summary  # a flows.pipeline.RunSummary
    err.print(
        f"Load {s.load_id} {s.status}: read {s.records_read}, published {s.published}, "  # type: ignore[attr-defined]
        f"duplicates {s.duplicates}, quarantined {s.quarantined}"  # type: ignore[attr-defined]
        + (f", blocked {s.blocked}" if s.blocked else "")  # type: ignore[attr-defined]
        + f"\nWarehouse: {s.warehouse}",  # type: ignore[attr-defined]
        highlight=False,
    )


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query; the warehouse is opened read-only.")],
    warehouse: Warehouse = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv (with a header row) or json.")] = "table",
) -> None:
    """Run a read-only SQL query against the warehouse.

    Example: `broadsheet sql "select category, count(*) from v_articles group by all" --format csv`
    """
    if format not in FORMATS:
        err.print(f"[red]Error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    _query(settings(warehouse), query, [], format)


@app.command()
def runs(
    warehouse: Warehouse = None,
    limit: Annotated[int, typer.Option(help="How many of the latest runs.")] = 20,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """List the latest runs with what each read, published, recognised as duplicate and quarantined."""
    _query(settings(warehouse), _read_sql("cli/runs"), [limit], format)


@app.command()
def quarantine(
    warehouse: Warehouse = None,
    load_id: Annotated[int | None, typer.Option("--load", help="Only this load.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows at most.")] = 50,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """Show quarantined records: where each was read from, at which stage it was stopped, and why."""
    _query(settings(warehouse), _read_sql("cli/quarantine"), [load_id, limit], format)


def _read_sql(name: str) -> str:
    from warehouse.sql_files import sql as read

    return read(name)


def _query(config: Settings, query: str, parameters: list[object], fmt: str) -> None:
    import duckdb

    from warehouse.connection import WarehouseBusy, WarehouseMissing, connect

    try:
        con = connect(config.warehouse, read_only=True, wait_seconds=min(config.wait_seconds, 5))
    except WarehouseMissing as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    except WarehouseBusy as error:
        err.print(f"[red]Busy:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_BUSY) from None
    try:
        with con:
            result = con.execute(query, parameters)
            columns = [d[0] for d in result.description or []]
            rows = result.fetchall() if columns else []
    except duckdb.Error as error:
        err.print(f"[red]SQL error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None
    render(columns, rows, fmt, out)


if __name__ == "__main__":
    sys.exit(app())
