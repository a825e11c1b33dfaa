"""DuckLake warehouses: schema, staging, snapshots, the publish lock and clear errors, on real catalogs (a DuckDB
file, and a real PostgreSQL server)."""

import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from transforms.published import PUBLISHED_TABLES
from warehouse import lake_schema
from warehouse.connection import WarehouseUnavailable
from warehouse.lake import Lake, LakeMismatch
from warehouse.location import warehouse_at
from warehouse.sql_files import migrations


def lake_at(tmp_path: Path, **options: Any) -> Lake:
    store = warehouse_at(f"ducklake:{tmp_path / 'news.ducklake'}", **options)
    assert isinstance(store, Lake)
    return store


def test_a_new_lake_gets_every_table_column_and_view_of_a_migrated_file(tmp_path: Path) -> None:
    store = lake_at(tmp_path)
    try:
        with store.connect() as con:
            applied = store.migrate(con)
            assert applied == [version for version, _, _ in migrations()]
            columns = con.execute(
                "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns()"
                " JOIN duckdb_tables() USING (database_name, schema_name, table_name)"
                " WHERE database_name = 'lake' ORDER BY table_name, column_index"
            ).fetchall()
            expected = [
                (table, c.name, c.data_type, c.nullable)
                for table, cs in sorted(lake_schema.current_schema().items())
                for c in cs
            ]
            assert columns == expected
            assert {"fct_article", "etl_run", "schema_migration"} <= {row[0] for row in columns}
            views = {
                row[0]
                for row in con.execute("SELECT view_name FROM duckdb_views() WHERE database_name = 'lake'").fetchall()
            }
            assert {"v_articles", "v_entities", "v_runs", "v_source_quality"} <= views
            assert con.execute("SELECT count(*) FROM v_articles").fetchall() == [(0,)]
            # Staging twins live in the connection's in-memory database, not in the lake.
            staged = {
                row[0]
                for row in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE database_name = 'staging'"
                ).fetchall()
            }
            assert staged == set(PUBLISHED_TABLES)
            assert store.migrate(con) == []
    finally:
        store.close()
    assert (tmp_path / "news.ducklake.files").is_dir()  # the default data path, beside the catalog


def test_a_migration_a_lake_lacks_adds_its_columns(tmp_path: Path) -> None:
    store = lake_at(tmp_path)
    try:
        with store.connect() as con:
            store.migrate(con)
            # As a lake made before migration 0009 stands: without its columns and its version.
            con.execute("ALTER TABLE etl_run DROP COLUMN snapshot_id")
            con.execute("DELETE FROM schema_migration WHERE version = 9")
            assert store.migrate(con) == [9]
            names = [
                row[0]
                for row in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE database_name = 'lake' AND table_name = 'etl_run'"
                ).fetchall()
            ]
            assert "snapshot_id" in names
    finally:
        store.close()


def test_a_data_path_that_differs_from_the_lakes_is_refused_by_name(tmp_path: Path) -> None:
    store = lake_at(tmp_path, data_path=tmp_path / "files")
    store.connect().close()
    store.close()
    again = lake_at(tmp_path, data_path=tmp_path / "elsewhere")
    with pytest.raises(LakeMismatch, match=f"keeps its data files in {tmp_path / 'files'}/"):
        again.connect()
    same = lake_at(tmp_path, data_path=tmp_path / "files")  # given again as it was: accepted
    same.connect().close()
    same.close()
    lake_at(tmp_path).connect().close()  # or left out
    lake_at(tmp_path).close()


def test_a_lake_read_as_of_a_snapshot_shows_what_was_committed_then(tmp_path: Path) -> None:
    store = lake_at(tmp_path)
    try:
        with store.connect() as con:
            store.migrate(con)
            con.execute("INSERT INTO dim_source (source_key, source_name, load_id) VALUES ('a', 'first', 1)")
            first = store.snapshot(con)
            con.execute("INSERT INTO dim_source (source_key, source_name, load_id) VALUES ('b', 'second', 2)")
            assert first is not None and first in (store.kept_snapshots(con) or set())
    finally:
        store.close()
    old = store.as_of(first)
    try:
        with old.connect() as con:
            assert con.execute("SELECT source_name FROM dim_source").fetchall() == [("first",)]
    finally:
        old.close()


