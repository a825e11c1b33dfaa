"""Where a run's enrichment runs: in the flow's own process, on a local Dask cluster of worker processes (one per
core by default), or on an existing Dask cluster (`--dask-address`), through Prefect's Dask task runner.

Every worker's task runs report to the run's one Prefect API: local workers inherit its URL from this process's
environment; workers of an existing cluster, started by hand without it, are given it by a worker plugin before
anything is submitted (across machines the API must be a server they reach: `PREFECT_API_URL`).
"""

import asyncio
import gc
import logging
import os
import sys
import tempfile
import time
from typing import Any

import dask
from distributed import WorkerPlugin, fire_and_forget

# How long an existing scheduler has to answer before the run gives up, before anything is read.
CONNECT_SECONDS = 10


class SchedulerUnreachable(RuntimeError):
    """`--dask-address` names no Dask scheduler that answers."""


def default_workers() -> int:
    """One worker process per core."""
    return os.cpu_count() or 1


def task_runner(workers: int, address: str | None) -> Any:
    """A Prefect Dask task runner for `workers` local worker processes (one thread each), or for the existing
    cluster at `address`; None to run in the flow's process (one worker, no cluster)."""
    if address is None and workers <= 1:
        return None
    from prefect_dask import DaskTaskRunner

    # Dask's own INFO lines (every worker started, every client closed) drown the run's log; its warnings stay.
    # Local workers inherit the environment's setting.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    logging.getLogger("distributed").setLevel(logging.WARNING)

    if address is not None:
        return DaskTaskRunner(address=address)
    # Dask has its worker processes hand freed memory back to the system from 64 KiB up (MALLOC_TRIM_THRESHOLD_),
    # for its memory monitor's sake; spaCy frees and reallocates arrays all the time, and that setting cost each
    # worker three times the system time and 6 % of its enrichment speed (measured on the BBC articles). A
    # worker's memory here follows its sub-batch, not the run, so glibc's own default is kept.
    dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None})
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            # A dashboard on a free port: with None, Dask still binds 8787 and warns when it is taken.
            "dashboard_address": ":0",
            # Workers spill and keep their files here, not in the working directory.
            "local_directory": os.path.join(tempfile.gettempdir(), "broadsheet-dask"),
        }
    )


def prepare_cluster(address: str, api_url: str | None) -> int:
    """Check that the scheduler at `address` answers and has workers, and point its workers (those there now and
    those that join later) at the run's Prefect API; the number of workers. `SchedulerUnreachable` otherwise."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as error:  # OSError or a timeout; whatever else a port that is no scheduler answers with
        raise SchedulerUnreachable(
            f"no Dask scheduler answered at {address} within {CONNECT_SECONDS} s ({error}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`, or leave --dask-address out"
        ) from None
    try:
        if api_url:
            client.register_plugin(PrefectApi(api_url), name="broadsheet-prefect-api")
        workers = len(client.scheduler_info()["workers"])
    finally:
        client.close()
    if not workers:
        raise SchedulerUnreachable(f"the Dask scheduler at {address} has no workers; start some with `dask worker`")
    return workers


def warm(runner: Any, spacy_model: str) -> None:
    """Have every worker import the enrichment and load the spaCy pipeline and gazetteers now, while the flow
    reads and stages, so that the first sub-batch starts at once (fire and forget: Dask runs each to its end and
    then drops it, holding nothing). A local cluster's workers also exit quickly when let go (`QuickExit`)."""
    client = runner.client
    if client.cluster is not None:
        client.register_plugin(QuickExit())
    for worker in client.scheduler_info()["workers"]:
        fire_and_forget(
            client.submit(_import_and_load, spacy_model, workers=[worker], pure=False, allow_other_workers=False)
        )


def let_go(runner: Any) -> None:
    """Close a local cluster's workers now (their processes exit in the background); an existing cluster's workers
    (`--dask-address`) are not the run's to close. Waits (a second at most) until the scheduler holds no results: a
    worker closed with one would take it along, and Dask warns of a lost result."""
    client = runner.client
    if client.cluster is None:
        return
    deadline = time.monotonic() + 1.0
    while client.run_on_scheduler(_results_held) and time.monotonic() < deadline:
        time.sleep(0.05)
    client.cluster.scale(0)


def _results_held(dask_scheduler: Any) -> int:  # Dask passes its Scheduler by this name
    return sum(1 for task in dask_scheduler.tasks.values() if task.state == "memory")


def _import_and_load(spacy_model: str) -> None:
    import prefect.task_engine  # noqa: F401 - what runs each task

    from flows.runtime.memory import keep_what_lasts
    from transforms.enrich import load_resources  # what each task runs

    load_resources(spacy_model)
    keep_what_lasts()


def describe(runner: Any) -> str:
    """The cluster a Dask task runner uses, in words (its scheduler and workers)."""
    info = runner.client.scheduler_info()
    return f"Dask scheduler {info.get('address', runner.address)} with {len(info['workers'])} workers"


class QuickExit(WorkerPlugin):
    """A Dask worker plugin that leaves the worker's objects to its process's exit once it closes.

    A worker process ends with Python's shutdown, whose garbage collector walks every object the spaCy pipeline
    and the gazetteers made, only to free them: 0.9 s a worker, on the cores the flow then audits and publishes
    with, and past Dask's 4 s grace on a busy machine (it then kills the worker and warns). Frozen, they are never
    walked: the process is gone in 0.1 s, and its memory goes back to the system as it exits.
    """

    name = "broadsheet-quick-exit"

    def teardown(self, worker: Any) -> None:
        gc.freeze()


class PrefectApi(WorkerPlugin):
    """A Dask worker plugin that points the worker's Prefect client at the run's API before it runs a task.

    Hand-started workers do not inherit Prefect's settings; without the URL each would start a temporary API of
    its own, on its own database, and the run's task runs would be missing from the flow's API.
    """

    def __init__(self, api_url: str) -> None:
        self.api_url = api_url

    name = "broadsheet-prefect-api"  # registering it again (the next run) replaces the last run's

    async def setup(self, worker: Any) -> None:
        os.environ["PREFECT_API_URL"] = self.api_url
        os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        if "prefect.context" in sys.modules:
            # A worker that ran an earlier load read its settings then, and keeps one sender of logs and events
            # per process, bound to that load's API (a temporary server, gone): both start afresh.
            await asyncio.to_thread(_forget_earlier_api)


def _forget_earlier_api() -> None:
    from prefect.context import refresh_global_settings_context
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=5, at_exit=False)
    EventsWorker.drain_all(timeout=5, at_exit=False)
    refresh_global_settings_context()
