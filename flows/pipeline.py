"""The `broadsheet-run` flow: read, then batch by batch stage → enrich → model → write → audit → publish."""

from dataclasses import asdict, dataclass
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import memory, tasks
from flows.batch import Batch, Chunk, Ledger, groups, slices, unchanged_sources
from flows.settings import RunOptions
from flows.sources import ReadOptions, Source, discover
from warehouse.halt import halt_point
from warehouse.load import Outcome
from warehouse.lock import writer_lock


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
) -> RunSummary:
    """Load articles from `sources` (folders, files, URLs) into the warehouse; publish only what passes the gate.

    Records go through in batches of at most `options.chunk_records`, each published in one transaction.

    `read_options`: `mapping` (field → column) and `columns` (names of a headerless CSV's columns).
    """
    options = options or RunOptions()
    memory.keep_large_buffers_mapped()
    reading = ReadOptions(**(read_options or {}))  # type: ignore[arg-type]
    logger = get_run_logger()
    path = Path(warehouse).expanduser().resolve()
    found, documentation = discover(sources, source_name)
    for skipped in documentation:
        logger.info("Skipped %s: a documentation file, not an article", skipped)
    with writer_lock(path, wait_seconds=options.wait_seconds, on_wait=logger.warning) as lock:
        opened = tasks.open_run(path, sources, flow_run.id, options)
        lock.describe(load_id=opened.load_id)
        try:
            outcome = _load(path, opened, found, reading, options)
        except Exception as error:
            tasks.record_failure(path, opened.load_id, error, options)
            raise
    summary = RunSummary(**asdict(outcome), load_id=opened.load_id, warehouse=str(path))
    logger.info(
        "Load %d %s: read %d, published %d, duplicates %d, quarantined %d, blocked %d; peak memory %d MB",
        *(summary.load_id, summary.status, summary.records_read, summary.published),
        *(summary.duplicates, summary.quarantined, summary.blocked),
        memory.peak_mb(),
    )
    if summary.status == "blocked":
        raise BatchBlocked(summary)
    return summary


def _load(path: Path, opened: tasks.Opened, found: list[Source], reading: ReadOptions, options: RunOptions) -> Outcome:
    """Every batch through stage → enrich → model → write → audit → publish; a blocked batch stops the load."""
    logger = get_run_logger()
    ledger = Ledger(read_options=reading.fingerprint())
    to_read, unchanged = unchanged_sources(found, opened.source_files, ledger.read_options)
    if unchanged:
        logger.info(
            "Skipped %d unchanged sources (%d records) read by earlier loads", len(unchanged), sum(unchanged.values())
        )
        ledger.skip_unchanged(unchanged)
    published = opened.published
    for group in groups(to_read, options.chunk_bytes):
        chunk = tasks.read_sources(group, reading)
        ledger.add_reads(chunk)
        halt_point("read")
        for offset, raw in slices(chunk.raw, options.chunk_records):
            batch, published = _process(path, opened.load_id, raw, chunk, published, options)
            ledger.add(batch)
            tasks.publish(path, opened.load_id, batch, ledger.outcome(finished=False), options)
            if not batch.passed:
                ledger.hold_back(chunk.raw.height - offset - raw.height)
                logger.error("Stopped at the blocked batch: the records after it were not processed")
                return tasks.finish(path, opened.load_id, ledger, options)
            memory.release_freed_memory()
            logger.info(
                "Progress: %d of %d sources read; %d article versions published so far; memory %d MB (peak %d MB)",
                ledger.sources_read,
                len(to_read),
                ledger.published,
                memory.resident_mb(),
                memory.peak_mb(),
            )
    return tasks.finish(path, opened.load_id, ledger, options)


def _process(
    path: Path, load_id: int, raw: pl.DataFrame, chunk: Chunk, published: pl.DataFrame, options: RunOptions
) -> tuple[Batch, pl.DataFrame]:
    """One batch of a read's raw records through stage → enrich → model → write → audit: (what it decided, every
    current article once it is published).

    `published` (article_id, content_hash, version) is every current article, this load's earlier batches
    included; `chunk` is the whole read, whose article versions and date orders the batch is staged against.
    """
    new, duplicates, quarantine = tasks.stage(raw, published, chunk.versions)
    enriched = tasks.enrich(path, load_id, new, chunk.date_orders, options)
    halt_point("enrich")
    frames = tasks.model(enriched, published, load_id)
    tasks.write(path, load_id, frames, options)
    audit_quarantine, blocked_by, validations = tasks.audit_batch(path, frames, enriched.articles, options)
    halt_point("audit")
    batch = Batch(
        articles=new.height,
        duplicates=duplicates,
        quarantine=pl.concat([quarantine, audit_quarantine]),
        validations=validations,
        blocked_by=blocked_by,
        audit_quarantined=audit_quarantine.height,
    )
    facts = frames["fct_article"].select(published.columns)
    return batch, pl.concat([published, facts]).unique("article_id", keep="last")
