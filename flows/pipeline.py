"""The `broadsheet-run` flow: read, then batch by batch stage → enrich → model → write → audit → publish."""

from dataclasses import asdict, dataclass, replace

import polars as pl
from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.states import Failed, State

from flows import tasks
from flows.batch import Batch, Ledger, Read, batches, reads
from flows.progress import log_outcome, log_progress
from flows.runtime import memory
from flows.settings import RunOptions
from flows.source_tally import batch_sources
from flows.sources import ReadOptions, Source
from warehouse.connection import Warehouse, WarehouseBusy
from warehouse.load import Outcome
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
) -> RunSummary | State:
    """Load articles from `sources` (folders, files, URLs) into the warehouse; publish only what passes the gate.

    A run that the gate blocks, or that finds the warehouse busy, ends Failed with that one message (its state's
    data is the `BatchBlocked`, `RunInProgress` or `WarehouseBusy` error); any other error fails it with a traceback.
    `read_options` are `flows.sources.ReadOptions`: `mapping` (field → column), `columns` (a headerless CSV's),
    `input_format` (the kind of every file) and `category_names` (code → name).
    """
    options = options or RunOptions()
    memory.keep_large_buffers_mapped()
    store = Warehouse.at(warehouse, memory_limit=options.duckdb_memory_limit, wait_seconds=options.wait_seconds)
    reading = ReadOptions(**(read_options or {}))  # type: ignore[arg-type]
    found = tasks.find_sources(sources, source_name, reading)
    try:
        with store.writer_lock(on_wait=get_run_logger().warning) as lock:
            opened = tasks.open_run(store, sources, flow_run.id)
            lock.describe(load_id=opened.load_id)
            try:
                outcome = load(store, opened, found, reading, options)
            except Exception as error:
                tasks.record_failure(store, opened.load_id, error)
                raise
        summary = RunSummary(**asdict(outcome), load_id=opened.load_id, warehouse=str(store))
        log_outcome(summary, summary.load_id)
        if summary.status == "blocked":
            raise BatchBlocked(summary)
    except (BatchBlocked, RunInProgress, WarehouseBusy) as stopped:
        return Failed(message=str(stopped), data=stopped)
    return summary


def load(
    store: Warehouse, opened: tasks.Opened, found: list[Source], reading: ReadOptions, options: RunOptions
) -> Outcome:
    """Every read, batch by batch; a blocked batch stops the load there (the batches before it stay published)."""
    ledger = Ledger(read_options=reading.fingerprint())
    to_read = tasks.skip_unchanged(found, opened.source_files, ledger)
    published = opened.published
    for sources in reads(to_read, options.read_bytes):
        read = tasks.read_sources(sources, reading)
        ledger.add_read(read)
        for offset, records in batches(read.raw, options.batch_records):
            batch, published = process_batch(store, opened.load_id, records, read, published, options)
            ledger.add(batch)
            tasks.publish(store, opened.load_id, batch, ledger.outcome(finished=False), ledger.sources.frame())
            if not batch.passed:
                ledger.hold_back(read.raw.slice(offset + records.height))
                get_run_logger().error("Stopped at the blocked batch: the records after it were not processed")
                return tasks.finish(store, opened.load_id, ledger)
            log_progress(ledger, len(to_read))
    return tasks.finish(store, opened.load_id, ledger)


def process_batch(
    store: Warehouse, load_id: int, records: pl.DataFrame, read: Read, published: pl.DataFrame, options: RunOptions
) -> tuple[Batch, pl.DataFrame]:
    """One batch of a read's records through stage → enrich → model → write → audit: (what it decided, every
    current article once it is published).

    `published` (article_id, content_hash, version) is every current article, this load's earlier batches
    included; the batch is staged against the whole `read`'s article versions and date orders.
    """
    new, duplicates, quarantine = tasks.stage(records, published, read.versions)
    enriched = tasks.enrich(store, load_id, new, read.date_orders, options)
    frames = tasks.model(enriched, published, load_id)
    tasks.write(store, load_id, frames)
    audit_quarantine, blocked_by, validations = tasks.audit_batch(store, frames, enriched.articles, options)
    batch = Batch(
        articles=new.height,
        duplicates=duplicates,
        quarantine=pl.concat([quarantine, audit_quarantine]),
        validations=validations,
        blocked_by=blocked_by,
        audit_quarantined=audit_quarantine.height,
    )
    by_source = batch_sources(
        records,
        staged=new,
        duplicates=duplicates,
        rejected=batch.rejected,
        passed=batch.passed,
        facts=frames["fct_article"],
        mentions=frames["fct_entity_mention"],
    )
    batch = replace(batch, by_source=by_source)
    facts = frames["fct_article"].select(published.columns)
    return batch, pl.concat([published, facts]).unique("article_id", keep="last")
