"""`broadsheet run` and `broadsheet serve`: load articles now, or on a schedule."""

from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from flows.cli.app import app
from flows.cli.options import (
    BatchRecordsOption,
    CategoryNamesOption,
    ColumnsOption,
    DaskAddressOption,
    DataPathOption,
    InputFormatOption,
    MapOption,
    WaitOption,
    WarehouseOption,
    WorkersOption,
    settings,
)
from flows.cli.output import (
    EXIT_ALL_QUARANTINED,
    EXIT_BLOCKED,
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_USAGE,
    err,
    report_outcome,
)
from flows.cli.queries import open_warehouse
from flows.settings import sample_folder

SourcesArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Folders, files or http(s) URLs of articles and feeds [default: the bundled sample]."),
]


@app.command()
def run(
    sources: SourcesArgument = None,
    warehouse: WarehouseOption = None,
    source_name: Annotated[
        str | None,
        typer.Option(
            help="Name of the source [default: the record's own (a publication column, a feed's title), "
            "else the folder's name]."
        ),
    ] = None,
    wait: WaitOption = None,
    batch_records: BatchRecordsOption = None,
    map_fields: MapOption = None,
    columns: ColumnsOption = None,
    input_format: InputFormatOption = None,
    category_names: CategoryNamesOption = None,
    workers: WorkersOption = None,
    dask_address: DaskAddressOption = None,
    data_path: DataPathOption = None,
) -> None:
    """Load articles into the warehouse: read, stage, enrich, model, write, audit, publish.

    Works in batches of `--batch-records` records (2,000), each published in one transaction only if it passes
    the quality gate; exits 3 when the gate blocks one (earlier batches stay published).

    Sources are folders (read recursively), files (.txt, .jsonl, .json, .csv, RSS/Atom .xml, .html) or http(s)
    URLs of feeds and pages; unchanged files are skipped. `--input-format lines` reads a text collection with one
    article per line; articles without a title get one derived from their first sentence.

    Example: `broadsheet run ../shared/corpora/bbc --warehouse news.duckdb`
    """
    config = settings(warehouse, **_loading(wait, batch_records, input_format, workers, dask_address, data_path))
    store = open_warehouse(config)  # a malformed --warehouse fails here, before anything starts
    paths = [str(p) for p in (sources or [str(sample_folder())])]
    name = source_name or ("sample" if not sources else None)
    reading = _read_options(map_fields, columns, config.input_format, category_names)
    missing = next((p for p in paths if "://" not in p and not Path(p).expanduser().exists()), None)
    if missing:  # before Prefect starts, with no traceback
        _fail(EXIT_USAGE, "Error", f"no such file or folder: {missing}")
    from flows.runtime.prefect_server import prefect_api

    with prefect_api() as server:
        # From here a local Prefect server (if one is needed) boots beside this process while it imports.
        from flows.sources import SourceError, discover

        try:
            discover(paths, name, reading["input_format"])  # a file of no kind broadsheet reads fails here
        except SourceError as error:
            _fail(EXIT_USAGE, "Error", str(error))
        from flows.pipeline import RunSummary, run_pipeline

        if server:
            try:
                server.wait_until_healthy()
            except RuntimeError as error:
                _fail(EXIT_FAILED, "Run failed", str(error))
        options, runner = _workers(config.run_options(), server.url if server else None)
        flow = run_pipeline.with_options(task_runner=runner) if runner else run_pipeline
        state = flow(paths, store.location, name, options, reading, config.data_path, return_state=True)
        result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        _fail_run(result)
    assert isinstance(result, RunSummary), result
    report_outcome(result)
    if result.records_read and result.quarantined == result.records_read:
        _fail(
            EXIT_ALL_QUARANTINED,
            "Nothing usable",
            f"every record read was quarantined; see `broadsheet quarantine --load {result.load_id}`",
        )


def _loading(
    wait: float | None,
    batch_records: int | None,
    input_format: str | None,
    workers: int | None,
    address: str | None,
    data_path: str | None,
) -> dict[str, Any]:
    """The settings `run` and `serve` take from their options (None: not given)."""
    return {
        "wait_seconds": wait,
        "batch_records": batch_records,
        "input_format": input_format,
        "workers": workers,
        "dask_address": address,
        "data_path": data_path,
    }


def _workers(options: Any, api_url: str | None) -> tuple[Any, Any]:
    """The run's options with its number of workers settled, and the Dask task runner for them (None: no Dask).

    An existing cluster is checked (and its workers pointed at the run's Prefect API) before anything is read.
    """
    from flows.runtime.cluster import default_workers

    if options.dask_address is None and (options.workers or default_workers()) <= 1:
        return options.model_copy(update={"workers": 1}), None
    from flows.runtime.cluster import SchedulerUnreachable, prepare_cluster, task_runner
    from flows.runtime.prefect_server import configured_api_url

    if options.dask_address is not None:
        try:
            workers = prepare_cluster(options.dask_address, api_url or configured_api_url())
        except SchedulerUnreachable as error:
            _fail(EXIT_USAGE, "Error", str(error))
    else:
        workers = options.workers or default_workers()
    return options.model_copy(update={"workers": workers}), task_runner(workers, options.dask_address)