def test_expire_forgets_old_snapshots_and_keeps_the_data(tmp_path: Path) -> None:
    store = lake_at(tmp_path)
    try:
        with store.connect() as con:
            store.migrate(con)
            for key in "abc":
                con.execute("INSERT INTO dim_source (source_key, source_name, load_id) VALUES (?, ?, 1)", [key, key])
            before = store.kept_snapshots(con) or set()
        done = store.expire(datetime.now(UTC))
        with store.connect() as con:
            after = store.kept_snapshots(con) or set()
            assert con.execute("SELECT count(*) FROM dim_source").fetchall() == [(3,)]
    finally:
        store.close()
    assert done["expire_snapshots"] == len(before) - 1
    assert len(after) <= 2 and max(before) in after  # the latest (and any compaction's own) stay


def test_an_unreachable_postgres_catalog_gives_a_clear_error(tmp_path: Path) -> None:
    store = warehouse_at(f"ducklake:postgres:dbname=news host={tmp_path} user=postgres", data_path=tmp_path)
    with pytest.raises(WarehouseUnavailable, match=r"PostgreSQL catalog .* cannot be reached"):
        store.connect()


def test_a_new_postgres_lake_without_a_data_path_says_it_needs_one(lake_catalog: str) -> None:
    with pytest.raises(LakeMismatch, match="needs --data-path"):
        warehouse_at(f"ducklake:postgres:{lake_catalog}").connect()


# Each process opens the lake, migrates it and then, 15 times, checks for a key and inserts it if absent, holding
# the publish lock: what a run does with an article version.
_WRITER = textwrap.dedent(
    """
    import sys, time
    from warehouse.location import warehouse_at
    store = warehouse_at(sys.argv[1], data_path=sys.argv[2])
    with store.exclusive(), store.connect() as con:
        store.migrate(con)
    for n in range(15):
        with store.exclusive(), store.connect() as con:
            con.begin()
            if not con.execute("SELECT count(*) FROM dim_source WHERE source_key = ?", [str(n)]).fetchall()[0][0]:
                time.sleep(0.02)
                con.execute(
                    "INSERT INTO dim_source (source_key, source_name, load_id) VALUES (?, ?, 1)", [str(n), sys.argv[3]]
                )
            con.commit()
    store.close()
    """
)


def test_writers_that_start_together_on_a_new_postgres_lake_create_it_once_and_write_each_key_once(
    lake_catalog: str, tmp_path: Path
) -> None:
    location = f"ducklake:postgres:{lake_catalog}"
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, location, str(tmp_path / "files"), name])
        for name in ("first", "second")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    store = warehouse_at(location)
    try:
        with store.connect(read_only=True) as con:
            keys = con.execute("SELECT source_key, count(*) FROM dim_source GROUP BY ALL ORDER BY 1").fetchall()
            versions = con.execute("SELECT version, count(*) FROM schema_migration GROUP BY ALL").fetchall()
    finally:
        store.close()
    assert sorted(keys) == sorted((str(n), 1) for n in range(15))
    assert sorted(versions) == [(version, 1) for version, _, _ in migrations()]


def test_a_data_path_in_object_storage_without_httpfs_says_what_to_install(tmp_path: Path) -> None:
    # httpfs is an optional install (offline here): without it, an s3:// data path is refused before anything runs.
    store = lake_at(tmp_path, data_path="s3://bucket/news")
    with pytest.raises(LakeMismatch, match=r"install duckdb-extension-httpfs==1\.5\.5"):
        store.connect()
    assert not (tmp_path / "news.ducklake").exists()
