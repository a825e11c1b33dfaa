"""A warehouse in a DuckLake: the same tables and views, a catalog many clients share, data in Parquet files.

The catalog is a DuckDB file (`ducklake:PATH`: one writing process at a time, like a DuckDB warehouse) or a
PostgreSQL database (`ducklake:postgres:DSN`: runs on many machines write at once); the data files live under the
data path given when the lake is created (a folder, or a URL DuckDB's httpfs extension reads). Every commit is a
snapshot that can be read later (`as_of`).

DuckLake enforces no primary or unique keys, so on a shared catalog every write is serialised by a PostgreSQL
advisory lock (`exclusive`): one run publishes at a time, and each checks its batch against what the others have
published just before it does. Staging stays on the writing machine, in the connection's in-memory database.
"""

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from importlib import import_module
from pathlib import Path

import duckdb

from warehouse import identifiers, lake_schema
from warehouse.connection import (
    CONFIG,
    OnWait,
    Warehouse,
    WarehouseMissing,
    WarehouseUnavailable,
    waiting,
)
from warehouse.lock import WriterLock, writer_lock
from warehouse.sql_files import execute

NAME = "lake"  # the lake's name in every connection; the staging database is `staging`
_LOCK_DATABASE = "broadsheet_pg"  # the catalog's PostgreSQL database, attached for the publish lock
# The advisory lock every writer of a PostgreSQL-catalog lake takes around its writes (any fixed number; this is
# "broadsheet" in ASCII, read as an integer, so it will not collide with another application's by chance).
_PUBLISH_LOCK = 0x62726F6164736865
# The processes' open lakes: attaching costs tens of milliseconds and the staging database lives in the
# connection, so every task of a run shares one, and `Lake.close` ends it.
_OPEN: dict["Lake", tuple[duckdb.DuckDBPyConnection, bool]] = {}  # lake → (connection, read-only)


class LakeMismatch(ValueError):
    """The lake was created with another data path than the one given."""


