"""`broadsheet serve` for real: a local Prefect server, a scheduled run that publishes, a clean Ctrl-C."""

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

pytestmark = pytest.mark.e2e


def published_runs(warehouse) -> int:
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute("SELECT count(*) FROM v_runs WHERE status = 'published'").fetchone()[0]
    except duckdb.Error:  # not created yet, or a run holds it for writing
        return 0


def test_a_scheduled_run_fires_and_publishes_and_ctrl_c_stops_the_server(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--interval", "5", "-w", str(warehouse)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while published_runs(warehouse) == 0:
            assert serve.poll() is None, serve.stderr.read()
            assert time.monotonic() < deadline, "no scheduled run published within 240 s"
            time.sleep(1)
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        _, stderr = serve.communicate(timeout=60)
    assert serve.returncode == 0, stderr
    assert "Started a local Prefect server" in stderr and "Stopped the local Prefect server" in stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM v_articles").fetchone() == (1,)
