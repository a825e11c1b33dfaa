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
