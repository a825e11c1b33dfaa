"""Exact duplicates: a record whose content is already published, or appears earlier in the same batch.

Near-duplicates (syndicated copies with small edits) are published and clustered elsewhere; these are not
published at all, only counted and traced to the article they copy.
"""

import polars as pl

PUBLISHED_STATE: dict[str, pl.DataType | type[pl.DataType]] = {
    # One row per current article version already in the warehouse.
    "article_id": pl.String,
    "content_hash": pl.String,
}

DUPLICATES: dict[str, pl.DataType | type[pl.DataType]] = {
    "source_uri": pl.String,
    "article_id": pl.String,
    "content_hash": pl.String,
    # The article whose content this record repeats.
    "duplicate_of": pl.String,
    # unchanged: the same article, already published with this content; copy: another article's content.
    "kind": pl.String,
}


def split_duplicates(
    staged: pl.DataFrame, published: pl.DataFrame, incoming: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(new article versions to load, duplicates): one row of staged input lands in exactly one of them.

    `incoming` (article_id, content_hash) is every version the whole read brings, of which `staged` is a slice. A
    published article that it gives new content is no original to copy: its content stops being current, so a
    record repeating it is a new version of its own key, never a duplicate. Otherwise rows moved in an export
    keyed by position (a row inserted at the top) would drop articles from the current view.
    """
    replaced = (
        (incoming if incoming is not None else staged.select("article_id", "content_hash"))
        .join(published.select("article_id", current="content_hash"), on="article_id")
        .filter(pl.col("content_hash") != pl.col("current"))
        .get_column("article_id")
    )
    by_hash = (
        published.filter(~pl.col("article_id").is_in(replaced.implode()))
        .unique("content_hash", keep="first")
        .select("content_hash", published_id="article_id")
    )
    marked = (
        staged.with_row_index("_order")
        .join(published.rename({"content_hash": "current_hash"}), on="article_id", how="left")
        .join(by_hash, on="content_hash", how="left")
        .with_columns(
            batch_first=pl.col("article_id").first().over("content_hash", order_by="_order"),
        )
        .with_columns(
            duplicate_of=pl.when(pl.col("current_hash") == pl.col("content_hash"))
            .then(pl.col("article_id"))
            .when(pl.col("published_id").is_not_null())
            .then(pl.col("published_id"))
            .when(pl.col("batch_first") != pl.col("article_id"))
            .then(pl.col("batch_first")),
            kind=pl.when(pl.col("current_hash") == pl.col("content_hash"))
            .then(pl.lit("unchanged"))
            .otherwise(pl.lit("copy")),
        )
        .sort("_order")
    )
    new = marked.filter(pl.col("duplicate_of").is_null()).select(staged.columns)
    duplicates = marked.filter(pl.col("duplicate_of").is_not_null()).select(DUPLICATES.keys())
    return new, duplicates


def published_meanwhile(
    new: pl.DataFrame, versions: pl.DataFrame, published: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(duplicates, conflicts) among a batch's new article versions, checked again just before it publishes.

    Where other runs publish into the same warehouse at the same time, what was new when the batch was staged may
    have been published since. `new` are the batch's new versions (source_uri, article_id, content_hash),
    `versions` the version number the batch gives each (article_id, version), `published` the current versions
    published now that share an article_id or a content hash with them. Duplicates (`DUPLICATES`) are those
    published meanwhile, as they are or as another article's copy; conflicts (article_id) are articles another run
    gave a different new version meanwhile, whose version number this batch would repeat.
    """
    still_new, duplicates = split_duplicates(new, published)
    conflicts = (
        still_new.select("article_id")
        .join(versions.select("article_id", "version"), on="article_id")
        .join(published.select("article_id", published_version="version"), on="article_id")
        .filter(pl.col("published_version") >= pl.col("version"))
        .select("article_id")
    )
    return duplicates.cast(DUPLICATES), conflicts  # type: ignore[arg-type]
