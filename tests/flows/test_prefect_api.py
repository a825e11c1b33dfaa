"""The Prefect API of a `broadsheet run`: a local server when none is configured, recorded runs, no orphans."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.settings import sample_folder
from tests import faults

pytestmark = pytest.mark.e2e


def servers_of(prefect_home: Path) -> list[int]:
    """Pids of `prefect server start` processes whose PREFECT_HOME is `prefect_home`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            environment = (entry / "environ").read_bytes().split(b"\0")
        except OSError:  # gone, or not ours to read
            continue
        if b"server" in command and b"start" in command and f"PREFECT_HOME={prefect_home}".encode() in environment:
            found.append(int(entry.name))
    return found


@pytest.fixture
def unconfigured_env(tmp_path: Path) -> dict[str, str]:
    """A CLI environment with no Prefect API configured, and a Prefect home of the test's own."""
    home = tmp_path / "prefect-home"
    return {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(home)}


@pytest.mark.skipif(sys.platform != "linux", reason="reads processes from /proc")
def test_without_a_configured_api_a_run_reports_to_a_local_server_that_stops_with_it(tmp_path, unconfigured_env):
    home = Path(unconfigured_env["PREFECT_HOME"])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "run",
            str(sample_folder()),
            "-w",
            str(tmp_path / "w.duckdb"),
            "--workers",
            "2",
        ],
        env=unconfigured_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Load 1 published: read 1, published 1")
    assert "View at" not in result.stderr  # the server runs without its UI: no dead link in the log
    # The flow run and its logs were recorded by the server, in the Prefect home's database.
    with sqlite3.connect(home / "prefect.db") as db:
        runs = db.execute("SELECT f.name, r.state_type FROM flow_run r JOIN flow f ON f.id = r.flow_id").fetchall()
        logs = db.execute("SELECT count(*) FROM log WHERE message LIKE 'Load 1 published%'").fetchone()
        workers = db.execute("SELECT count(*) FROM log WHERE message LIKE 'Enriched a sub-batch of %'").fetchone()
    assert runs == [("broadsheet-run", "COMPLETED")]
    assert logs == (1,)
    assert workers == (1,)  # the local Dask worker's task reported to the same server: one API for the run
    assert servers_of(home) == []


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_a_killed_run_takes_its_local_server_with_it(tmp_path, unconfigured_env):
    home = Path(unconfigured_env["PREFECT_HOME"])
    marker = tmp_path / "halted"
    run = subprocess.Popen(
        [*faults.command(), "run", str(sample_folder()), "-w", str(tmp_path / "w.duckdb")],
        env=unconfigured_env | faults.halted_env("read", marker),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 180
    while not marker.exists():
        assert run.poll() is None, run.stderr.read() if run.stderr else ""
        assert time.monotonic() < deadline, "the run never reached its read halt point"
        time.sleep(0.1)
    assert len(servers_of(home)) == 1
    os.kill(run.pid, signal.SIGKILL)
    run.wait(30)
    deadline = time.monotonic() + 30
    while servers_of(home):
        assert time.monotonic() < deadline, "the local Prefect server outlived the run that started it"
        time.sleep(0.2)
