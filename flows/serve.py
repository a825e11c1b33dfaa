"""Scheduled runs: a Prefect deployment of the pipeline, served until Ctrl-C.

Prefect's temporary API cannot schedule ("Cannot schedule flows on an ephemeral server"), so without a configured
API `serve` runs beside a local Prefect server with its scheduler (`flows.prefect_api`) for as long as it serves.
"""

from datetime import timedelta
from typing import Any

from flows.settings import RunOptions


def serve_pipeline(
    sources: list[str],
    warehouse: str,
    source_name: str | None,
    options: RunOptions,
    read_options: dict[str, object],
    data_path: str | None = None,
    *,
    cron: str | None,
    interval: float | None,
    task_runner: Any = None,
) -> None:
    """Serve the pipeline as deployment `broadsheet-run/broadsheet` on the configured Prefect API until stopped."""
    from flows.pipeline import run_pipeline

    flow = run_pipeline.with_options(task_runner=task_runner) if task_runner else run_pipeline
    flow.serve(
        name="broadsheet",
        cron=cron,
        interval=timedelta(seconds=interval) if interval else None,
        parameters={
            "sources": sources,
            "warehouse": warehouse,
            "source_name": source_name,
            "options": options.model_dump(),
            "read_options": read_options,
            "data_path": data_path,
        },
        description="Load the configured news sources into the broadsheet warehouse.",
        tags=["broadsheet"],
        # The warehouse takes one writer at a time: a run due while another loads waits for the next slot.
        limit=1,
    )
