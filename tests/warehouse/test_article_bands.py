"""The LSH band index (`etl_article_band`): near-duplicate candidates are found through it, it follows the current
versions as batches publish, and it is filled for warehouses (files and lakes) made before it."""

from pathlib import Path

import duckdb
import polars as pl

from transforms.near_duplicates import BANDS, NUM_PERM, ROWS, SIGNATURE
from warehouse import article_bands
from warehouse.lake import Lake
from warehouse.load import near_duplicate_candidates
from warehouse.location import warehouse_at
from warehouse.migrate import migrate
from warehouse.sql_files import execute
from warehouse.transaction import transaction


def signature(seed: int) -> list[int]:
    """A signature of 128 distinct values, none shared with another seed's."""
    return [seed * 1_000 + i for i in range(NUM_PERM)]


def sharing_band(original: list[int], band: int, seed: int) -> list[int]:
    """A signature equal to `original` in one band only, otherwise `seed`'s."""
    values = signature(seed)
    values[band * ROWS : (band + 1) * ROWS] = original[band * ROWS : (band + 1) * ROWS]
    return values


def add_article(
    con: duckdb.DuckDBPyConnection, schema: str, load_id: int, article_id: str, minhash: list[int] | None, version: int
) -> None:
    con.execute(
        f"INSERT INTO {schema}.fct_article (article_key, article_id, source_uri, source_key, source_kind,"  # noqa: S608
        " ingested_date_key, ingested_at, body, word_count, paragraph_count, is_duplicate, content_hash, version,"
        " valid_from, is_current, load_id, cluster_id, minhash)"
        " VALUES (?, ?, 'file:///a.txt', 'news', 'text', 20240101, now(), 'b', 1, 1, false, ?, ?, now(), true,"
        " ?, ?, ?)",
        [f"{article_id}/{version}", article_id, f"{article_id}:{version}", version, load_id, article_id, minhash],
    )


def publish(con: duckdb.DuckDBPyConnection, load_id: int, articles: dict[str, tuple[list[int] | None, int]]) -> None:
    """Stage `articles` (article_id: (minhash, version)) under `load_id` and publish fct_article and the bands, as
    `load.publish_batch` does."""
    for article_id, (minhash, version) in articles.items():
        add_article(con, "staging", load_id, article_id, minhash, version)
    with transaction(con):
        execute(con, "publish/fct_article", load_id=load_id)
        article_bands.publish(con, load_id)
    con.execute("DELETE FROM staging.fct_article")


def candidates(con: duckdb.DuckDBPyConnection, chunk: dict[str, list[int]]) -> list[str]:
    frame = pl.DataFrame(
        {"article_id": list(chunk), "minhash": list(chunk.values())},
        schema={"article_id": pl.String, "minhash": SIGNATURE},
    )
    return near_duplicate_candidates(con, 99, frame, bands=BANDS, rows=ROWS)["article_id"].to_list()


