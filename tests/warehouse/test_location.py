from pathlib import Path

import pytest

from warehouse.connection import DuckDBFile
from warehouse.lake import Lake
from warehouse.location import BadLocation, warehouse_at


def test_a_path_is_a_duckdb_file_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = warehouse_at("news.duckdb", wait_seconds=3)
    assert isinstance(store, DuckDBFile)
    assert store.path == tmp_path / "news.duckdb"
    assert store.location == str(tmp_path / "news.duckdb")
    assert store.wait_seconds == 3


def test_a_file_catalog_lake_is_made_absolute_with_its_data_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = warehouse_at("ducklake:news.ducklake", data_path="files")
    assert isinstance(store, Lake)
    assert store.catalog == str(tmp_path / "news.ducklake")
    assert store.location == f"ducklake:{tmp_path / 'news.ducklake'}"
    # DuckLake stores a folder with its trailing slash: given either way, it must compare equal later.
    assert store.data_path == f"{tmp_path / 'files'}/"
    assert not store.concurrent_writers


def test_a_postgres_catalog_lake_takes_many_writers_and_hides_its_password() -> None:
    store = warehouse_at("ducklake:postgres:dbname=news host=db user=bs password=s3cret", data_path="s3://b/news")
    assert isinstance(store, Lake)
    assert store.catalog == "postgres:dbname=news host=db user=bs password=s3cret"
    assert store.data_path == "s3://b/news/"  # a URL is kept as given, not made a local path
    assert store.concurrent_writers
    assert "s3cret" not in str(store)


@pytest.mark.parametrize(
    "location",
    [
        "",  # nothing at all
        "postgres:dbname=news",  # a catalog without the ducklake: prefix
        "ducklake:",  # a lake with no catalog
        "ducklake:postgres:",  # a PostgreSQL catalog with no connection string
        "ducklake:sqlite:news.sqlite",  # a catalog database broadsheet does not support
        "s3://bucket/news.duckdb",  # object storage is for a lake's data, not a warehouse file
        "md:news",  # MotherDuck
    ],
)
def test_a_bad_location_names_the_forms_a_warehouse_takes(location: str) -> None:
    with pytest.raises(BadLocation, match="ducklake:postgres:dbname="):
        warehouse_at(location)


def test_a_data_path_is_refused_for_a_duckdb_file() -> None:
    with pytest.raises(BadLocation, match="--data-path is for DuckLake"):
        warehouse_at("news.duckdb", data_path="files")
