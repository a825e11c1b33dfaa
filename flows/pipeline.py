"""The `broadsheet-run` flow: read, then batch by batch stage → enrich → model → write → audit → publish."""

from dataclasses import asdict, dataclass

import polars as pl
from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.states import Failed, State

from flows import steps, tasks
from flows.batch import Ledger, batches, reads
from flows.enrichment import prepare_workers, release_workers
from flows.progress import log_outcome, log_progress
from flows.runtime import memory
from flows.settings import RunOptions
from flows.sources import ReadOptions, Source
from warehouse.connection import Warehouse, WarehouseBusy, WarehouseUnavailable
from warehouse.lake import LakeMismatch
from warehouse.load import Outcome
from warehouse.location import warehouse_at
from warehouse.lock import RunInProgress


@dataclass(frozen=True)
class RunSummary(Outcome):
    """What one run did (its outcome, counted in input records) and where."""

    load_id: int = 0
    warehouse: str = ""


class BatchBlocked(RuntimeError):
    """The quality gate blocked a batch: it and the records after it were not published."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(summary.message)
        self.summary = summary


@flow(name="broadsheet-run", log_prints=False, persist_result=False)
def run_pipeline(
    sources: list[str],
    warehouse: str,
    source_name: str | None = None,
    options: RunOptions | None = None,
    read_options: dict[str, object] | None = None,
    data_path: str | None = None,
) -> RunSummary | State:
    """Load articles from `sources` (folders, files, URLs) into the warehouse; publish only what passes the gate.

    `warehouse` is a DuckDB file or a DuckLake (`warehouse.location`; `data_path` for a new lake's files). A run
    that the gate blocks, that finds the warehouse busy, or whose lake catalog cannot be reached ends Failed with
    that one message (its state's data is the error: `BatchBlocked`, `RunInProgress`, `WarehouseBusy`,
    `WarehouseUnavailable`, `LakeMismatch`); any other error fails it with a traceback. `read_options` are
    `flows.sources.ReadOptions`: `mapping` (field → column), `columns` (a headerless CSV's), `input_format` (the
    kind of every file) and `category_names` (code → name).
    """
    options = options or RunOptions()
    memory.keep_large_buffers_mapped()
    store = warehouse_at(
        warehouse, data_path=data_path, memory_limit=options.duckdb_memory_limit, wait_seconds=options.wait_seconds
    )
    reading = ReadOptions(**(read_options or {}))  # type: ignore[arg-type]
    found = tasks.find_sources(sources, source_name, reading)
    try:
        with store.writer_lock(on_wait=get_run_logger().warning) as lock:
            opened = tasks.open_run(store, sources, flow_run.id)
            if lock:
                lock.describe(load_id=opened.load_id)
            try:
                outcome = load(store, opened, found, reading, options)
            except Exception as error:
                tasks.record_failure(store, opened.load_id, error)
                raise store.explain(error) from error
        summary = RunSummary(**asdict(outcome), load_id=opened.load_id, warehouse=str(store))
        log_outcome(summary, summary.load_id)
        if summary.status == "blocked":
            raise BatchBlocked(summary)
    except (BatchBlocked, RunInProgress, WarehouseBusy, WarehouseUnavailable, LakeMismatch) as stopped:
        return Failed(message=str(stopped), data=stopped)
    finally:
        store.close()
    return summary


def load(
    store: Warehouse, opened: tasks.Opened, found: list[Source], reading: ReadOptions, options: RunOptions
) -> Outcome:
    """Every read, batch by batch; while one batch is written, audited and published, the workers enrich the next.
    A blocked batch stops the load there (the batches before it stay published)."""
    ledger = Ledger(read_options=reading.fingerprint())
    to_read = tasks.skip_unchanged(found, opened.source_files, ledger)
    if to_read and (options.workers or 1) > 1:
        prepare_workers(options)  # the workers start and load their models while this process reads and stages
    published, ahead, load_id = opened.published, None, opened.load_id
    for sources in reads(to_read, options.read_bytes):
        read = tasks.read_sources(sources, reading)
        ledger.add_read(read)
        for offset, records in batches(read.raw, options.batch_records):
            modelled = steps.model(store, load_id, ahead, published, options) if ahead else None
            published = modelled.published if modelled else published
            ahead = steps.stage(records, read, offset, published, options)
            if modelled:
                if not steps.publish(store, load_id, modelled, ledger, options).passed:
                    return stopped(store, load_id, ledger, held_back=read.raw.slice(offset))
                log_progress(ledger, len(to_read))
    if ahead:
        last = steps.model(store, load_id, ahead, published, options)
        release_workers()
        if not steps.publish(store, load_id, last, ledger, options).passed:
            return stopped(store, load_id, ledger, held_back=None)
        log_progress(ledger, len(to_read))
    return tasks.finish(store, load_id, ledger)


def stopped(store: Warehouse, load_id: int, ledger: Ledger, held_back: pl.DataFrame | None) -> Outcome:
    """End the load at a blocked batch: the records read after it count as blocked too."""
    if held_back is not None:
        ledger.hold_back(held_back)
    get_run_logger().error("Stopped at the blocked batch: the records after it were not published")
    return tasks.finish(store, load_id, ledger)
