"""The warehouse: where it is, how to open it, and the connections it hands out.

`Warehouse` is the one value that knows these things; every command and task goes through it
(`with warehouse.connect() as con:`), so where the warehouse lives is said once.

A DuckDB file takes one writer process at a time, and any number of readers when no one writes: a read-write open
fails while any other process has the file open, and a read-only open fails while another process writes (`Could
not set lock on file`). Writers and readers retry for a bounded time, then fail with a message that says who holds
the warehouse.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import identifiers
from warehouse.lock import WriterLock, holder_of, writer_lock

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

OnWait = Callable[[str], None]


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file."""


class WarehouseMissing(FileNotFoundError):
    """A read needs a warehouse that does not exist yet."""


@dataclass(frozen=True)
class Warehouse:
    """A warehouse in a DuckDB file, and how to open it.

    `memory_limit` (e.g. "512MB") caps DuckDB's buffer pool while loading; beyond it DuckDB spills to
    `<file>.tmp`, so a large load does not grow the process (DuckDB's own default is 80 % of the machine's memory).
    `wait_seconds` is how long an open waits for another process that holds the file.
    """

    path: Path
    memory_limit: str | None = None
    wait_seconds: float = 0.0

    @classmethod
    def at(cls, location: str | Path, *, memory_limit: str | None = None, wait_seconds: float = 0.0) -> "Warehouse":
        """The warehouse at `location` (a file path; `~` expanded, made absolute)."""
        return cls(Path(location).expanduser().resolve(), memory_limit=memory_limit, wait_seconds=wait_seconds)

    def __str__(self) -> str:
        return str(self.path)

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def connect(self, *, read_only: bool = False, on_wait: OnWait | None = None) -> duckdb.DuckDBPyConnection:
        """A connection, closed at the end of a `with` block; a writer's default catalog is the warehouse itself.

        Retries while another process holds the file, up to `wait_seconds` (`on_wait` is told once), then raises
        `WarehouseBusy`; a reader of a warehouse that does not exist gets `WarehouseMissing`.
        """
        return self._open(read_only=read_only, on_wait=on_wait)

    def writer_lock(self, *, on_wait: OnWait | None = None) -> AbstractContextManager[WriterLock]:
        """Hold the one-load-at-a-time lock for a whole run (`warehouse.lock`)."""
        return writer_lock(self.path, wait_seconds=self.wait_seconds, on_wait=on_wait)

    def _open(self, *, read_only: bool, on_wait: OnWait | None) -> duckdb.DuckDBPyConnection:
        """Open, retrying while another process holds the file's lock, up to `wait_seconds`."""
        config = _CONFIG | ({"memory_limit": self.memory_limit} if self.memory_limit else {})
        if not read_only:  # spills beside the warehouse, not in the working directory of an in-memory catalog
            config |= {"temp_directory": f"{self.path}.tmp"}
        if read_only and not self.path.exists():
            raise WarehouseMissing(f"no warehouse at {self.path}: run `broadsheet run` first, or pass --warehouse")
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while True:
            try:
                if read_only:
                    return duckdb.connect(str(self.path), read_only=True, config=config)
                return _writer(self.path, config)
            except duckdb.IOException as error:
                if "lock" not in str(error).lower():
                    raise
                holder = holder_of(self.path) or "another process"
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"the warehouse {self.path} is in use by {holder}; try again when it finishes"
                        + ("" if read_only else " or pass --wait SECONDS")
                    ) from error
                if on_wait and not told:
                    on_wait(f"waiting for {holder} to release {self.path}")
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
