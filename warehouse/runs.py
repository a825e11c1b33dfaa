"""The `etl_run` bookkeeping: one row per run, from `running` to `published`, `blocked` or `failed`."""

import os
import socket

import duckdb

from transforms.published import PUBLISHED_TABLES
from warehouse import identifiers
from warehouse.sql_files import execute, sql
from warehouse.transaction import transaction


def begin_run(
    con: duckdb.DuckDBPyConnection,
    *,
    flow_run_id: str | None,
    sources: list[str],
    pid: int,
    others_may_run: bool = False,
) -> int:
    """Mark runs that died as failed, clear their staging, and open a new run; return its load_id.

    Call it holding the writer lock: any run still marked `running` then belongs to a dead process. Where other
    runs may be loading at the same time (`others_may_run`, a shared lake), a run is judged dead only by its own
    machine, when its process is gone; call it holding the publish lock (`Warehouse.exclusive`).
    """
    host = socket.gethostname()
    dead = []
    with transaction(con):
        for load_id, dead_pid, run_host, published in con.execute(sql("runs/stale")).fetchall():
            if others_may_run and (run_host != host or _alive(dead_pid)):
                continue
            message = f"the run's process (pid {dead_pid}) ended before it finished; staging cleared"
            if published:
                message += f"; the {published} articles of its completed batches stay published"
            execute(con, "runs/fail", load_id=load_id, message=message)
            dead.append(load_id)
        row = execute(con, "runs/begin", flow_run_id=flow_run_id, sources=sources, pid=pid, host=host).fetchone()
    # Staging may be another database than etl_run (a lake's), and a transaction writes to one: emptied after.
    with transaction(con):
        for load_id in dead:
            clear_staging(con, load_id)
    assert row is not None
    return int(row[0])


def record_snapshot(con: duckdb.DuckDBPyConnection, load_id: int, snapshot_id: int | None) -> None:
    """Note the lake snapshot that load `load_id` ended at (nothing to note on a DuckDB file)."""
    if snapshot_id is not None:
        with transaction(con):
            execute(con, "runs/snapshot", load_id=load_id, snapshot_id=snapshot_id)


def _alive(pid: int | None) -> bool:
    """Whether process `pid` of this machine still runs."""
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fail_run(con: duckdb.DuckDBPyConnection, load_id: int, message: str) -> None:
    """Record that a run stopped on an error; its staging is cleared (batches it published before stay)."""
    with transaction(con):
        execute(con, "runs/fail", load_id=load_id, message=message)
    with transaction(con):
        clear_staging(con, load_id)


def clear_staging(con: duckdb.DuckDBPyConnection, load_id: int) -> None:
    for table in PUBLISHED_TABLES:
        con.execute(f"DELETE FROM {identifiers.table('staging', table)} WHERE load_id = ?", [load_id])  # noqa: S608
