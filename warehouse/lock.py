"""The writer lock: one `broadsheet run` per warehouse at a time.

An advisory `flock` on `<warehouse>.lock`, held for the whole run (reading and enrichment included), so a second
run waits or fails with a message naming the running load. The kernel releases it when the process dies, even
by SIGKILL, so a crashed run never leaves a stale lock behind.
"""

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

_RETRY_EVERY = 0.25


class RunInProgress(RuntimeError):
    """Another run holds the writer lock."""


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def holder_of(warehouse: Path) -> str | None:
    """Who holds the writer lock, in words, or None when nobody does."""
    path = lock_path(warehouse)
    try:
        with path.open("r+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return _describe(handle.read())
            fcntl.flock(handle, fcntl.LOCK_UN)
            return None
    except FileNotFoundError:
        return None


@contextmanager
def writer_lock(
    warehouse: Path, *, wait_seconds: float, on_wait: Callable[[str], None] | None = None
) -> Iterator["WriterLock"]:
    """Hold the warehouse's writer lock, waiting up to `wait_seconds` for a running load to finish."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path(warehouse).open("a+")
    deadline = time.monotonic() + wait_seconds
    told = False
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = _describe(handle.read())
                if time.monotonic() >= deadline:
                    raise RunInProgress(
                        f"{holder} is loading {warehouse}; wait for it, or pass --wait SECONDS"
                    ) from None
                if on_wait and not told:
                    on_wait(f"{holder} is loading {warehouse}; waiting up to {wait_seconds:g} s")
                    told = True
                time.sleep(_RETRY_EVERY)
        lock = WriterLock(handle)
        lock.describe(load_id=None)
        yield lock
    finally:
        handle.close()


class WriterLock:
    """The held lock; its file says which process and load hold it, for the messages of those who wait."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle

    def describe(self, *, load_id: int | None) -> None:
        self._handle.seek(0)
        self._handle.truncate()
        started = datetime.now(UTC).isoformat(timespec="seconds")
        self._handle.write(json.dumps({"pid": os.getpid(), "load_id": load_id, "since": started}))
        self._handle.flush()


def _describe(content: str) -> str:
    try:
        holder = json.loads(content)
    except ValueError:
        return "another run"
    load = f"load {holder['load_id']}" if holder.get("load_id") is not None else "a starting load"
    return f"{load} (pid {holder.get('pid')}, since {holder.get('since')})"
