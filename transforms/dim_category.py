"""`dim_category`: one row per category name (lower case), as sources give them."""

import polars as pl

from transforms.keys import key_expr
from transforms.published import DIM_CATEGORY


def category_key(column: str = "category") -> pl.Expr:
    """Null for an article without a category."""
    return pl.when(pl.col(column).is_not_null()).then(key_expr(pl.lit("category"), pl.col(column)))


def dim_category(articles: pl.DataFrame, load_id: int) -> pl.DataFrame:
    """One row per distinct non-null category among the batch's articles."""
    return (
        articles.select("category")
        .drop_nulls()
        .unique(maintain_order=True)
        .select(category_key=category_key(), category_name=pl.col("category"), load_id=pl.lit(load_id))
        .cast(DIM_CATEGORY.columns)  # type: ignore[arg-type]
    )