@dataclass(frozen=True)
class Lake(Warehouse):
    """A DuckLake warehouse: `catalog` is a DuckDB file path or `postgres:` and a libpq connection string.

    `data_path` is where a new lake keeps its Parquet files (a file catalog's default is `<catalog>.files/`
    beside it); given for an existing lake, it must be the one it was created with. `snapshot_version` pins a
    read-only lake to one snapshot.
    """

    catalog: str
    data_path: str | None = None
    memory_limit: str | None = None
    wait_seconds: float = 0.0
    snapshot_version: int | None = None

    def __str__(self) -> str:
        # A connection string may hold a password: never print it.
        return "ducklake:" + re.sub(r"(password\s*=\s*)\S+", r"\1***", self.catalog)

    @property
    def location(self) -> str:
        return "ducklake:" + self.catalog

    @property
    def on_postgres(self) -> bool:
        return self.catalog.startswith("postgres:")

    @property
    def catalog_path(self) -> Path | None:
        """The catalog's DuckDB file, or None for a PostgreSQL catalog."""
        return None if self.on_postgres else Path(self.catalog)

    @property
    def exists(self) -> bool:
        path = self.catalog_path
        return path.exists() if path else True

    @property
    def concurrent_writers(self) -> bool:
        return self.on_postgres

    def connect(self, *, read_only: bool = False, on_wait: OnWait | None = None) -> duckdb.DuckDBPyConnection:
        """A connection to the process's open lake (opened now if need be) whose default catalog is the lake."""
        read_only = read_only or self.snapshot_version is not None
        base, base_read_only = _OPEN.get(self, (None, True))
        if base is not None and base_read_only and not read_only:
            _OPEN.pop(self)[0].close()  # a writer after a reader in one process: one attachment at a time
            base = None
        if base is None:
            base = self._open(read_only=read_only, on_wait=on_wait)
            _OPEN[self] = (base, read_only)
        con = base.cursor()
        con.execute(f"USE {NAME}")
        return con

    def writer_lock(self, *, on_wait: OnWait | None = None) -> AbstractContextManager[WriterLock | None]:
        """A file catalog takes one writing process at a time, as a DuckDB warehouse; a PostgreSQL one takes many."""
        path = self.catalog_path
        if path is None:
            return nullcontext()
        return writer_lock(path, wait_seconds=self.wait_seconds, on_wait=on_wait)

    def migrate(self, con: duckdb.DuckDBPyConnection) -> list[int]:
        applied = lake_schema.migrate(con)
        lake_schema.create_staging(con)
        return applied

    def exclusive(self) -> AbstractContextManager[None]:
        return self._publish_lock() if self.on_postgres else nullcontext()

    def snapshot(self, con: duckdb.DuckDBPyConnection) -> int | None:
        row = execute(con, "lake/current_snapshot", lake=NAME).fetchone()
        assert row is not None
        return int(row[0])

    def kept_snapshots(self, con: duckdb.DuckDBPyConnection) -> set[int] | None:
        """The snapshots the lake still keeps (`expire` forgets old ones)."""
        return {row[0] for row in execute(con, "lake/snapshots", lake=NAME).fetchall()}

    def as_of(self, snapshot: int) -> "Lake":
        return replace(self, snapshot_version=snapshot)

    def close(self) -> None:
        unpinned = replace(self, snapshot_version=None)
        for lake in [lake for lake in _OPEN if replace(lake, snapshot_version=None) == unpinned]:
            _OPEN.pop(lake)[0].close()

    def expire(self, older_than: datetime) -> dict[str, int]:
        """Forget snapshots taken before `older_than`, merge small data files, and delete the files no snapshot
        reads any more, and those a killed run wrote but never committed; return how many snapshots and files went
        (`expire_snapshots`, `merge_files`, `cleanup_files`)."""
        counts = {}
        with self.exclusive(), self.connect() as con:
            for name in ("expire_snapshots", "merge_files", "cleanup_files", "delete_orphans"):
                # Each lists what it did, a row a snapshot or file (counting them in SQL skips the work).
                counts[name] = len(execute(con, f"lake/{name}", lake=NAME, older_than=older_than).fetchall())
        return counts

    def _open(self, *, read_only: bool, on_wait: OnWait | None) -> duckdb.DuckDBPyConnection:
        path = self.catalog_path
        if read_only and path is not None and not path.exists():
            raise WarehouseMissing(f"no lake at {path}: run `broadsheet run` first, or pass --warehouse")
        config = CONFIG | ({"memory_limit": self.memory_limit} if self.memory_limit else {})
        if not read_only:  # spills beside a file catalog, else in the system's temporary folder; never in the cwd
            spill = f"{path}.tmp" if path else os.path.join(tempfile.gettempdir(), f"broadsheet-{os.getpid()}.tmp")
            config |= {"temp_directory": spill}

        def attempt() -> duckdb.DuckDBPyConnection:
            con = duckdb.connect(config=config)
            try:
                self._attach(con, read_only=read_only)
            except BaseException:
                con.close()
                raise
            return con

        try:
            if path is None:
                return attempt()
            return waiting(attempt, path, self.wait_seconds, on_wait=on_wait, read_only=read_only)
        except duckdb.Error as error:
            raise self.explain(error) from error

    def _attach(self, con: duckdb.DuckDBPyConnection, *, read_only: bool) -> None:
        """Load the extensions, attach the lake as `lake` (and, to write, an in-memory `staging` beside it)."""
        con.execute(f"LOAD {identifiers.path_literal(extension('ducklake'))}")
        # Data in object storage (s3://…) is read through httpfs, an optional install (README).
        if (httpfs := optional_extension("httpfs")) is not None:
            con.execute(f"LOAD {identifiers.path_literal(httpfs)}")
        elif self.data_path and "://" in self.data_path:
            raise LakeMismatch(
                f"--data-path {self.data_path} is in object storage, which needs DuckDB's httpfs extension: "
                f"install duckdb-extension-httpfs=={duckdb.__version__} into broadsheet's environment"
            )
        options = []
        if self.data_path:
            options.append(f"DATA_PATH {identifiers.path_literal(self.data_path)}")
        if read_only:
            options.append("READ_ONLY")
        if self.snapshot_version is not None:
            options.append(f"SNAPSHOT_VERSION {int(self.snapshot_version)}")
        # ATTACH takes no parameters: the location goes in quoted by `path_literal`, the options are ours.
        attach = f"ATTACH {identifiers.path_literal('ducklake:' + self.catalog)} AS {NAME}"
        attach += f" ({', '.join(options)})" if options else ""
        if self.on_postgres:
            con.execute(f"LOAD {identifiers.path_literal(extension('postgres_scanner'))}")
            if not read_only:
                dsn = self.catalog.removeprefix("postgres:")
                con.execute(f"ATTACH {identifiers.path_literal(dsn)} AS {_LOCK_DATABASE} (TYPE postgres)")
        if self.on_postgres and not read_only:
            with _advisory_lock(con):  # two runs creating a new lake at once: one creates, the other finds it
                con.execute(attach)
        else:
            con.execute(attach)
        if not read_only:
            con.execute("ATTACH ':memory:' AS staging")

    @contextmanager
    def _publish_lock(self) -> Iterator[None]:
        if self not in _OPEN:
            self.connect().close()
        base = _OPEN[self][0]
        try:
            with _advisory_lock(base):
                yield
        except duckdb.Error as error:
            raise self.explain(error) from error

    def explain(self, error: BaseException) -> BaseException:
        """A clear error for what DuckLake and PostgreSQL say in their own words; other errors as they are."""
        text = str(error)
        if "does not match existing data path" in text:
            stored = re.search(r'data path in the catalog "([^"]*)"', text)
            return LakeMismatch(
                f"{self} keeps its data files in {stored.group(1) if stored else 'another place'}, not in "
                f"{self.data_path}: leave out --data-path, or give the one the lake was created with"
            )
        if "httpfs" in text and ("not loaded" in text or "autoload" in text.lower()):
            return LakeMismatch(
                f"{self} keeps its data files in object storage, which needs DuckDB's httpfs extension: install "
                f"duckdb-extension-httpfs=={duckdb.__version__} into broadsheet's environment"
            )
        if "data_path is not set" in text:
            return LakeMismatch(
                f"{self} does not exist yet: a new lake with a PostgreSQL catalog needs --data-path DIR_OR_URL "
                "for its Parquet files"
            )
        if self.on_postgres and _unreachable(text):
            first = text.strip().splitlines()[0][:300]
            return WarehouseUnavailable(
                f"the lake's PostgreSQL catalog ({str(self).removeprefix('ducklake:postgres:')}) cannot be reached "
                f"or refused the commit; nothing of the batch in flight was published. Start it and run again. "
                f"({first})"
            )
        return error


