"""The frames that pass between stages, declared once.

Every parser returns records in the `RAW_ARTICLES` shape; staging, enrichment and modelling read and write the
other shapes. A column added here must be added to the warehouse DDL too (`warehouse/sql/migrations`).
"""

import polars as pl

RAW_ARTICLES: dict[str, pl.DataType | type[pl.DataType]] = {
    # The record's natural key and where it was read: its URL; else an absolute path, `path#id=ID` for a record
    # of a JSON/CSV file that carries its own id, or `path#N` for record N of one that does not.
    "source_uri": pl.String,
    # The source: `--source-name` when given, else the record's own (a `publication` column, a feed's title, a
    # page's site name), else the folder's name or the URL's host.
    "source_name": pl.String,
    # text | lines | jsonl | json | csv | rss | atom | html
    "source_kind": pl.String,
    "url": pl.String,
    # None when the source gives no title: staging derives one from the body (`transforms.titles`).
    "title": pl.String,
    "body": pl.String,
    "category": pl.String,
    # The publication date exactly as the source wrote it; parsed during staging.
    "published_raw": pl.String,
    "authors": pl.String,
    # The source's own identifier for the record, when it has one.
    "external_id": pl.String,
    # The record as read (decoded text, or a description of the bytes), kept for the quarantine.
    "payload": pl.String,
    # Set when the record could not be read or parsed; such a record is quarantined at stage `read`.
    "read_error": pl.String,
}

QUARANTINE: dict[str, pl.DataType | type[pl.DataType]] = {
    "source_uri": pl.String,
    # Set when the record had become an article before it was rejected (by the quality gate).
    "article_id": pl.String,
    # read | stage | audit
    "stage": pl.String,
    "reason": pl.String,
    "payload": pl.String,
}


def empty(schema: dict[str, pl.DataType | type[pl.DataType]]) -> pl.DataFrame:
    """A frame with no rows in the given shape."""
    return pl.DataFrame(schema=schema)


def raw_articles(records: list[dict[str, str | None]]) -> pl.DataFrame:
    """Parsed records as a `RAW_ARTICLES` frame; missing fields become null."""
    return pl.DataFrame(
        [{name: record.get(name) for name in RAW_ARTICLES} for record in records],
        schema=RAW_ARTICLES,
    )