def _fail_run(error: BaseException) -> NoReturn:
    """Exit with the code and one-line reason a run's error stands for (the flow logged any traceback)."""
    from flows.pipeline import BatchBlocked
    from flows.sources import SourceError
    from warehouse.connection import WarehouseBusy, WarehouseUnavailable
    from warehouse.lake import LakeMismatch
    from warehouse.lock import RunInProgress

    if isinstance(error, BatchBlocked):
        report_outcome(error.summary)
        _fail(EXIT_BLOCKED, "Blocked", str(error.summary.message))
    if isinstance(error, SourceError):
        _fail(EXIT_USAGE, "Error", str(error))
    if isinstance(error, RunInProgress | WarehouseBusy):
        _fail(EXIT_BUSY, "Busy", str(error))
    if isinstance(error, LakeMismatch):
        _fail(EXIT_USAGE, "Error", str(error))
    if isinstance(error, WarehouseUnavailable):
        _fail(EXIT_FAILED, "Run failed", str(error))
    _fail(EXIT_FAILED, "Run failed", f"{type(error).__name__}: {error}")


def _fail(code: int, label: str, message: str) -> NoReturn:
    err.print(f"[red]{label}:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _read_options(
    map_fields: list[str] | None, columns: str | None, input_format: str | None, category_names: Path | None
) -> dict[str, Any]:
    """The flow's `read_options` (`flows.sources.ReadOptions`) from the command line; a malformed one is a usage
    error."""
    from transforms.parse.category_names import category_names as read_names
    from transforms.parse.detect import INPUT_FORMATS
    from transforms.parse.fields import parse_mapping

    if input_format is not None and input_format not in INPUT_FORMATS:
        _fail(EXIT_USAGE, "Error", f"--input-format must be one of {', '.join(INPUT_FORMATS)}, not {input_format}")
    try:
        names = read_names(category_names.read_text(encoding="utf-8-sig")) if category_names else {}
        return {
            "mapping": parse_mapping(map_fields or []),
            "columns": [c.strip() for c in columns.split(",")] if columns else None,
            "input_format": input_format,
            "category_names": names,
        }
    except (ValueError, OSError) as error:
        _fail(EXIT_USAGE, "Error", str(error))


@app.command()
def serve(
    sources: Annotated[list[str] | None, typer.Argument(help="Folders, files or URLs to load on every run.")] = None,
    warehouse: WarehouseOption = None,
    cron: Annotated[str | None, typer.Option(help='A cron schedule, e.g. "*/15 * * * *".')] = None,
    interval: Annotated[float | None, typer.Option(help="Seconds between runs (instead of --cron).")] = None,
    source_name: Annotated[str | None, typer.Option(help="Name of the source.")] = None,
    wait: WaitOption = None,
    batch_records: BatchRecordsOption = None,
    map_fields: MapOption = None,
    columns: ColumnsOption = None,
    input_format: InputFormatOption = None,
    category_names: CategoryNamesOption = None,
    workers: WorkersOption = None,
    dask_address: DaskAddressOption = None,
    data_path: DataPathOption = None,
) -> None:
    """Run the pipeline on a schedule, as a Prefect deployment, until Ctrl-C.

    Uses the Prefect server at $PREFECT_API_URL; without one, starts a local Prefect server for as long as
    it serves and says where its UI is.

    Example: `broadsheet serve ../news --cron "*/15 * * * *"`
    """
    if (cron is None) == (interval is None):
        _fail(EXIT_USAGE, "Error", "give exactly one of --cron or --interval")
    config = settings(warehouse, **_loading(wait, batch_records, input_format, workers, dask_address, data_path))
    store = open_warehouse(config)
    reading = _read_options(map_fields, columns, config.input_format, category_names)
    paths = [s if "://" in s else str(Path(s).expanduser().resolve()) for s in (sources or [str(sample_folder())])]
    name = source_name or ("sample" if not sources else None)
    from flows.runtime.prefect_server import prefect_api
    from flows.serve import serve_pipeline

    def say(message: str) -> None:
        err.print(message, highlight=False)

    try:
        with prefect_api(scheduler=True) as server:
            if server:
                server.wait_until_healthy()
                say(f"Started a local Prefect server for the schedule; its UI is at {server.ui_url}")
            options, runner = _workers(config.run_options(), server.url if server else None)
            arguments = (paths, store.location, name, options, reading, config.data_path)
            try:
                serve_pipeline(*arguments, cron=cron, interval=interval, task_runner=runner)
            finally:
                if server:
                    say("Stopped the local Prefect server")
    except KeyboardInterrupt:
        say("Stopped serving")
