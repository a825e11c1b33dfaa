"""How a batch is shared out among the workers that enrich it, and when they are let go."""

import gc
import time
from typing import Any

import polars as pl
import pytest
from prefect import flow
from prefect.context import FlowRunContext

from flows.enrichment import LEAST_SHARE, Enrichment, prepare_workers, release_workers, sub_batches
from flows.runtime.cluster import task_runner
from flows.runtime.worker_plugins import QuickExit
from flows.settings import RunOptions
from transforms.schema import raw_articles
from transforms.stg_articles import stg_articles


def articles(n: int) -> pl.DataFrame:
    return pl.DataFrame({"article_id": [f"a{i}" for i in range(n)]})


@pytest.mark.parametrize(
    ("height", "workers", "most"),
    [(1715, 2, 200), (888, 2, 200), (5, 2, 2), (1000, 3, 100), (7, 4, 200), (210, 2, 200), (20, 2, 200), (150, 8, 200)],
)
def test_shares_cover_the_batch_in_order_largest_first_and_end_small(height, workers, most):
    shares = sub_batches(articles(height), workers, most)
    assert pl.concat(shares)["article_id"].to_list() == articles(height)["article_id"].to_list()
    sizes = [share.height for share in shares]
    assert max(sizes) <= most
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)  # the last takes what is left
    assert sizes[-1] < 1.5 * min(LEAST_SHARE, most)
    # two shares a worker, as far as the batch allows: a small batch is spread over a cluster too
    assert len(sizes) >= 2 * workers or max(sizes) <= -(-height // (2 * workers))


def test_the_bbc_batch_ends_with_small_shares_on_two_workers():
    # 1,715 new BBC articles in ten equal shares of 172 left one worker enriching its last for 5 s after the other
    # ran out (articles differ in length); shrinking shares leave 40 or so running then.
    sizes = [share.height for share in sub_batches(articles(1715), 2, 200)]
    assert sizes == [200, 200, 200, 200, 200, 179, 134, 101, 76, 57, 42, 40, 40, 46]


def test_one_share_without_workers_or_articles():
    assert [s.height for s in sub_batches(articles(10), 1, 2)] == [10]
    assert [s.height for s in sub_batches(articles(0), 2, 2)] == [0]


@pytest.mark.e2e
@pytest.mark.usefixtures("prefect_harness")
def test_once_the_last_batch_is_enriched_the_local_workers_go_before_the_run_ends(caplog):
    # Their processes take about a second each to exit: that happens while the flow audits and publishes.
    staged, _ = stg_articles(raw_articles([record(f"/news/{i}.txt", f"Story {i}") for i in range(4)]))
    options = RunOptions(workers=2, sub_batch_records=2)

    @flow(task_runner=task_runner(2, None))
    def enrich_and_release() -> tuple[int, int, int]:
        client = FlowRunContext.get().task_runner.client  # type: ignore[union-attr]
        prepare_workers(options)
        enriched = Enrichment(staged, {}, options).result()
        before = client.run_on_scheduler(_workers)
        plugins = set().union(*client.run(_plugins).values())
        # What a worker loaded for the run (spaCy, the gazetteers) is left alone by its garbage collector.
        frozen = all(count > 0 for count in client.run(gc.get_freeze_count).values())
        release_workers()
        deadline = time.monotonic() + 30
        while client.run_on_scheduler(_workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        return len(enriched), before, client.run_on_scheduler(_workers), "broadsheet-quick-exit" in plugins, frozen

    # Four shares of one article; the workers' models are frozen, and they exit quickly.
    assert enrich_and_release() == (4, 2, 0, True, True)
    assert "lose already computed" not in caplog.text  # their results were dropped before they went
    assert "still alive after" not in caplog.text  # none outlived Dask's grace and had to be killed


def _workers(dask_scheduler: Any) -> int:  # Dask passes its Scheduler by this name
    return len(dask_scheduler.workers)


def _plugins(dask_worker: Any) -> set[str]:  # Dask passes its Worker by this name
    return set(dask_worker.plugins)


def test_a_closing_worker_leaves_its_objects_to_the_process_exit():
    gc.unfreeze()
    try:
        QuickExit().teardown(worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def record(uri: str, title: str) -> dict[str, str]:
    body = "Gunmen attacked an army base in Mali near Niger, officials in Bamako said on Monday."
    return {"source_uri": uri, "source_name": "news", "source_kind": "text", "title": title, "body": body,
            "payload": f"{title}\n\n{body}"}  # fmt: skip


@pytest.mark.usefixtures("prefect_harness")
def test_workers_without_dask_enrich_in_threads_and_nothing_is_left_to_release():
    # Python callers may run the flow with workers but Prefect's default (thread pool) task runner.
    staged, _ = stg_articles(raw_articles([record(f"/news/{i}.txt", f"Story {i}") for i in range(4)]))
    options = RunOptions(workers=2, sub_batch_records=2)

    @flow
    def enrich_in_threads() -> int:
        prepare_workers(options)
        enriched = Enrichment(staged, {}, options).result()
        release_workers()
        return sum(part.enriched.articles.height for part in enriched)

    assert enrich_in_threads() == 4
