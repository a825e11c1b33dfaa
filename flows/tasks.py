"""The pipeline's tasks: each one step, typed, small; retries only where I/O can fail transiently.

Every task runs with NO_CACHE: frames pass between tasks in memory, and hashing them for Prefect's cache would
cost more than the work; unchanged input is skipped by the source manifest and content hashes instead.
"""

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from rich.progress import track

from expectations.gate import VALIDATIONS, audit, parameters
from flows.batch import Batch, Ledger, Read, unchanged_sources
from flows.progress import log_quarantined
from flows.settings import RunOptions
from flows.sources import ReadOptions, Source, category_names_beside, discover, read_source
from transforms.dates import numeric_date_orders
from transforms.dim_category import dim_category
from transforms.dim_date import dim_date
from transforms.dim_source import dim_source
from transforms.duplicates import published_meanwhile as duplicates_meanwhile
from transforms.duplicates import split_duplicates
from transforms.fct_article import fct_article
from transforms.fct_date_mention import fct_date_mention
from transforms.published import PUBLISHED_TABLES
from transforms.schema import QUARANTINE, raw_articles
from transforms.stg_articles import article_versions, stg_articles
from warehouse import load
from warehouse.connection import Warehouse
from warehouse.load import Outcome
from warehouse.runs import begin_run, fail_run, record_snapshot

if TYPE_CHECKING:
    from transforms.enrich import Enriched


@dataclass(frozen=True)
class Opened:
    """A new run and what the warehouse already holds."""

    load_id: int
    published: pl.DataFrame  # article_id, content_hash, version of every current article
    source_files: pl.DataFrame  # the manifest of sources read in full before


def find_sources(sources: list[str], source_name: str | None, reading: ReadOptions) -> list[Source]:
    """Every source to read under `sources`; documentation files passed over are logged, and so is a names file
    beside a CSV that could name its category codes."""
    logger = get_run_logger()
    found, documentation = discover(sources, source_name, reading.input_format)
    for skipped in documentation:
        logger.info("Skipped %s: a documentation file, not an article", skipped)
    if not reading.category_names:
        for names in dict.fromkeys(filter(None, map(category_names_beside, found))):
            logger.info(
                "%s lies beside the CSV: if its categories are codes it names, pass --category-names %s", names, names
            )
    return found


def skip_unchanged(found: list[Source], manifest: pl.DataFrame, ledger: Ledger) -> list[Source]:
    """The sources to read: those unchanged since an earlier load read them are counted as duplicates instead."""
    to_read, unchanged = unchanged_sources(found, manifest, ledger.read_options)
    if unchanged:
        get_run_logger().info(
            "Skipped %d unchanged sources (%d records) read by earlier loads", len(unchanged), sum(unchanged.values())
        )
        ledger.skip_unchanged(unchanged, {source.location: source.source_name for source in found})
    return to_read


@task(cache_policy=NO_CACHE)
def open_run(warehouse: Warehouse, sources: list[str], flow_run_id: str | None) -> Opened:
    """Bring the warehouse up to date, open a run, and read what is already published."""
    logger = get_run_logger()
    with warehouse.exclusive(), warehouse.connect(on_wait=logger.info) as con:
        applied = warehouse.migrate(con)
        if applied:
            logger.info("Warehouse %s: applied migrations %s", warehouse, applied)
        load_id = begin_run(
            con,
            flow_run_id=flow_run_id,
            sources=sources,
            pid=os.getpid(),
            others_may_run=warehouse.concurrent_writers,
        )
        opened = Opened(load_id, load.published_state(con), load.known_source_files(con))
    logger.info("Load %d started; %d articles already published", load_id, opened.published.height)
    return opened


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def read_sources(sources: list[Source], options: ReadOptions) -> Read:
    """One read: every record of its sources, parsed into raw articles."""
    progress = sys.stderr.isatty() and len(sources) > 20
    given = [read_source(s, options) for s in (track(sources, "Reading", transient=True) if progress else sources)]
    records = [record for source in given for record in source.records]
    get_run_logger().info("Read %d records from %d sources", len(records), len(sources))
    raw = raw_articles(records)
    return Read(raw, given, article_versions(raw), numeric_date_orders(raw))


