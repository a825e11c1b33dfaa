"""Scheduled runs: a Prefect deployment of the pipeline, served until Ctrl-C.

Prefect's temporary API cannot schedule ("Cannot schedule flows on an ephemeral server"), so without
`PREFECT_API_URL` a local Prefect server is started as a child process for as long as `serve` runs.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import httpx

from flows.settings import RunOptions

SERVER_READY_SECONDS = 90


@contextmanager
def local_prefect_server(say: Callable[[str], None], port: int | None = None) -> Iterator[str]:
    """Start `prefect server start` on loopback and yield its API URL; stop it on exit."""
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = os.environ | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_API_URL": url}
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    # The server logs every request: to a file, so that a full pipe never stalls it.
    log = Path(tempfile.gettempdir()) / f"broadsheet-prefect-server-{port}.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=output, start_new_session=True)
    try:
        _wait_until_healthy(server, url, log)
        say(f"Started a local Prefect server for the schedule; its UI is at http://127.0.0.1:{port}")
        yield url
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(10)
        say("Stopped the local Prefect server")


def serve_pipeline(
    sources: list[str],
    warehouse: str,
    source_name: str | None,
    options: RunOptions,
    read_options: dict[str, object],
    *,
    cron: str | None,
    interval: float | None,
) -> None:
    """Serve the pipeline as deployment `broadsheet-run/broadsheet` on the configured Prefect API until stopped."""
    from flows.pipeline import run_pipeline

    run_pipeline.serve(
        name="broadsheet",
        cron=cron,
        interval=timedelta(seconds=interval) if interval else None,
        parameters={
            "sources": sources,
            "warehouse": warehouse,
            "source_name": source_name,
            "options": options.model_dump(),
            "read_options": read_options,
        },
        description="Load the configured news sources into the broadsheet warehouse.",
        tags=["broadsheet"],
        # The warehouse takes one writer at a time: a run due while another loads waits for the next slot.
        limit=1,
    )


def _wait_until_healthy(server: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_READY_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            detail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the local Prefect server exited with code {server.returncode}: {detail}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the local Prefect server did not answer at {url} within {SERVER_READY_SECONDS} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
