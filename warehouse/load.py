"""Write–audit–publish: a batch goes to `staging` under its load_id, is audited, then published or held.

Publishing a batch is one transaction: the published tables take the whole batch or none of it, so a crash at any
point leaves them as the last published batch left them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import polars as pl

from transforms.near_duplicates import BANDS, ROWS
from transforms.published import BY_NAME, PUBLISHED_TABLES, TABLES, dimensions, referring_columns
from warehouse import article_bands, identifiers
from warehouse.runs import clear_staging
from warehouse.sql_files import execute, sql
from warehouse.transaction import transaction

# Tables whose rows belong to one article; quarantining an article removes its rows from these.
ARTICLE_TABLES = tuple(t.name for t in TABLES if t.is_fact)


@dataclass(frozen=True)
class Outcome:
    """How a load ended (or stands), counted in input records: read = published + duplicates + quarantined +
    blocked once it has ended."""

    status: str  # running | published | blocked
    records_read: int
    published: int
    duplicates: int
    quarantined: int
    blocked: int
    message: str | None
    skipped_files: int = 0


def published_state(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """One row per current article version: article_id, content_hash, version."""
    return con.execute(sql("runs/published_state")).pl()


def published_versions(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame) -> pl.DataFrame:
    """Current published versions (article_id, content_hash, version) sharing an article_id or content hash with
    `articles` (article_id, content_hash): keyed, so it costs what the batch holds, not what the warehouse does."""
    with registered(con, batch_articles=articles.select("article_id", "content_hash")):
        return execute(con, "runs/published_versions").pl()


def near_duplicate_candidates(
    con: duckdb.DuckDBPyConnection, load_id: int, chunk: pl.DataFrame, *, bands: int, rows: int
) -> pl.DataFrame:
    """Stored articles (article_id, cluster_id, minhash) that may be near copies of `chunk` (article_id, minhash).

    Published current articles and this load's staged ones that share an LSH band with the chunk, or its
    article_ids; earliest first. Only candidates leave the warehouse, so memory follows the chunk. The published
    ones are found through the band index (`warehouse.article_bands`), made with the `BANDS` × `ROWS` banding of
    `transforms.near_duplicates`, which `bands` and `rows` must be.
    """
    if (bands, rows) != (BANDS, ROWS):
        raise ValueError(f"the band index is made of {BANDS} bands of {ROWS} values, not {bands} of {rows}")
    with registered(con, chunk_signatures=chunk.select("article_id", "minhash")):
        return execute(con, "runs/near_duplicate_candidates", load_id=load_id, bands=bands, rows=rows).pl()


def labelled_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What identifies the categorised current articles (by their sources) that categories are learnt from."""
    row = execute(con, "runs/labelled_fingerprint").fetchone()
    assert row is not None
    return f"{row[0]}:{row[1]}"


def labelled_articles(con: duckdb.DuckDBPyConnection, per_category: int) -> pl.DataFrame:
    """Categorised current articles (article_id, title, body, category), at most `per_category` a category."""
    return execute(con, "runs/labelled_articles", per_category=per_category).pl()


