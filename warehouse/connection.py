"""Opening the warehouse file: one writer process at a time, any number of readers when no one writes.

DuckDB locks the file per process: a read-write open fails while any other process has it open, and a read-only
open fails while another process writes (`Could not set lock on file`). Writers and readers retry for a bounded
time, then fail with a message that says who holds the warehouse.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse import identifiers
from warehouse.lock import holder_of

# Extensions are never fetched at run time: this machine is offline, and a missing one should fail at once.
_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
_RETRY_EVERY = 0.2
# Rows per row group of the tables a load appends to. DuckDB rewrites a table's last, partly filled row group at
# every checkpoint (each load's commit), so the checkpoint's memory follows the row group: with DuckDB's default of
# 122,880 rows it grew by about 4 MB per 1,000 articles published; 2,048 rows (its vector size, the smallest it
# takes) holds it flat, with no loss of query speed and a smaller file on the 10,000-article benchmark. DuckDB
# does not store the setting in the file, so every writing connection attaches the warehouse with it.
ROW_GROUP_SIZE = 2048


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file."""


class WarehouseMissing(FileNotFoundError):
    """A read needs a warehouse that does not exist yet."""


def connect(
    path: Path,
    *,
    read_only: bool = False,
    wait_seconds: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
    memory_limit: str | None = None,
) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse at `path`, retrying while another process holds its lock.

    `memory_limit` (e.g. "512MB") caps DuckDB's buffer pool; beyond it DuckDB spills to disk, so a large load does
    not grow the process (DuckDB's own default is 80 % of the machine's memory).
    """
    config = _CONFIG | ({"memory_limit": memory_limit} if memory_limit else {})
    if not read_only:  # spills beside the warehouse, not in the working directory of an in-memory catalog
        config |= {"temp_directory": f"{path}.tmp"}
    if read_only and not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `broadsheet run` first, or pass --warehouse")
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=True, config=config) if read_only else _writer(path, config)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            holder = holder_of(path) or "another process"
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {path} is in use by {holder}; try again when it finishes"
                    + ("" if read_only else " or pass --wait SECONDS")
                ) from error
            if on_wait and not told:
                on_wait(f"waiting for {holder} to release {path}")
                told = True
            time.sleep(_RETRY_EVERY)


def _writer(path: Path, config: dict[str, str | bool | int | float | list[str]]) -> duckdb.DuckDBPyConnection:
    """A read-write connection whose default catalog is the warehouse, attached with `ROW_GROUP_SIZE`."""
    con = duckdb.connect(config=config)
    try:
        # ATTACH takes no parameters: the path goes in quoted by `path_literal`; the size is our constant.
        con.execute(f"ATTACH {identifiers.path_literal(path)} AS warehouse (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Everything inside commits together or not at all."""
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()
