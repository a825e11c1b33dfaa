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

from warehouse.lock import holder_of

# Extensions are never fetched at run time: this machine is offline, and a missing one should fail at once.
_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
_RETRY_EVERY = 0.2


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
    if read_only and not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `broadsheet run` first, or pass --warehouse")
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
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
