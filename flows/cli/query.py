"""`broadsheet sql`, `runs`, `quarantine` and `validate`: read-only questions to the warehouse."""

from typing import Annotated

import typer

from flows.cli.app import app
from flows.cli.options import FormatOption, WarehouseOption, settings
from flows.cli.output import EXIT_FAILED, EXIT_USAGE, err, out, render
from flows.cli.queries import check_format, run_query, validate_published


def sql_text(name: str) -> str:
    """A query kept in `warehouse/sql/<name>.sql`."""
    from warehouse.sql_files import sql as read

    return read(name)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query; the warehouse is opened read-only.")],
    warehouse: WarehouseOption = None,
    format: FormatOption = "table",
    as_of_load: Annotated[
        int | None,
        typer.Option(
            help="Answer against the warehouse as it was when load N finished (a DuckLake keeps every load's "
            "snapshot until `broadsheet lake expire`).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run a read-only SQL query against the warehouse.

    Example: `broadsheet sql "select category, count(*) from v_articles group by all" --format csv`
    """
    if not query.strip():
        err.print("[red]Error:[/red] the query is empty")
        raise typer.Exit(EXIT_USAGE)
    run_query(settings(warehouse), query, [], format, as_of_load=as_of_load)


@app.command()
def runs(
    warehouse: WarehouseOption = None,
    limit: Annotated[int, typer.Option(help="How many of the latest runs.")] = 20,
    format: FormatOption = "table",
) -> None:
    """List the latest runs with what each read, published, recognised as duplicate and quarantined."""
    run_query(settings(warehouse), sql_text("cli/runs"), [limit], format)


@app.command()
def sources(
    warehouse: WarehouseOption = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this source (by its name).")] = None,
    loads: Annotated[int, typer.Option(help="How many of the latest loads.")] = 10,
    format: FormatOption = "table",
) -> None:
    """Show each source's quality scorecard, load by load: records read, published, duplicates, quarantined,
    articles without a date and entities per article (`v_source_quality`).

    Example: `broadsheet sources --source bbc --format csv`
    """
    run_query(settings(warehouse), sql_text("cli/sources"), [source, loads], format)


@app.command()
def quarantine(
    warehouse: WarehouseOption = None,
    load_id: Annotated[int | None, typer.Option("--load", help="Only this load.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows at most.")] = 50,
    format: FormatOption = "table",
) -> None:
    """Show quarantined records: where each was read from, at which stage it was stopped, and why."""
    run_query(settings(warehouse), sql_text("cli/quarantine"), [load_id, limit], format)


@app.command()
def validate(
    warehouse: WarehouseOption = None,
    format: FormatOption = "table",
    all_results: Annotated[bool, typer.Option("--all", help="List passing expectations too.")] = False,
) -> None:
    """Re-run every expectation suite against the published tables; exit 1 if any expectation fails.

    Example: `broadsheet validate --warehouse news.duckdb`
    """
    import polars as pl

    check_format(format)
    validations = validate_published(settings(warehouse))
    shown = validations if all_results else validations.filter(~pl.col("success"))
    shown = shown.select("suite", "expectation", "column_name", "success", "unexpected_count", "observed_value")
    if shown.height or format != "table":  # scripts reading csv or json get their (empty) document
        render(shown.columns, shown.rows(), format, out)
    failed = validations.filter(~pl.col("success")).height
    err.print(
        f"{validations.height} expectations over {validations['suite'].n_unique()} tables: "
        + (f"[red]{failed} failed[/red]" if failed else "all passed"),
        highlight=False,
    )
    if failed:
        raise typer.Exit(EXIT_FAILED)
