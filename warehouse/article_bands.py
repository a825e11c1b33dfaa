"""The LSH band index of the current articles (`etl_article_band`), which near-duplicate lookups go through.

One row per current article version and band: the band's number and DuckDB's `hash()` of its `ROWS` values
(`transforms/near_duplicates.py` cuts a 128-value MinHash signature into `BANDS` bands). A batch's candidates are
the stored articles with a band of equal hash (`runs/near_duplicate_candidates.sql`), found by joining the batch's
band hashes against this table rather than by hashing every stored signature again at every batch. A hash
collision only adds a candidate, which the estimated Jaccard similarity then rejects.

It is an internal index (an `etl_` table), not a published table: it holds nothing `fct_article` does not, and is
rebuilt from it whenever it may be stale. The hashes are DuckDB's, computed in SQL at publish (the same expression
in the publish step, the rebuild and the lookup), because they are then made where the signatures are, by one
expression both kinds of warehouse run, and the index of 200,000 articles is filled in under 3 s; a hash stable by
specification (md5 of the values' text, or arithmetic on them in SQL) took 10 to 15 times as long, and one made in
Python (the transform) would have to be read out of the warehouse and written back for every rebuild.

DuckDB does not promise that `hash()` stays the same across versions, so `etl_article_band_hash` keeps the banding
and the hash of a fixed list as the index was made: a migration that finds them differing (a DuckDB that hashes
otherwise, another banding, or a warehouse made before the index) rebuilds it. Machines sharing one lake run the
same installation (as the README asks of a cluster's machines).
"""

import duckdb

from transforms.near_duplicates import BANDS, ROWS
from warehouse.sql_files import execute
from warehouse.transaction import transaction


def refresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild the band index if it was made otherwise than this installation makes it; whether it was rebuilt.

    Run by the migrations of both kinds of warehouse, once their tables exist.
    """
    row = execute(con, "runs/article_bands_stale", bands=BANDS, rows=ROWS).fetchone()
    assert row is not None
    if not row[0]:
        return False
    with transaction(con):
        rebuild(con)
    return True


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Make the band index again from the current articles' signatures (inside the caller's transaction)."""
    execute(con, "runs/article_bands_rebuild", bands=BANDS, rows=ROWS)


def publish(con: duckdb.DuckDBPyConnection, load_id: int) -> None:
    """Give the index the bands of load `load_id`'s staged articles, replacing their earlier versions' (inside the
    publish's transaction, after `fct_article`'s step)."""
    execute(con, "publish/article_bands", load_id=load_id, bands=BANDS, rows=ROWS)
