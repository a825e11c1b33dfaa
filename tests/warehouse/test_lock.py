import multiprocessing
import time

import duckdb
import pytest

from warehouse.connection import DuckDBFile, WarehouseBusy, WarehouseMissing
from warehouse.lock import RunInProgress, holder_of, writer_lock


def hold_lock(path, ready, release):
    with writer_lock(path, wait_seconds=0) as lock:
        lock.describe(load_id=42)
        ready.set()
        release.wait(30)


def test_a_second_writer_fails_naming_the_running_load(tmp_path):
    path = tmp_path / "w.duckdb"
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=hold_lock, args=(path, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        assert "load 42" in holder_of(path)
        with pytest.raises(RunInProgress, match="load 42"), writer_lock(path, wait_seconds=0.3):
            pass
    finally:
        release.set()
        holder.join(30)
    assert holder_of(path) is None
    with writer_lock(path, wait_seconds=0):
        pass


def test_the_lock_is_released_when_its_process_is_killed(tmp_path):
    path = tmp_path / "w.duckdb"
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=hold_lock, args=(path, ready, release))
    holder.start()
    assert ready.wait(30)
    holder.kill()
    holder.join(30)
    with writer_lock(path, wait_seconds=5):
        assert True


def open_for_writing(path, ready, release):
    con = duckdb.connect(str(path))
    ready.set()
    release.wait(30)
    con.close()


def test_readers_fail_with_a_message_while_another_process_writes(tmp_path):
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    writer = context.Process(target=open_for_writing, args=(path, ready, release))
    writer.start()
    try:
        assert ready.wait(30)
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="in use"):
            DuckDBFile(path, wait_seconds=0.5).connect(read_only=True)
        assert time.monotonic() - started < 10  # bounded, never hangs
    finally:
        release.set()
        writer.join(30)
    DuckDBFile(path).connect(read_only=True).close()


def test_reading_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(WarehouseMissing, match="broadsheet run"):
        DuckDBFile(tmp_path / "none.duckdb").connect(read_only=True)
