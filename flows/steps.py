"""One batch's way through a load, in the three steps the flow interleaves: staged (its enrichment then under way
on the workers), modelled (enrichment collected, near-copies clustered, categories, dimension and fact rows), and
written, audited and published (or blocked) in one transaction.

While the flow writes, audits and publishes one batch, the workers enrich the next: at most two batches are in
memory at once, however large the input.
"""

from dataclasses import dataclass, replace

import polars as pl

from expectations.gate import preload_audit
from flows import tasks
from flows.batch import Batch, Ledger, Read
from flows.categories import categorise
from flows.enrichment import Enrichment, cluster_near_copies
from flows.runtime.memory import keep_what_lasts
from flows.settings import RunOptions
from flows.source_tally import batch_sources
from warehouse.connection import Warehouse


@dataclass(frozen=True)
class Staged:
    """A batch staged: its records, new article versions, exact copies and quarantine rows, and its enrichment
    under way."""

    records: pl.DataFrame
    offset: int  # of its first record in its read
    new: pl.DataFrame
    duplicates: pl.DataFrame
    quarantine: pl.DataFrame
    enrichment: Enrichment


@dataclass(frozen=True)
class Modelled:
    """A batch modelled: its dimension and fact rows, and every current article once it is published."""

    staged: Staged
    articles: pl.DataFrame
    frames: dict[str, pl.DataFrame]
    published: pl.DataFrame


def stage(records: pl.DataFrame, read: Read, offset: int, published: pl.DataFrame, options: RunOptions) -> Staged:
    """Stage a batch against every current article (`published`, this load's earlier batches included) and the
    whole read's article versions, and start enriching its new ones."""
    new, duplicates, quarantine = tasks.stage(records, published, read.versions)
    return Staged(records, offset, new, duplicates, quarantine, Enrichment(new, read.date_orders, options))


def model(store: Warehouse, load_id: int, staged: Staged, published: pl.DataFrame, options: RunOptions) -> Modelled:
    """Wait for the batch's enrichment, cluster its near-copies, give categories, and build its rows."""
    # The audit's imports (about 3 s) are done while the workers enrich, not after them.
    enriched = cluster_near_copies(store, load_id, staged.enrichment.result(meanwhile=_prepare_audit), options)
    enriched = replace(enriched, articles=categorise(store, enriched.articles))
    frames = tasks.model(enriched, published, load_id)
    facts = frames["fct_article"].select(published.columns)
    current = pl.concat([published, facts]).unique("article_id", keep="last")
    return Modelled(staged, enriched.articles, frames, current)


def _prepare_audit() -> None:
    """Import the audit's libraries; what the process holds then lasts the run (`keep_what_lasts`)."""
    preload_audit()
    keep_what_lasts()


def publish(store: Warehouse, load_id: int, modelled: Modelled, ledger: Ledger, options: RunOptions) -> Batch:
    """Write the batch to staging, audit it, and publish it in one transaction or hold it there, blocked.

    Where other runs write the same warehouse at once (a lake with a PostgreSQL catalog), this holds its publish
    lock throughout, and first drops what they published since the batch was staged: each article version is
    published once, whichever run read it first.
    """
    with store.exclusive():
        if store.concurrent_writers:
            modelled = without_published_meanwhile(store, modelled)
        return _publish(store, load_id, modelled, ledger, options)


def without_published_meanwhile(store: Warehouse, modelled: Modelled) -> Modelled:
    """The batch less the articles other runs published since it was staged: those become duplicates, and those
    another run gave a different version meanwhile are quarantined (a re-run loads them as the next version)."""
    staged = modelled.staged
    versions = modelled.frames["fct_article"].select("article_id", "version")
    duplicates, conflicts = tasks.published_meanwhile(store, staged.new, versions)
    dropped = pl.concat([duplicates.select("article_id"), conflicts]).get_column("article_id")
    if dropped.is_empty():
        return modelled
    conflicted = modelled.articles.join(conflicts, on="article_id", how="semi")
    quarantine = conflicted.select(
        "source_uri",
        "article_id",
        stage=pl.lit("publish"),
        reason=pl.lit("another run published a different version of this article meanwhile; run again to load it"),
        payload="payload",
    ).cast(dict(staged.quarantine.schema))  # type: ignore[arg-type]
    keep = ~pl.col("article_id").is_in(dropped.implode())
    frames = {
        table: frame.filter(keep) if "article_id" in frame.columns else frame
        for table, frame in modelled.frames.items()
    }
    staged = replace(
        staged,
        new=staged.new.filter(keep),
        duplicates=pl.concat([staged.duplicates, duplicates.select(staged.duplicates.columns)]),
        quarantine=pl.concat([staged.quarantine, quarantine]),
    )
    return replace(modelled, staged=staged, articles=modelled.articles.filter(keep), frames=frames)


def _publish(store: Warehouse, load_id: int, modelled: Modelled, ledger: Ledger, options: RunOptions) -> Batch:
    staged, frames = modelled.staged, modelled.frames
    tasks.write(store, load_id, frames)
    audit_quarantine, blocked_by, validations = tasks.audit_batch(store, frames, modelled.articles, options)
    batch = Batch(
        articles=staged.new.height,
        duplicates=staged.duplicates,
        quarantine=pl.concat([staged.quarantine, audit_quarantine]),
        validations=validations,
        blocked_by=blocked_by,
        audit_quarantined=audit_quarantine.height,
    )
    by_source = batch_sources(
        staged.records,
        staged=staged.new,
        duplicates=staged.duplicates,
        rejected=batch.rejected,
        passed=batch.passed,
        facts=frames["fct_article"],
        mentions=frames["fct_entity_mention"],
    )
    batch = replace(batch, by_source=by_source)
    ledger.add(batch)
    tasks.publish(store, load_id, batch, ledger.outcome(finished=False), ledger.sources.frame())
    return batch
