"""The pipeline's tasks: each one step, typed, small; retries only where I/O can fail transiently."""

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from rich.progress import track

from expectations.gate import GateResult, audit, parameters
from flows.settings import RunOptions
from flows.sources import discover, read_record
from transforms.dim_category import dim_category
from transforms.dim_date import dim_date
from transforms.dim_source import dim_source
from transforms.duplicates import split_duplicates
from transforms.enrich import enrich_articles
from transforms.fct_article import fct_article
from transforms.schema import QUARANTINE, raw_articles
from transforms.stg_articles import stg_articles
from warehouse import load
from warehouse.connection import connect
from warehouse.load import Outcome
from warehouse.migrate import PUBLISHED_TABLES, migrate
from warehouse.runs import begin_run, fail_run

# Every task runs with NO_CACHE: frames pass between tasks in memory, and hashing them for Prefect's cache
# would cost more than the work; unchanged input is skipped by comparing content hashes instead.


@dataclass(frozen=True)
class Staged:
    articles: pl.DataFrame
    duplicates: pl.DataFrame
    quarantine: pl.DataFrame
    records_read: int


@task(cache_policy=NO_CACHE)
def open_run(warehouse: Path, sources: list[str], flow_run_id: str | None, options: RunOptions) -> tuple[int, pl.DataFrame]:
    """Bring the warehouse up to date, open a run, and read what is already published."""
    logger = get_run_logger()
    with connect(warehouse, wait_seconds=options.wait_seconds, on_wait=logger.info) as con:
        applied = migrate(con)
        if applied:
            logger.info("Warehouse %s: applied migrations %s", warehouse, applied)
        load_id = begin_run(con, flow_run_id=flow_run_id, sources=sources, pid=os.getpid())
        state = load.published_state(con)
    logger.info("Load %d started; %d articles already published", load_id, state.height)
    return load_id, state


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_sources(sources: list[Path], source_name: str | None) -> pl.DataFrame:
    """Every record of every source, parsed into raw articles."""
    logger = get_run_logger()
    files, skipped = discover(sources, source_name)
    for path in skipped:
        logger.info("Skipped %s: a documentation file, not an article", path)
    progress = sys.stderr.isatty() and len(files) > 20
    records = [
        read_record(f) for f in (track(files, description="Reading", transient=True) if progress else files)
    ]
    logger.info("Read %d records from %d files", len(records), len(files))
    return raw_articles(records)


@task(cache_policy=NO_CACHE)
def stage(raw: pl.DataFrame, published: pl.DataFrame) -> Staged:
    """Stage the raw records and set aside exact duplicates of what is published or earlier in the batch."""
    logger = get_run_logger()
    staged, quarantined = stg_articles(raw)
    new, duplicates = split_duplicates(staged, published)
    unchanged = duplicates.filter(pl.col("kind") == "unchanged").height
    logger.info(
        "Staged %d new article versions; %d unchanged, %d copies of other articles, %d quarantined",
        new.height,
        unchanged,
        duplicates.height - unchanged,
        quarantined.height,
    )
    for row in quarantined.iter_rows(named=True):
        logger.warning("Quarantined %s at %s: %s", row["source_uri"], row["stage"], row["reason"])
    return Staged(new, duplicates, quarantined, raw.height)


@task(cache_policy=NO_CACHE)
def enrich(articles: pl.DataFrame, options: RunOptions) -> pl.DataFrame:
    """Dates, language, tone and the rest of what the text says."""
    return enrich_articles(articles)


@task(cache_policy=NO_CACHE)
def model(articles: pl.DataFrame, published: pl.DataFrame, load_id: int) -> dict[str, pl.DataFrame]:
    """The batch's dimension and fact rows, keyed and ready to stage."""
    ingested_at = datetime.now(UTC)
    facts = fct_article(articles, published, load_id=load_id, ingested_at=ingested_at)
    days = pl.concat([facts["published_at"].dt.date(), facts["ingested_at"].dt.date()])
    return {
        "dim_date": dim_date(days, load_id),
        "dim_source": dim_source(articles, load_id),
        "dim_category": dim_category(articles, load_id),
        "fct_article": facts,
    }


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=1)
def write(warehouse: Path, load_id: int, frames: dict[str, pl.DataFrame], options: RunOptions) -> None:
    """Write the batch to the staging schema."""
    with connect(warehouse, wait_seconds=options.wait_seconds) as con:
        load.write_staging(con, load_id, frames)
    get_run_logger().info(
        "Wrote load %d to staging: %s", load_id, ", ".join(f"{t} {frames[t].height}" for t in PUBLISHED_TABLES)
    )


@task(cache_policy=NO_CACHE)
def audit_batch(warehouse: Path, load_id: int, options: RunOptions) -> GateResult:
    """Run the expectation suites over the staged batch as the warehouse stored it."""
    logger = get_run_logger()
    with connect(warehouse, wait_seconds=options.wait_seconds) as con:
        batch = {table: load.staged(con, load_id, table) for table in PUBLISHED_TABLES}
        known = load.published_keys(con)
    if all(frame.is_empty() for frame in batch.values()):
        logger.info("Load %d staged nothing new: nothing to audit", load_id)
        return GateResult()
    values = parameters(batch, known, max_failing_share=options.max_failing_share, now=datetime.now(UTC))
    result = audit(batch, values)
    failed = result.validations.filter(~pl.col("success")).height
    logger.info("Audited load %d: %d expectations, %d failed", load_id, result.validations.height, failed)
    for reason in result.blocked_by:
        logger.error("Blocking expectation failed: %s", reason)
    return result


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=1)
def publish(
    warehouse: Path, load_id: int, staged: Staged, gate: GateResult, options: RunOptions
) -> Outcome:
    """Publish a passing batch in one transaction, or hold a blocked one in staging; record the outcome."""
    logger = get_run_logger()
    audit_quarantine = gate.quarantined.join(
        staged.articles.select("article_id", "source_uri", "payload"), on="article_id"
    ).select(
        "source_uri", "article_id", stage=pl.lit("audit"), reason="reason", payload="payload"
    )
    quarantine = pl.concat([staged.quarantine, audit_quarantine.cast(QUARANTINE)])  # type: ignore[arg-type]
    kept = staged.articles.height - audit_quarantine.height
    status = "published" if gate.passed else "blocked"
    outcome = Outcome(
        status=status,
        records_read=staged.records_read,
        published=kept if gate.passed else 0,
        duplicates=staged.duplicates.height,
        quarantined=quarantine.height,
        blocked=0 if gate.passed else kept,
        message=None if gate.passed else "blocked by the quality gate: " + "; ".join(gate.blocked_by),
    )
    with connect(warehouse, wait_seconds=options.wait_seconds) as con:
        load.finish(
            con,
            load_id,
            outcome=outcome,
            quarantine=quarantine,
            duplicates=staged.duplicates,
            validations=gate.validations,
        )
    for row in audit_quarantine.iter_rows(named=True):
        logger.warning("Quarantined %s at audit: %s", row["source_uri"], row["reason"])
    return outcome


def record_failure(warehouse: Path, load_id: int, error: BaseException, options: RunOptions) -> None:
    """Mark a run that raised as failed; published tables were never touched."""
    with connect(warehouse, wait_seconds=options.wait_seconds) as con:
        fail_run(con, load_id, f"{type(error).__name__}: {error}")
