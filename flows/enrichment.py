"""Enrichment of a batch: article by article in sub-batches, each a Prefect task (on the Dask workers when the run
has them), then near-copies clustered in the flow against what the warehouse holds.

A worker process loads the spaCy pipeline and gazetteers once (`transforms.entities.ner.load_ner` is cached per
process) and reuses them for every sub-batch it is given; a task takes only its sub-batch's articles and returns
their enrichment, and nothing is cached or persisted by Prefect.
"""

import os
import socket
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.settings import RunOptions
from warehouse import load
from warehouse.connection import Warehouse

if TYPE_CHECKING:
    from transforms.enrich import Enriched, NerOptions


@dataclass(frozen=True)
class SubBatch:
    """What one task enriched, where and how fast."""

    enriched: "Enriched"
    worker: str  # host:pid of the process that enriched it
    seconds: float


@task(cache_policy=NO_CACHE, persist_result=False, retries=2, retry_delay_seconds=1)
def enrich_sub_batch(
    articles: pl.DataFrame, date_orders: dict[str | None, str | None], ner: "NerOptions", now: datetime
) -> SubBatch:
    """Dates, language, tone, MinHash signatures, dates mentioned, people, organisations and places of a share of
    a batch's articles. Retried (on another worker, if this one died) when it fails."""
    from transforms.enrich import enrich_articles  # spaCy and datasketch: seconds to import, only when needed

    started = time.perf_counter()
    enriched = enrich_articles(articles, now=now, ner=ner, date_orders=date_orders)
    worker, seconds = f"{socket.gethostname()}:{os.getpid()}", time.perf_counter() - started
    get_run_logger().info("Enriched a sub-batch of %d articles on %s in %.1f s", articles.height, worker, seconds)
    return SubBatch(enriched, worker, seconds)


class Enrichment:
    """A batch's enrichment under way: its sub-batches submitted to the run's task runner, or done in the flow."""

    def __init__(self, articles: pl.DataFrame, date_orders: dict[str | None, str | None], options: RunOptions):
        from transforms.enrich import NerOptions

        self.articles = articles
        ner = NerOptions(options.spacy_model, options.nlp_processes, options.nlp_batch_size)
        now = datetime.now(UTC)
        workers = options.workers or 1
        parts = sub_batches(articles, workers, options.sub_batch_records)
        if workers > 1:
            prepare_workers(options)
            self._futures: list[Any] = [enrich_sub_batch.submit(part, date_orders, ner, now) for part in parts]
            self._done: list[SubBatch] | None = None
        else:
            self._futures = []
            self._done = [enrich_sub_batch(part, date_orders, ner, now) for part in parts]

    def result(self, meanwhile: Callable[[], object] | None = None) -> list[SubBatch]:
        """Each sub-batch's enrichment, in order, once all are done.

        `meanwhile` is called once the first sub-batch is back from the workers, while they enrich the rest: work
        for this process that would otherwise wait (called then, not at once, so that it holds up neither the
        submissions nor the workers' start, which this process's client serves).
        """
        if self._done is None:
            done = [self._futures[0].result()]
            if meanwhile is not None:
                meanwhile()
            self._done = done + [future.result() for future in self._futures[1:]]
            _forget(self._futures)
            self._futures = []
        return self._done


# The task runners whose workers were prepared, by id, held weakly: a later runner given a dead one's id is not
# taken for it (`serve` makes one a run). A Dask cluster starts on first use, so a run with nothing to enrich (an
# unchanged re-run) never starts one.
_PREPARED: "weakref.WeakValueDictionary[int, Any]" = weakref.WeakValueDictionary()


def prepare_workers(options: RunOptions) -> None:
    """Once a run: say where articles are enriched (the Dask cluster of the run's task runner) and have its workers
    load their models (the first sub-batches wait for that, not for each other)."""
    runner = _task_runner()
    if runner is None or _PREPARED.get(id(runner)) is runner:
        return
    _PREPARED[id(runner)] = runner
    if hasattr(runner, "client"):  # prefect_dask.DaskTaskRunner
        from flows.runtime.cluster import describe, warm

        get_run_logger().info("Enriching on %s", describe(runner))
        warm(runner, options.spacy_model)
    else:
        get_run_logger().info("Enriching in %d threads of this process (no Dask task runner)", options.workers)


