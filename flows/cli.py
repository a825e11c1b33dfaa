"""`broadsheet`: the command line.

Exit codes: 0 done; 1 the run failed (reason on stderr); 2 bad usage or a source that cannot be read;
3 the quality gate blocked a batch (it and what follows unpublished); 4 the warehouse is busy with another load;
5 every record the run read was quarantined (nothing usable in the input).
"""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from flows import output, queries
from flows.output import EXIT_ALL_QUARANTINED, EXIT_BLOCKED, EXIT_BUSY, EXIT_FAILED, EXIT_USAGE, err, out, render
from flows.settings import Settings, sample_folder

app = typer.Typer(
    name="broadsheet",
    help="A news-article data warehouse: load articles with Prefect, query them with SQL.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)

Warehouse = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="The warehouse's DuckDB file [default: ./broadsheet.duckdb, or $BROADSHEET_WAREHOUSE].",
        show_default=False,
    ),
]


MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        help="field=column for JSON and CSV, e.g. --map body=article_text or --map title=headline.main (repeatable).",
    ),
]
ColumnsOption = Annotated[str | None, typer.Option(help="Column names of a headerless CSV, e.g. category,title,body.")]


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
        list[str] | None,
        typer.Argument(help="Folders, files or http(s) URLs of articles and feeds [default: the bundled sample]."),
    ] = None,
    warehouse: Warehouse = None,
    source_name: Annotated[
        str | None,
        typer.Option(
            help="Name of the source [default: the record's own (a publication column, a feed's title), "
            "else the folder's name]."
        ),
    ] = None,
    wait: Annotated[float | None, typer.Option(help="Seconds to wait for another run on the same warehouse.")] = None,
    map_fields: MapOption = None,
    columns: ColumnsOption = None,
) -> None:
    """Load articles into the warehouse: read, stage, enrich, model, write, audit, publish.

    Works in batches of BROADSHEET_CHUNK_RECORDS records (2,000), each published in one transaction only if it
    passes the quality gate; exits 3 when the gate blocks one (earlier batches stay published).

    Sources are folders (read recursively), files (.txt, .jsonl, .json, .csv, RSS/Atom .xml, .html) or http(s)
    URLs of feeds and pages; unchanged files are skipped.

    Example: `broadsheet run ../shared/corpora/bbc --warehouse news.duckdb`
    """
    config = settings(warehouse, wait_seconds=wait)
    paths = [str(p) for p in (sources or [str(sample_folder())])]
    name = source_name or ("sample" if not sources else None)
    reading = _read_options(map_fields, columns)
    missing = next((p for p in paths if "://" not in p and not Path(p).expanduser().exists()), None)
    if missing:  # before Prefect starts, with no traceback
        err.print(f"[red]Error:[/red] no such file or folder: {missing}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    from flows.prefect_api import prefect_api

    with prefect_api() as server:
        # From here a local Prefect server (if one is needed) boots beside this process while it imports.
        from flows.sources import SourceError, discover

        try:
            discover(paths, name)  # a file of no kind broadsheet reads fails here, before the flow
        except SourceError as error:
            err.print(f"[red]Error:[/red] {error}", highlight=False)
            raise typer.Exit(EXIT_USAGE) from None
        from flows.pipeline import BatchBlocked, run_pipeline
        from warehouse.connection import WarehouseBusy
        from warehouse.lock import RunInProgress

        try:
            if server:
                server.wait_until_healthy()
            summary = run_pipeline(paths, str(config.warehouse), name, config.run_options(), reading)
        except BatchBlocked as blocked:
            output.report_outcome(blocked.summary)
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
    output.report_outcome(summary)
    if summary.records_read and summary.quarantined == summary.records_read:
        err.print(
            f"[red]Nothing usable:[/red] every record read was quarantined; see `broadsheet quarantine --load "
            f"{summary.load_id}`",
            highlight=False,
        )
        raise typer.Exit(EXIT_ALL_QUARANTINED)


def _read_options(map_fields: list[str] | None, columns: str | None) -> dict[str, object]:
    """The flow's `read_options` from `--map` and `--columns`; a malformed pair is a usage error."""
    from transforms.parse.fields import parse_mapping

    try:
        return {
            "mapping": parse_mapping(map_fields or []),
            "columns": [c.strip() for c in columns.split(",")] if columns else None,
        }
    except ValueError as error:
        err.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query; the warehouse is opened read-only.")],
    warehouse: Warehouse = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv (with a header row) or json.")] = "table",
) -> None:
    """Run a read-only SQL query against the warehouse.

    Example: `broadsheet sql "select category, count(*) from v_articles group by all" --format csv`
    """
    if not query.strip():
        err.print("[red]Error:[/red] the query is empty")
        raise typer.Exit(EXIT_USAGE)
    queries.query(settings(warehouse), query, [], format)


