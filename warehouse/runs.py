"""The `etl_run` bookkeeping: one row per run, from `running` to `published`, `blocked` or `failed`."""

import duckdb

from transforms.published import PUBLISHED_TABLES
from warehouse import identifiers
from warehouse.connection import transaction
from warehouse.sql_files import execute, sql


def begin_run(con: duckdb.DuckDBPyConnection, *, flow_run_id: str | None, sources: list[str], pid: int) -> int:
    """Mark runs that died as failed, clear their staging, and open a new run; return its load_id.

    Call it holding the writer lock: any run still marked `running` then belongs to a dead process.
    """
    with transaction(con):
        for load_id, dead_pid, published in con.execute(sql("runs/stale")).fetchall():
            message = f"the run's process (pid {dead_pid}) ended before it finished; staging cleared"
            if published:
                message += f"; the {published} articles of its completed batches stay published"
            execute(con, "runs/fail", load_id=load_id, message=message)
            clear_staging(con, load_id)
        row = execute(con, "runs/begin", flow_run_id=flow_run_id, sources=sources, pid=pid).fetchone()
    assert row is not None
    return int(row[0])


def fail_run(con: duckdb.DuckDBPyConnection, load_id: int, message: str) -> None:
    """Record that a run stopped on an error; its staging is cleared (batches it published before stay)."""
    with transaction(con):
        execute(con, "runs/fail", load_id=load_id, message=message)
        clear_staging(con, load_id)


def clear_staging(con: duckdb.DuckDBPyConnection, load_id: int) -> None:
    for table in PUBLISHED_TABLES:
        con.execute(f"DELETE FROM {identifiers.table('staging', table)} WHERE load_id = ?", [load_id])  # noqa: S608
