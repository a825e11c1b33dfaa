"""`broadsheet serve` for real: a local Prefect server, a scheduled run that publishes, a clean Ctrl-C."""

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from warehouse.connection import WarehouseBusy, WarehouseMissing
from warehouse.location import warehouse_at

pytestmark = pytest.mark.e2e


def count(warehouse: str, query: str) -> int:
    store = warehouse_at(warehouse)
    try:
        with store.connect(read_only=True) as con:
            return con.execute(query).fetchone()[0]
    finally:
        store.close()


def published_runs(warehouse: str) -> int:
    try:
        return count(warehouse, "SELECT count(*) FROM v_runs WHERE status = 'published'")
    except (duckdb.Error, WarehouseBusy, WarehouseMissing):  # not created yet, or a run holds it for writing
        return 0


# A DuckDB file, and a DuckLake whose catalog is a DuckDB file: scheduled runs work on either.
@pytest.mark.parametrize("location", ["w.duckdb", "ducklake:news.ducklake"])
def test_a_scheduled_run_fires_and_publishes_and_ctrl_c_stops_the_server(tmp_path, location):
    prefix = "ducklake:" if location.startswith("ducklake:") else ""
    warehouse = prefix + str(tmp_path / location.removeprefix("ducklake:"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--interval", "5", "-w", warehouse],
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
    assert count(warehouse, "SELECT count(*) FROM v_articles") == 1
