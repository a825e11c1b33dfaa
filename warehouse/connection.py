"""The warehouse: where it is, how to open it, and the connections it hands out.

`Warehouse` is the one value that knows these things; every command and task goes through it
(`with warehouse.connect() as con:`), so where the warehouse lives is said once. It lives in a DuckDB file
(`DuckDBFile`, here) or in a DuckLake (`warehouse.lake.Lake`); `warehouse.location.warehouse_at` reads which from
the `--warehouse` string.

A DuckDB file takes one writer process at a time, and any number of readers when no one writes: a read-write open
fails while any other process has the file open, and a read-only open fails while another process writes (`Could
not set lock on file`). Writers and readers retry for a bounded time, then fail with a message that says who holds
the warehouse.
"""

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import identifiers, migrate
from warehouse.lock import WriterLock, holder_of, writer_lock

# Extensions are never fetched at run time: this machine is offline, and a missing one should fail at once.
CONFIG: dict[str, str | bool | int | float | list[str]] = {
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
# Bytes per block of a warehouse file made from now on; DuckDB fixes it when it creates the file, and a file made
# before keeps its own (DuckDB's default, 256 KiB). A commit that appends fewer rows than a row group to a table
# that already holds rows copies them into new in-memory segments, a whole block for each column and as much for
# its validity, held until the next checkpoint; only a table's first append (an empty table) takes the
# transaction's segments as they are. So each batch after the first cost its publish 35-50 MB more at 256 KiB
# (fct_article's 35 columns alone 18 MB, whether 100 or 1,000 articles), the staging write as much again, and the
# first batch looked cheap beside the later ones. 16 KiB (DuckDB's smallest) cuts that to a sixteenth: the flow's
# peak on 10,000 JSON Lines records went from 718 to 669 MB (`bench/memory_jsonl.py`), and 100,000 synthetic
# articles (`bench/lake.py`'s) filled as fast, answered the Mali-by-week query as fast and took 218 MB, not 265.
# The price: a load into a large warehouse peaks higher (1,000 articles into 200,000: 831 MB against 776 MB at
# 256 KiB, `bench/large_warehouse.py`), as DuckDB keeps sixteen times as many blocks of its indexes and tables.
BLOCK_SIZE = 16384

OnWait = Callable[[str], None]


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file."""


class WarehouseMissing(FileNotFoundError):
    """A read needs a warehouse that does not exist yet."""


class WarehouseUnavailable(RuntimeError):
    """The warehouse's catalog cannot be reached (e.g. its PostgreSQL server is down), or refused a commit."""


class Warehouse(ABC):
    """Where the warehouse lives and how to open it: what every command and task is given."""

    wait_seconds: float

    @property
    @abstractmethod
    def location(self) -> str:
        """The warehouse's `--warehouse` string, made absolute: what opens it again, from any directory."""

    @property
    @abstractmethod
    def exists(self) -> bool:
        """Whether there is a warehouse to read yet."""

    @abstractmethod
    def connect(self, *, read_only: bool = False, on_wait: OnWait | None = None) -> duckdb.DuckDBPyConnection:
        """A connection, closed at the end of a `with` block, whose default catalog is the warehouse."""

    @abstractmethod
    def writer_lock(self, *, on_wait: OnWait | None = None) -> AbstractContextManager[WriterLock | None]:
        """What a run holds from start to end when the warehouse takes one writer at a time."""

    def migrate(self, con: duckdb.DuckDBPyConnection) -> list[int]:
        """Bring the warehouse to the current schema (`warehouse.migrate`); return the versions applied now."""
        return migrate.migrate(con)

    def exclusive(self) -> AbstractContextManager[None]:
        """Held around each write to a warehouse that several runs write at once: one publisher at a time.

        A warehouse with one writer at a time (`writer_lock`) needs nothing more.
        """
        return nullcontext()

    @property
    def concurrent_writers(self) -> bool:
        """Whether other runs may publish while this one runs (then a batch is checked again as it publishes)."""
        return False

    def snapshot(self, con: duckdb.DuckDBPyConnection) -> int | None:
        """The warehouse's current snapshot, on warehouses that keep them (DuckLake); None on a DuckDB file."""
        return None

    def kept_snapshots(self, con: duckdb.DuckDBPyConnection) -> set[int] | None:
        """The snapshots that can still be read (`as_of`); None where the warehouse keeps none (a DuckDB file)."""
        return None

    def as_of(self, snapshot: int) -> "Warehouse":
        """The warehouse as it was at `snapshot`, read-only."""
        raise ValueError(f"{self} keeps no snapshots: as-of queries need a DuckLake warehouse (ducklake:…)")

    def close(self) -> None:  # noqa: B027 - a file keeps nothing open: a no-op, not abstract
        """Release what the warehouse keeps open in this process between connections (nothing, for a file)."""

    def explain(self, error: BaseException) -> BaseException:
        """The error in words a user can act on, where the warehouse knows better ones than its engine's."""
        return error


@dataclass(frozen=True)
class DuckDBFile(Warehouse):
    """A warehouse in a DuckDB file, and how to open it.

    `memory_limit` (e.g. "256MB") caps DuckDB's buffer pool while loading; beyond it DuckDB spills to
    `<file>.tmp`, so a large load does not grow the process (DuckDB's own default is 80 % of the machine's memory).
    `wait_seconds` is how long an open waits for another process that holds the file.
    """

    path: Path
    memory_limit: str | None = None
    wait_seconds: float = 0.0

    @classmethod
    def at(cls, location: str | Path, *, memory_limit: str | None = None, wait_seconds: float = 0.0) -> "DuckDBFile":
        """The warehouse at `location` (a file path; `~` expanded, made absolute)."""
        return cls(Path(location).expanduser().resolve(), memory_limit=memory_limit, wait_seconds=wait_seconds)

    def __str__(self) -> str:
        return str(self.path)

    @property
    def location(self) -> str:
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

    def writer_lock(self, *, on_wait: OnWait | None = None) -> AbstractContextManager[WriterLock | None]:
        """Hold the one-load-at-a-time lock for a whole run (`warehouse.lock`)."""
        return writer_lock(self.path, wait_seconds=self.wait_seconds, on_wait=on_wait)

    def _open(self, *, read_only: bool, on_wait: OnWait | None) -> duckdb.DuckDBPyConnection:
        config = CONFIG | ({"memory_limit": self.memory_limit} if self.memory_limit else {})
        if not read_only:  # spills beside the warehouse, not in the working directory of an in-memory catalog
            config |= {"temp_directory": f"{self.path}.tmp"}
        if read_only and not self.path.exists():
            raise WarehouseMissing(f"no warehouse at {self.path}: run `broadsheet run` first, or pass --warehouse")

        def attempt() -> duckdb.DuckDBPyConnection:
            if read_only:
                return duckdb.connect(str(self.path), read_only=True, config=config)
            return _writer(self.path, config)

        return waiting(attempt, self.path, self.wait_seconds, on_wait=on_wait, read_only=read_only)


def waiting(
    attempt: Callable[[], duckdb.DuckDBPyConnection],
    path: Path,
    wait_seconds: float,
    *,
    on_wait: OnWait | None,
    read_only: bool,
) -> duckdb.DuckDBPyConnection:
    """`attempt()` to open the DuckDB file at `path`, retrying while another process holds its lock, up to
    `wait_seconds`; then `WarehouseBusy`, naming the run that holds it."""
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return attempt()
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
    """A read-write connection whose default catalog is the warehouse, attached with `ROW_GROUP_SIZE`; a warehouse
    file made now is made with `BLOCK_SIZE` (an existing one keeps its own, which DuckDB reads from the file)."""
    options = f"ROW_GROUP_SIZE {ROW_GROUP_SIZE}" + ("" if path.exists() else f", BLOCK_SIZE {BLOCK_SIZE}")
    con = duckdb.connect(config=config)
    try:
        # ATTACH takes no parameters: the path goes in quoted by `path_literal`; the sizes are our constants.
        con.execute(f"ATTACH {identifiers.path_literal(path)} AS warehouse ({options})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con