@app.command()
def runs(
    warehouse: Warehouse = None,
    limit: Annotated[int, typer.Option(help="How many of the latest runs.")] = 20,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """List the latest runs with what each read, published, recognised as duplicate and quarantined."""
    queries.query(settings(warehouse), _read_sql("cli/runs"), [limit], format)


@app.command()
def quarantine(
    warehouse: Warehouse = None,
    load_id: Annotated[int | None, typer.Option("--load", help="Only this load.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows at most.")] = 50,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """Show quarantined records: where each was read from, at which stage it was stopped, and why."""
    queries.query(settings(warehouse), _read_sql("cli/quarantine"), [load_id, limit], format)


@app.command()
def validate(
    warehouse: Warehouse = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    all_results: Annotated[bool, typer.Option("--all", help="List passing expectations too.")] = False,
) -> None:
    """Re-run every expectation suite against the published tables; exit 1 if any expectation fails.

    Example: `broadsheet validate --warehouse news.duckdb`
    """
    import polars as pl

    queries.check_format(format)
    validations = queries.validate_published(settings(warehouse))
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


@app.command()
def report(
    warehouse: Warehouse = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for index.html and its images.")] = Path("report"),
    about: Annotated[
        str | None, typer.Option(help="A subject whose coverage gets its own section: places by week.")
    ] = None,
) -> None:
    """Write a static HTML report (opens offline): coverage, entities, places, tone, data quality, runs.

    Example: `broadsheet report --about Mali --out report/`
    """
    from warehouse.report import write_report

    config = settings(warehouse)
    with queries.read_only(config) as con:
        index = write_report(con, out_dir, about=about)
    err.print(f"Report written to {index}", highlight=False)


@app.command()
def serve(
    sources: Annotated[list[str] | None, typer.Argument(help="Folders, files or URLs to load on every run.")] = None,
    warehouse: Warehouse = None,
    cron: Annotated[str | None, typer.Option(help='A cron schedule, e.g. "*/15 * * * *".')] = None,
    interval: Annotated[float | None, typer.Option(help="Seconds between runs (instead of --cron).")] = None,
    source_name: Annotated[str | None, typer.Option(help="Name of the source.")] = None,
    wait: Annotated[float | None, typer.Option(help="Seconds a run waits for another on the same warehouse.")] = None,
    map_fields: MapOption = None,
    columns: ColumnsOption = None,
) -> None:
    """Run the pipeline on a schedule, as a Prefect deployment, until Ctrl-C.

    Uses the Prefect server at $PREFECT_API_URL; without one, starts a local Prefect server for as long as
    it serves and says where its UI is.

    Example: `broadsheet serve ../news --cron "*/15 * * * *"`
    """
    if (cron is None) == (interval is None):
        err.print("[red]Error:[/red] give exactly one of --cron or --interval")
        raise typer.Exit(EXIT_USAGE)
    config = settings(warehouse, wait_seconds=wait)
    reading = _read_options(map_fields, columns)
    paths = [s if "://" in s else str(Path(s).expanduser().resolve()) for s in (sources or [str(sample_folder())])]
    name = source_name or ("sample" if not sources else None)
    from flows.prefect_api import prefect_api
    from flows.serve import serve_pipeline

    def say(message: str) -> None:
        err.print(message, highlight=False)

    arguments = (paths, str(config.warehouse.expanduser().resolve()), name, config.run_options(), reading)
    try:
        with prefect_api(scheduler=True) as server:
            if server:
                server.wait_until_healthy()
                say(f"Started a local Prefect server for the schedule; its UI is at {server.ui_url}")
            try:
                serve_pipeline(*arguments, cron=cron, interval=interval)
            finally:
                if server:
                    say("Stopped the local Prefect server")
    except KeyboardInterrupt:
        say("Stopped serving")


def _read_sql(name: str) -> str:
    from warehouse.sql_files import sql as read

    return read(name)


if __name__ == "__main__":
    sys.exit(app())
