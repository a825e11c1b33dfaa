"""The Prefect API a command's flow runs report to: the one Prefect is configured with, else a local server.

With no API configured (`PREFECT_API_URL` in the environment, a profile, `prefect.toml` or `.env`), Prefect starts
a temporary server itself, but only when the flow is first called, after every import, and importing that server
costs the calling process as much again (measured on 2 cores: 4.4 s to import it, 5.5 s for it to answer). So
`broadsheet` starts the same server (`prefect server start`) first thing: it boots on the other core while the
command imports Prefect and the pipeline, and it stops when the command ends. `run` needs only the API; `serve`
adds the scheduler, which runs a deployment's schedule, and the UI.
"""

import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

READY_SECONDS = 90


class LocalPrefectServer:
    """A `prefect server start` child process on loopback, started at once and waited for when first needed."""

    def __init__(self, *, scheduler: bool) -> None:
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/api"
        self.ui_url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
        command += ["--analytics-off"] + ([] if scheduler else ["--no-services", "--no-ui"])
        env = os.environ | {"PREFECT_UI_API_URL": self.url, "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}
        # The server logs every request: to a file, so that a full pipe never stalls it.
        self.log = Path(tempfile.gettempdir()) / f"broadsheet-prefect-server-{port}.log"
        with self.log.open("wb") as output:
            self._process = subprocess.Popen(
                command,
                env=env,
                stdout=output,
                stderr=output,
                start_new_session=True,  # Ctrl-C reaches broadsheet, which stops the server in order
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )

    def wait_until_healthy(self) -> str:
        """The API's URL once it answers; RuntimeError (with the server's last words) if it dies or never does."""
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                detail = self.log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the local Prefect server exited with code {self._process.returncode}: {detail}")
            try:
                # Straight to loopback: a proxy from the environment has no business here.
                if httpx.get(f"{self.url}/health", timeout=2, trust_env=False).status_code == 200:
                    return self.url
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the local Prefect server did not answer at {self.url} within {READY_SECONDS} s")

    def stop(self) -> None:
        """Stop the server and everything it started; its log file goes with it."""
        if self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait(10)
        self.log.unlink(missing_ok=True)


def configured_api_url() -> str | None:
    """The API URL Prefect is configured with, from wherever Prefect reads its settings; None when there is none."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


@contextmanager
def prefect_api(*, scheduler: bool = False) -> Iterator[LocalPrefectServer | None]:
    """Flows in this block report to the configured Prefect API, else to a local server started now (yielded).

    The caller imports and prepares while the server boots, and calls `wait_until_healthy` before its first flow.
    """
    # Started before Prefect is imported to read its settings (2 s): most users configure nothing.
    server = None if os.environ.get("PREFECT_API_URL") else LocalPrefectServer(scheduler=scheduler)
    try:
        if configured_api_url():  # a profile, prefect.toml or .env names one after all
            if server:
                server.stop()
                server = None
            yield None
            return
        assert server is not None
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
            PREFECT_UI_URL,
            temporary_settings,
        )

        # Without its UI the server has no pages to link to: no "View at" line in the run's log.
        ui_url = server.ui_url if scheduler else ""
        # Heartbeats tell a lasting server that a run's process died; this server dies with the process. Their thread
        # also sleeps in whole seconds, so stopping it added about half a second to every run.
        updates = {PREFECT_API_URL: server.url, PREFECT_UI_URL: ui_url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
        # In the environment too: a local Dask cluster's worker processes inherit it and report to this server.
        os.environ["PREFECT_API_URL"] = server.url
        with temporary_settings(updates=updates):
            try:
                yield server
            finally:
                _deliver_logs_and_events()
                os.environ.pop("PREFECT_API_URL", None)
    finally:
        if server:
            server.stop()


def _deliver_logs_and_events() -> None:
    """Send the run's last logs and events to the API before it stops (Prefect would try at exit, too late)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10, at_exit=False)
    EventsWorker.drain_all(timeout=10, at_exit=False)


def _die_with_parent() -> None:
    """In the child: be sent SIGTERM when broadsheet dies, even by SIGKILL, so no orphan server is left behind."""
    pr_set_pdeathsig = 1  # <linux/prctl.h>
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
