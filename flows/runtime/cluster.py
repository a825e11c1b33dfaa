"""Where a run's enrichment runs: in the flow's own process, on a local Dask cluster of worker processes (one per
core by default), or on an existing Dask cluster (`--dask-address`), through Prefect's Dask task runner.

Every worker's task runs report to the run's one Prefect API: local workers inherit its URL from this process's
environment; workers of an existing cluster, started by hand without it, are given it by a worker plugin before
anything is submitted (across machines the API must be a server they reach: `PREFECT_API_URL`;
`flows.runtime.worker_plugins`). Dask itself is imported only once there is something to enrich.
"""

import logging
import os
import tempfile
import time
from typing import Any

from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner

# How long an existing scheduler has to answer before the run gives up, before anything is read.
CONNECT_SECONDS = 10


class SchedulerUnreachable(RuntimeError):
    """`--dask-address` names no Dask scheduler that answers."""


def default_workers() -> int:
    """One worker process per core."""
    return os.cpu_count() or 1


def task_runner(workers: int, address: str | None) -> "DaskWhenNeeded | None":
    """A Prefect Dask task runner for `workers` local worker processes (one thread each), or for the existing
    cluster at `address`; None to run in the flow's process (one worker, no cluster)."""
    if address is None and workers <= 1:
        return None
    # Dask's own INFO lines (every worker started, every client closed) drown the run's log; its warnings stay.
    # Local workers inherit the environment's setting.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if address is not None:
        return DaskWhenNeeded(address=address)
    return DaskWhenNeeded(
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


# A local cluster's own upkeep, set down from Dask's defaults: each worker samples its running task's stack every
# 10 ms for the dashboard's profile (nobody reads it here), and every scheduler, nanny and worker checks its event
# loop every 20 ms, its system load every 0.5 s and its memory every 0.1 s. Idle, that is 3 % of a core in the flow
# process and 2 % in each worker (measured: a two-worker LocalCluster over 10 s), 0.4-0.9 % with these.
QUIET_LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskWhenNeeded(TaskRunner[PrefectFuture[Any]]):
    """Prefect's Dask task runner (prefect-dask's `DaskTaskRunner`, given the same settings), made when the run
    first submits a task: a run with nothing to enrich (an unchanged re-run) neither starts a cluster nor imports
    Dask, which costs every command that builds the runner 0.2 s."""

    def __init__(self, **settings: Any) -> None:
        super().__init__()
        self.settings = settings
        self._dask: Any = None

    def duplicate(self) -> "DaskWhenNeeded":
        return type(self)(**self.settings)

    @property
    def dask(self) -> Any:
        """The Dask task runner, made and started on first use."""
        if self._dask is None:
            import dask
            from prefect_dask import DaskTaskRunner

            if "cluster_kwargs" in self.settings:
                # Dask has its worker processes hand freed memory back to the system from 64 KiB up
                # (MALLOC_TRIM_THRESHOLD_), for its memory monitor's sake; spaCy frees and reallocates arrays all
                # the time, and that setting cost each worker three times the system time and 6 % of its
                # enrichment speed (measured on the BBC articles). A worker's memory here follows its sub-batch,
                # not the run, so glibc's own default is kept.
                dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None})
                dask.config.set(QUIET_LOCAL_CLUSTER)
            self._dask = DaskTaskRunner(**self.settings).__enter__()
        return self._dask

    @property
    def client(self) -> Any:
        """The Dask client (prefect-dask's), connected to the cluster."""
        return self.dask.client

    def submit(self, task: Any, parameters: dict[str, Any], wait_for: Any = None, dependencies: Any = None) -> Any:
        return self.dask.submit(task, parameters, wait_for, dependencies)

    def __exit__(self, *args: Any) -> None:
        if self._dask is not None:
            self._dask.__exit__(*args)
            self._dask = None
        super().__exit__(*args)


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
            from flows.runtime.worker_plugins import PrefectApi

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
    from distributed import fire_and_forget

    from flows.runtime.worker_plugins import QuickExit

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
    return f"Dask scheduler {info.get('address', runner.settings.get('address'))} with {len(info['workers'])} workers"