def release_workers() -> None:
    """Once the run's last batch is enriched: let a local cluster's worker processes go now, so that they exit
    (about a second each, to free their models) while the flow audits and publishes that batch, not after it."""
    runner = _task_runner()
    if runner is not None and _PREPARED.get(id(runner)) is runner and hasattr(runner, "client"):
        from flows.runtime.cluster import let_go

        let_go(runner)


def _task_runner() -> Any:
    """The task runner of the flow run under way, if any."""
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    return context.task_runner if context else None


def _forget(futures: list[Any]) -> None:
    """Have a Dask scheduler drop the results it holds for `futures`, now that this process has them (a thread
    pool's futures hold nothing elsewhere)."""
    wrapped = [future.wrapped_future for future in futures]
    client = getattr(wrapped[0], "client", None) if wrapped else None
    if client is not None:
        client.cancel(wrapped)


# The smallest share worth a task of its own (about 2 s of a worker's time): each task costs the flow, the worker
# and the Prefect API about a third of a CPU-second, whatever its size.
LEAST_SHARE = 40


def sub_batches(articles: pl.DataFrame, workers: int, most: int) -> list[pl.DataFrame]:
    """The batch in shares for the workers, in order, largest first: each a `2 × workers`-th of what is left, at
    most `most` and at least `LEAST_SHARE` articles (less where `most` or two shares a worker need it; the last
    takes what remains, up to half a least share more, within `most`); one share without workers or articles.

    Workers take the next share as they finish one, and they do not finish together: articles differ in length,
    and the flow's own work takes turns with theirs. With equal shares one worker was still enriching a share of
    172 BBC articles (about 8 s) when the other ran out; shrinking shares leave only a small one running then.
    """
    if articles.is_empty() or workers <= 1:
        return [articles]
    # A small batch still makes two shares a worker, for a cluster of many (`--dask-address`) too.
    least = min(LEAST_SHARE, most, -(-articles.height // (2 * workers)))
    shares, start = [], 0
    while start < articles.height:
        left = articles.height - start
        size = min(left, most, max(least, -(-left // (2 * workers))))
        if left - size < least / 2 and left <= most:
            size = left
        shares.append(articles.slice(start, size))
        start += size
    return shares


@task(cache_policy=NO_CACHE)
def cluster_near_copies(warehouse: Warehouse, load_id: int, parts: list[SubBatch], options: RunOptions) -> "Enriched":
    """The batch's enrichment with near-copies clustered against the warehouse (its published articles and this
    load's staged ones sharing an LSH band); the log says what was found and how fast each worker went."""
    from transforms.enrich import combined, with_near_duplicate_clusters
    from transforms.near_duplicates import BANDS, ROWS

    logger = get_run_logger()
    enriched = combined([part.enriched for part in parts])
    with warehouse.connect() as con:
        candidates = load.near_duplicate_candidates(
            con, load_id, enriched.articles.select("article_id", "minhash"), bands=BANDS, rows=ROWS
        )
    enriched = with_near_duplicate_clusters(enriched, candidates)
    for row in enriched.articles.filter(pl.col("published_problem").is_not_null()).iter_rows(named=True):
        logger.info("No publication date for %s: %s", row["source_uri"], row["published_problem"])
    logger.info(
        "Enriched %d articles: %d entity mentions, %d dates mentioned",
        enriched.articles.height,
        enriched.entities.height,
        enriched.date_mentions.height,
    )
    if len(parts) > 1:
        for worker, (articles, seconds) in sorted(_by_worker(parts).items()):
            logger.info(
                "Worker %s enriched %d articles in %.1f s (%.1f articles/s)",
                worker,
                articles,
                seconds,
                articles / seconds if seconds else 0.0,
            )
    if enriched.other_language:
        logger.info(
            "%d articles are in another language than the entity model %s reads: no entities taken from them",
            enriched.other_language,
            options.spacy_model,
        )
    return enriched


def _by_worker(parts: list[SubBatch]) -> dict[str, tuple[int, float]]:
    totals: dict[str, tuple[int, float]] = {}
    for part in parts:
        articles, seconds = totals.get(part.worker, (0, 0.0))
        totals[part.worker] = (articles + part.enriched.articles.height, seconds + part.seconds)
    return totals