def bands(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    return con.execute("SELECT article_id, band, band_hash FROM etl_article_band ORDER BY ALL").fetchall()


def expected_bands(con: duckdb.DuckDBPyConnection, articles: dict[str, list[int]]) -> list[tuple[str, int, int]]:
    """The bands as DuckDB hashes them, one row per article and band."""
    rows = []
    for article_id, values in articles.items():
        for band in range(BANDS):
            [(band_hash,)] = con.execute(
                "SELECT hash(?::UBIGINT[])", [values[band * ROWS : (band + 1) * ROWS]]
            ).fetchall()
            rows.append((article_id, band, band_hash))
    return sorted(rows)


def test_candidates_are_the_published_articles_sharing_a_band_in_the_index() -> None:
    con = duckdb.connect()
    migrate(con)
    a, b = signature(1), signature(2)
    publish(con, 1, {"a": (a, 1), "b": (b, 1), "empty": (None, 1)})
    assert bands(con) == expected_bands(con, {"a": a, "b": b})  # no bands for a body without words
    assert candidates(con, {"new": sharing_band(a, 20, 3)}) == ["a"]  # one band of 21 in common is enough
    assert candidates(con, {"new": signature(3)}) == []
    assert candidates(con, {"b": signature(3)}) == ["b"]  # an earlier version, whatever its signature
    # Found through the index, not by hashing the stored signatures again: without a's bands, a is not found.
    con.execute("DELETE FROM etl_article_band WHERE article_id = 'a' AND band = 20")
    assert candidates(con, {"new": sharing_band(a, 20, 3)}) == []
    assert candidates(con, {"new": sharing_band(a, 0, 3)}) == ["a"]


def test_a_new_version_replaces_its_predecessors_bands() -> None:
    con = duckdb.connect()
    migrate(con)
    first, second, other = signature(1), signature(2), signature(3)
    publish(con, 1, {"a": (first, 1), "b": (other, 1)})
    publish(con, 2, {"a": (second, 2)})
    assert bands(con) == expected_bands(con, {"a": second, "b": other})
    assert candidates(con, {"new": sharing_band(first, 5, 4)}) == []  # the replaced version is no original
    assert candidates(con, {"new": sharing_band(second, 5, 4)}) == ["a"]
    publish(con, 3, {"a": (None, 3)})  # a version without words leaves no bands
    assert bands(con) == expected_bands(con, {"b": other})


def test_a_warehouse_made_before_the_index_gets_it_filled_from_its_current_articles() -> None:
    con = duckdb.connect()
    migrate(con, through=10)
    a, b, old_a = signature(1), signature(2), signature(3)
    add_article(con, "main", 1, "a", old_a, 1)
    con.execute("UPDATE fct_article SET is_current = false")
    add_article(con, "main", 2, "a", a, 2)
    add_article(con, "main", 2, "b", b, 1)
    add_article(con, "main", 2, "empty", None, 1)
    assert migrate(con) == [11]
    assert bands(con) == expected_bands(con, {"a": a, "b": b})
    assert candidates(con, {"new": sharing_band(b, 7, 4)}) == ["b"]
    assert migrate(con) == [] and bands(con) == expected_bands(con, {"a": a, "b": b})


def test_an_index_made_by_another_hash_or_banding_is_rebuilt_when_migrated() -> None:
    con = duckdb.connect()
    migrate(con)
    a = signature(1)
    publish(con, 1, {"a": (a, 1)})
    # As a DuckDB whose hash() differs would find it: another probe, and band hashes it would not make.
    con.execute("UPDATE etl_article_band_hash SET probe = probe + 1")
    con.execute("UPDATE etl_article_band SET band_hash = band_hash // 2")
    assert candidates(con, {"new": sharing_band(a, 3, 2)}) == []
    assert migrate(con) == []
    assert bands(con) == expected_bands(con, {"a": a})
    assert candidates(con, {"new": sharing_band(a, 3, 2)}) == ["a"]
    con.execute("UPDATE etl_article_band_hash SET bands = bands - 1")
    con.execute("DELETE FROM etl_article_band")
    migrate(con)
    assert bands(con) == expected_bands(con, {"a": a})


def test_a_lake_made_before_the_index_gets_it_filled(tmp_path: Path) -> None:
    store = warehouse_at(f"ducklake:{tmp_path / 'news.ducklake'}")
    assert isinstance(store, Lake)
    try:
        with store.connect() as con:
            store.migrate(con)
            a = signature(1)
            add_article(con, "main", 1, "a", a, 1)
            # As a lake made before migration 0011 stands: without its tables and its version.
            con.execute("DROP TABLE etl_article_band")
            con.execute("DROP TABLE etl_article_band_hash")
            con.execute("DELETE FROM schema_migration WHERE version = 11")
            assert store.migrate(con) == [11]
            assert bands(con) == expected_bands(con, {"a": a})
            assert candidates(con, {"new": sharing_band(a, 3, 2)}) == ["a"]
            publish(con, 2, {"a": (signature(2), 2)})
            assert bands(con) == expected_bands(con, {"a": signature(2)})
    finally:
        store.close()