# What libpq and DuckLake say when the server is down or went away mid-transaction.
_UNREACHABLE = (
    "unable to connect to postgres",
    "could not connect to server",
    "failed to commit",
    "server closed the connection",
    "terminating connection",
    "connection refused",
)


def _unreachable(text: str) -> bool:
    return any(sign in text.lower() for sign in _UNREACHABLE)


@contextmanager
def _advisory_lock(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Hold the catalog's publish lock for the block: a PostgreSQL transaction-scoped advisory lock, taken in a
    transaction of its own connection, so it is released when that commits, or when the process dies."""
    locker = con.cursor()
    try:
        locker.begin()
        locker.execute(f"CALL postgres_execute('{_LOCK_DATABASE}', 'SELECT pg_advisory_xact_lock({_PUBLISH_LOCK})')")
        yield
    finally:
        try:
            locker.rollback()
        finally:
            locker.close()


def optional_extension(name: str) -> Path | None:
    """`extension(name)` when its wheel is installed, else None."""
    try:
        return extension(name)
    except ModuleNotFoundError:
        return None


@cache
def extension(name: str) -> Path:
    """The extension `name` shipped by its PyPI wheel (`duckdb-extension-<name>`), for this DuckDB version."""
    package = import_module(f"duckdb_extension_{name}")
    found = sorted(Path(package.__path__[0]).glob(f"extensions/v{duckdb.__version__}/{name}.duckdb_extension"))
    if not found:
        raise RuntimeError(f"duckdb-extension-{name} has no build for DuckDB {duckdb.__version__}")
    return found[0]