def known_source_files(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The manifest of sources whose records all ended published or duplicate, by location."""
    return con.execute(sql("runs/unchanged_files")).pl()


def write_staging(con: duckdb.DuckDBPyConnection, load_id: int, frames: dict[str, pl.DataFrame]) -> None:
    """Append the batch to the staging tables in one transaction (each frame carries the load_id column)."""
    with transaction(con):
        for table in PUBLISHED_TABLES:
            append_staged(con, table, frames[table])


def append_staged(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Append one frame to the staging twin of published table `table`, columns matched by name."""
    with registered(con, staged_batch=frame):
        staged = identifiers.table("staging", table)
        con.execute(f"INSERT INTO {staged} BY NAME SELECT * FROM staged_batch")  # noqa: S608


def published_keys(
    con: duckdb.DuckDBPyConnection, batch: dict[str, pl.DataFrame] | None = None
) -> dict[str, list[object]]:
    """Keys of the published dimensions, which relationship expectations check facts against.

    Given a `batch`, only the keys its facts refer to, so that a batch's audit costs the same however large the
    warehouse has grown; without one, every key (to validate the published tables themselves).
    """
    keys: dict[str, list[object]] = {}
    for dimension in dimensions():
        table = dimension.name
        (key,) = dimension.key
        # Identifiers come from the published tables' declaration, never from data.
        select = f"SELECT {identifiers.column(key)} FROM {identifiers.table('main', table)}"  # noqa: S608
        if batch is None:
            keys[table] = [row[0] for row in con.execute(select).fetchall()]
            continue
        referring = [batch[fact].select(key=column) for fact, column in referring_columns(table) if fact in batch]
        referenced = pl.concat(referring, how="vertical_relaxed").drop_nulls().unique() if referring else None
        if referenced is None or referenced.is_empty():
            keys[table] = []
            continue
        with registered(con, referenced_keys=referenced):
            where = f" WHERE {identifiers.column(key)} IN (SELECT key FROM referenced_keys)"  # noqa: S608
            keys[table] = [row[0] for row in con.execute(select + where).fetchall()]
    return keys


def published(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    """A published table as the suites see it: for `fct_article`, the current version of each article."""
    if table not in BY_NAME:
        raise ValueError(f"not a published table: {table}")
    if table == "fct_article":
        current = " WHERE is_current"
    elif BY_NAME[table].is_fact:
        current = " WHERE article_key IN (SELECT article_key FROM main.fct_article WHERE is_current)"
    else:
        current = ""
    return con.execute(f"SELECT * FROM {identifiers.table('main', table)}{current}").pl()  # noqa: S608


def publish_batch(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    *,
    passed: bool,
    quarantine: pl.DataFrame,
    duplicates: pl.DataFrame,
    validations: pl.DataFrame,
    progress: Outcome,
    sources: pl.DataFrame,
) -> None:
    """Record one batch's end in one transaction: quarantine, audit trail, and (if it passed) the publish.

    A passing batch moves from staging to the published tables and staging is emptied for the next batch (a batch
    left in staging by a crash is cleared when the next run finds this one dead); a blocked one stays in staging.
    `progress` is the load's counts so far, kept on its `etl_run` row, and `sources` the same per source
    (`etl_source_run`).
    """
    quarantined_ids = quarantine.select("article_id").drop_nulls().unique()
    if passed and quarantined_ids.height:
        # Staging may be another database than the published tables (a lake's is in memory), and a transaction
        # writes to one database: staging is trimmed before, and emptied after, the publish's own transaction.
        with registered(con, quarantined_ids=quarantined_ids), transaction(con):
            for table in ARTICLE_TABLES:
                con.execute(
                    f"DELETE FROM {identifiers.table('staging', table)} WHERE load_id = ?"  # noqa: S608
                    " AND article_id IN (SELECT article_id FROM quarantined_ids)",
                    [load_id],
                )
    with (
        registered(
            con,
            quarantine_batch=quarantine,
            duplicate_batch=duplicates.filter(pl.col("kind") == "copy"),
            validation_batch=validations,
        ),
        transaction(con),
    ):
        execute(con, "publish/quarantine", load_id=load_id)
        execute(con, "publish/validations", load_id=load_id)
        if passed:
            execute(con, "publish/duplicates", load_id=load_id)
            for table in PUBLISHED_TABLES:
                execute(con, f"publish/{table}", load_id=load_id)
            article_bands.publish(con, load_id)
        _record(con, load_id, progress, sources)
    if passed:
        with transaction(con):
            clear_staging(con, load_id)


def finish(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    *,
    outcome: Outcome,
    source_files: pl.DataFrame,
    sources: pl.DataFrame,
) -> None:
    """Record the load's end: its status and counts and, if every batch was published, the manifest.

    `source_files` (location, size, mtime_ns, content_hash, records) are the sources read in full whose records
    all ended published or duplicate: the next run skips them while they are unchanged.
    """
    with registered(con, source_file_batch=source_files), transaction(con):
        if outcome.status == "published":
            execute(con, "publish/source_files", load_id=load_id)
        _record(con, load_id, outcome, sources)


def _record(con: duckdb.DuckDBPyConnection, load_id: int, outcome: Outcome, sources: pl.DataFrame) -> None:
    """The load's counts, in all and per source."""
    with registered(con, source_run_batch=sources):
        execute(con, "publish/source_runs", load_id=load_id)
    execute(
        con,
        "runs/finish",
        load_id=load_id,
        status=outcome.status,
        records_read=outcome.records_read,
        published=outcome.published,
        duplicates=outcome.duplicates,
        quarantined=outcome.quarantined,
        blocked=outcome.blocked,
        message=outcome.message,
        skipped_files=outcome.skipped_files,
    )


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **frames: pl.DataFrame) -> Iterator[None]:
    """Make polars frames readable by name in SQL for the duration of the block."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)
