"""Options several commands share, and the settings they make."""

from pathlib import Path
from typing import Annotated

import typer

from flows.settings import Settings

WarehouseOption = Annotated[
    str | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="Where the warehouse lives: a DuckDB file, ducklake:PATH.ducklake (a DuckLake whose catalog is a "
        "DuckDB file) or ducklake:postgres:DSN (its catalog in PostgreSQL, e.g. "
        "'ducklake:postgres:dbname=news host=db user=broadsheet') "
        "[default: ./broadsheet.duckdb, or $BROADSHEET_WAREHOUSE].",
        show_default=False,
    ),
]
DataPathOption = Annotated[
    str | None,
    typer.Option(
        help="Where a new DuckLake keeps its Parquet files: a folder, or an s3:// URL; given again later it must "
        "match [default: beside a file catalog, PATH.ducklake.files/; or $BROADSHEET_DATA_PATH].",
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
InputFormatOption = Annotated[
    str | None,
    typer.Option(
        help="The kind of every file, for extensions that say nothing (.cor, .dat): txt, lines (one article per "
        "line), jsonl, json, csv, tsv, feed or html [default: by extension or content, or $BROADSHEET_INPUT_FORMAT].",
        show_default=False,
    ),
]
CategoryNamesOption = Annotated[
    Path | None,
    typer.Option(
        help="A file naming category codes: one name per line (line n names code n, as AG News's classes.txt) "
        "or code,name rows.",
        show_default=False,
    ),
]


def settings(warehouse: str | None, **overrides: object) -> Settings:
    """Defaults, then BROADSHEET_* variables, then the options given on the command line."""
    given = {key: value for key, value in overrides.items() if value is not None}
    if warehouse is not None:
        given["warehouse"] = warehouse
    return Settings(**given)  # type: ignore[arg-type]


WorkersOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Worker processes that enrich articles, a local Dask cluster; 1 runs without Dask "
        "[default: one per core, or $BROADSHEET_WORKERS].",
        show_default=False,
    ),
]
DaskAddressOption = Annotated[
    str | None,
    typer.Option(
        help="Enrich on an existing Dask cluster: its scheduler's address, tcp://HOST:PORT "
        "[default: $BROADSHEET_DASK_ADDRESS]. Its workers need broadsheet installed and, across machines, "
        "PREFECT_API_URL set to a Prefect server they reach.",
        show_default=False,
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv (with a header row) or json.")]
WaitOption = Annotated[float | None, typer.Option(help="Seconds to wait for another run on the same warehouse.")]
BatchRecordsOption = Annotated[
    int | None,
    typer.Option(
        help="Records per batch, each published in one transaction [default: 2,000, or $BROADSHEET_BATCH_RECORDS]."
    ),
]
