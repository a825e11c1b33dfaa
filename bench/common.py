"""What the benchmarks share: running `broadsheet` as a user would, and reading a run's own timing."""

import os
import re
import resource
import subprocess
import tempfile
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"


def broadsheet_run(
    *args: str, extra_env: dict[str, str] | None = None, without: tuple[str, ...] = ()
) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB of this run's process tree, the run's summary line) of `broadsheet run`, with
    `extra_env` added to the environment and the variables named in `without` taken out."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    env = os.environ | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"} | (extra_env or {})
    env = {name: value for name, value in env.items() if name not in without}
    started = time.perf_counter()
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "broadsheet"), "run", *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        log = Path(tempfile.gettempdir()) / "broadsheet-bench-failure.log"
        log.write_text(result.stderr)
        errors = [line for line in result.stderr.splitlines() if "Error" in line][:5]
        raise SystemExit(
            f"broadsheet run {' '.join(args)} exited {result.returncode} (full log: {log}):\n" + "\n".join(errors)
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = next(line for line in result.stdout.splitlines() if line.startswith("Load "))
    flow_peak = re.search(r"peak memory (\d+) MB", result.stderr)
    if flow_peak:  # the pipeline's own process, apart from Prefect's temporary API server beside it
        summary += f" [pipeline process peak {flow_peak.group(1)} MB]"
    between = re.findall(r"memory (\d+) MB \(peak", result.stderr)
    if len(between) > 1:  # resident memory after the first and the last batch, freed memory handed back
        summary += f" [after batch 1: {between[0]} MB, after batch {len(between)}: {between[-1]} MB]"
    # ru_maxrss of children is the largest child so far: a run smaller than an earlier one reads as that one.
    return seconds, max(peak, before) // 1024, summary


def in_flow_seconds(warehouse: Path, load_id: int) -> float:
    """How long the flow itself took (etl_run), without process start-up and Prefect's temporary API."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("SELECT epoch(finished_at - started_at) FROM etl_run WHERE load_id = ?", [load_id]).fetchone()
    assert row is not None
    return float(row[0])


if __name__ == "__main__":
    # `python bench/common.py ARGS...`: one `broadsheet run ARGS...`, measured in a fresh process so that its peak
    # RSS is its own (a process's children's peak only ever grows).
    import json
    import sys

    wall, peak, summary = broadsheet_run(*sys.argv[1:])
    print(json.dumps({"wall": wall, "peak_mb": peak, "summary": summary}))