@task(cache_policy=NO_CACHE)
def stage(
    raw: pl.DataFrame, published: pl.DataFrame, incoming: pl.DataFrame | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(new article versions, exact duplicates, quarantine rows) of a batch of raw records.

    `incoming` are the versions the whole read brings (`Read.versions`), so a copy is told from moved content.
    """
    logger = get_run_logger()
    staged, quarantined = stg_articles(raw)
    new, duplicates = split_duplicates(staged, published, incoming)
    unchanged = duplicates.filter(pl.col("kind") == "unchanged").height
    logger.info(
        "Staged %d new article versions; %d unchanged, %d copies of other articles, %d quarantined",
        new.height,
        unchanged,
        duplicates.height - unchanged,
        quarantined.height,
    )
    log_quarantined(quarantined)
    return new, duplicates, quarantined


@task(cache_policy=NO_CACHE)
def model(enriched: "Enriched", published: pl.DataFrame, load_id: int) -> dict[str, pl.DataFrame]:
    """The batch's dimension and fact rows, keyed and ready to stage."""
    from transforms.fct_entity import entity_tables  # with spaCy, as `enrich`

    articles = enriched.articles
    facts = fct_article(articles, published, load_id=load_id, ingested_at=datetime.now(UTC))
    days = pl.concat([facts["published_at"].dt.date(), facts["ingested_at"].dt.date()])
    return {
        "dim_date": dim_date(days, load_id),
        "dim_source": dim_source(articles, load_id),
        "dim_category": dim_category(articles, load_id),
        "fct_article": facts,
        "fct_date_mention": fct_date_mention(enriched.date_mentions, facts, load_id),
        **entity_tables(enriched.entities, facts, load_id),
    }


@task(cache_policy=NO_CACHE)
def published_meanwhile(
    warehouse: Warehouse, new: pl.DataFrame, versions: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(duplicates, conflicts) among a batch's new versions that other runs published since it was staged
    (`transforms.duplicates.published_meanwhile`); call it holding `warehouse.exclusive()`."""
    with warehouse.connect() as con:
        published = load.published_versions(con, new)
    duplicates, conflicts = duplicates_meanwhile(new, versions, published)
    if duplicates.height or conflicts.height:
        get_run_logger().info(
            "%d articles of this batch were published by another run meanwhile (counted as duplicates); "
            "%d got a different version from another run meanwhile (quarantined)",
            duplicates.height,
            conflicts.height,
        )
    return duplicates, conflicts


@task(cache_policy=NO_CACHE)
def write(warehouse: Warehouse, load_id: int, frames: dict[str, pl.DataFrame]) -> None:
    """Append the batch to the staging schema."""
    with warehouse.connect() as con:
        load.write_staging(con, load_id, frames)
    get_run_logger().info(
        "Wrote to staging (load %d): %s", load_id, ", ".join(f"{t} {frames[t].height}" for t in PUBLISHED_TABLES)
    )


@task(cache_policy=NO_CACHE)
def audit_batch(
    warehouse: Warehouse, frames: dict[str, pl.DataFrame], articles: pl.DataFrame, options: RunOptions
) -> tuple[pl.DataFrame, list[str], pl.DataFrame]:
    """Run the expectation suites over the staged batch: (quarantine rows, blocking failures, validations)."""
    logger = get_run_logger()
    if all(frame.is_empty() for frame in frames.values()):
        logger.info("Nothing new to audit")
        return pl.DataFrame(schema=QUARANTINE), [], pl.DataFrame(schema=VALIDATIONS)
    with warehouse.connect() as con:
        known = load.published_keys(con, frames)
    values = parameters(frames, known, max_failing_share=options.max_failing_share, now=datetime.now(UTC))
    result = audit(frames, values)
    failed = result.validations.filter(~pl.col("success")).height
    logger.info("Audited %d expectations: %d failed", result.validations.height, failed)
    for reason in result.blocked_by:
        logger.error("Blocking expectation failed: %s", reason)
    quarantine = result.quarantined.join(articles.select("article_id", "source_uri", "payload"), on="article_id")
    rows = quarantine.select("source_uri", "article_id", stage=pl.lit("audit"), reason="reason", payload="payload")
    log_quarantined(rows, blocked=bool(result.blocked_by))
    return rows.cast(QUARANTINE), result.blocked_by, result.validations  # type: ignore[arg-type]


@task(cache_policy=NO_CACHE)
def publish(warehouse: Warehouse, load_id: int, batch: Batch, progress: Outcome, sources: pl.DataFrame) -> None:
    """Publish a passing batch in one transaction, or hold a blocked one in staging; `progress` is the load's
    counts so far, recorded with it, and `sources` the same per source."""
    with warehouse.connect() as con:
        load.publish_batch(
            con,
            load_id,
            passed=batch.passed,
            quarantine=batch.rejected,
            duplicates=batch.duplicates,
            validations=batch.validations,
            progress=progress,
            sources=sources,
        )
    if batch.passed:
        get_run_logger().info("Published a batch of %d new article versions (load %d)", batch.published, load_id)
    else:
        get_run_logger().error("Blocked a batch of %d new article versions: it stays in staging", batch.blocked)


@task(cache_policy=NO_CACHE)
def finish(warehouse: Warehouse, load_id: int, ledger: Ledger) -> Outcome:
    """Record how the load ended and, if every batch was published, which sources the next run may skip."""
    outcome = ledger.outcome()
    with warehouse.exclusive(), warehouse.connect() as con:
        load.finish(
            con, load_id, outcome=outcome, source_files=ledger.clean_source_files(), sources=ledger.sources.frame()
        )
        record_snapshot(con, load_id, warehouse.snapshot(con))
    return outcome


def record_failure(warehouse: Warehouse, load_id: int, error: BaseException) -> None:
    """Mark a run that raised as failed; the batch in flight never reached the published tables.

    When the warehouse itself is what failed (a lake's catalog went away), the run stays marked `running` until
    the next run on this machine finds its process gone.
    """
    try:
        with warehouse.exclusive(), warehouse.connect() as con:
            fail_run(con, load_id, f"{type(error).__name__}: {error}")
            record_snapshot(con, load_id, warehouse.snapshot(con))
    except Exception as also:
        get_run_logger().warning("Could not record load %d as failed: %s", load_id, warehouse.explain(also))
