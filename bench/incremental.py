"""Unchanged re-run of the HuffPost and BBC corpora against the first run, in one sitting.

The goal: an unchanged re-run costs at most 5 % of the first. Reported three ways: the wall time of the command as
a new user runs it (Prefect's API a temporary local server, started and stopped by the command); the wall time
with a Prefect server already running (`PREFECT_API_URL`, as scheduled runs have); and the flow's own time (from
`etl_run`), without Python's start-up and Prefect's.

Run: `.venv/bin/python bench/incremental.py`
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, REPO, broadsheet_run, in_flow_seconds

sys.path.insert(0, str(REPO))
from flows.runtime.prefect_server import LocalPrefectServer


def main() -> None:
    sources = [str(CORPORA / "huffpost"), str(CORPORA / "bbc")]
    with tempfile.TemporaryDirectory() as folder:
        warehouse = Path(folder) / "bench.duckdb"
        first_wall, _, first = broadsheet_run(*sources, "-w", str(warehouse))
        again_wall, _, again = broadsheet_run(*sources, "-w", str(warehouse))
        server = LocalPrefectServer(scheduler=False)
        try:
            url = server.wait_until_healthy()
            served_wall, _, served = broadsheet_run(*sources, "-w", str(warehouse), extra_env={"PREFECT_API_URL": url})
        finally:
            server.stop()
        first_flow, again_flow, served_flow = (in_flow_seconds(warehouse, load) for load in (1, 2, 3))
    print(f"{'run':<34}{'wall s':>9}{'flow s':>9}  outcome")
    print(f"{'first':<34}{first_wall:>9.2f}{first_flow:>9.2f}  {first}")
    print(f"{'unchanged re-run':<34}{again_wall:>9.2f}{again_flow:>9.2f}  {again}")
    print(f"{'unchanged re-run, Prefect server':<34}{served_wall:>9.2f}{served_flow:>9.2f}  {served}")
    print(
        f"re-run / first: wall {again_wall / first_wall:.1%} (with a Prefect server {served_wall / first_wall:.1%}),"
        f" flow {again_flow / first_flow:.1%} (goal <= 5%)"
    )


if __name__ == "__main__":
    main()
