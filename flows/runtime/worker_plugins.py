"""Dask worker plugins a run installs: the run's Prefect API for hand-started workers, and a quick exit."""

import asyncio
import os
import sys
from typing import Any

from distributed import WorkerPlugin

from flows.runtime.memory import leave_to_exit


class QuickExit(WorkerPlugin):
    """A Dask worker plugin that leaves the worker's objects to its process's exit once it closes (`leave_to_exit`):
    the process is gone in 0.1 s, not 0.9 s, or past Dask's 4 s grace on a busy machine (killed, with a warning)."""

    name = "broadsheet-quick-exit"

    def teardown(self, worker: Any) -> None:
        leave_to_exit()


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
