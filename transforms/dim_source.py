"""`dim_source`: one row per source as the user named it."""

import polars as pl

from transforms.keys import key_expr
from transforms.published import DIM_SOURCE


def source_key(column: str = "source_name") -> pl.Expr:
    """Sources are told apart by name, case-insensitively."""
    return key_expr(pl.lit("source"), pl.col(column).str.to_lowercase())


def dim_source(articles: pl.DataFrame, load_id: int) -> pl.DataFrame:
    """One row per source (names compared case-insensitively) among the batch's articles."""
    return (
        articles.select("source_name")
        .unique(maintain_order=True)
        .select(source_key=source_key(), source_name=pl.col("source_name"), load_id=pl.lit(load_id))
        # `BBC` and `bbc` are one source: the first spelling seen names it.
        .unique("source_key", keep="first", maintain_order=True)
        .cast(DIM_SOURCE.columns)  # type: ignore[arg-type]
    )
