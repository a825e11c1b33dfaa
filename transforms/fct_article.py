"""`fct_article`: one row per article version, with its measures and keys to the dimensions."""

from datetime import datetime

import polars as pl

from transforms.dim_category import category_key
from transforms.dim_date import date_key
from transforms.dim_source import source_key
from transforms.keys import key_expr
from transforms.published import FCT_ARTICLE, UTC_TIME

# Columns enrichment fills; a batch that skipped an enrichment gets nulls (the views show NULL, not a guess).
ENRICHED: dict[str, pl.DataType | type[pl.DataType]] = {
    "dateline": pl.String,
    "published_at": UTC_TIME,
    "language": pl.String,
    "sentiment": pl.Float64,
    "is_duplicate": pl.Boolean,
    "tone_positive": pl.Float64,
    "tone_negative": pl.Float64,
    "polarity": pl.Float64,
    "cluster_id": pl.String,
    "minhash": pl.List(pl.UInt64),
    "category_source": pl.String,
    "category_confidence": pl.Float64,
}


def fct_article(
    articles: pl.DataFrame, published: pl.DataFrame, *, load_id: int, ingested_at: datetime
) -> pl.DataFrame:
    """New article versions as fact rows; `published` (article_id, version) numbers them after what exists."""
    missing = [pl.lit(None, dtype=dtype).alias(name) for name, dtype in ENRICHED.items() if name not in articles]
    return (
        articles.with_columns(missing)
        .join(published.select("article_id", previous="version"), on="article_id", how="left")
        .with_columns(
            ingested_at=pl.lit(ingested_at, dtype=UTC_TIME),
            version=(pl.col("previous").fill_null(0) + 1),
            is_duplicate=pl.col("is_duplicate").fill_null(False),
        )
        .select(
            # One key per version: text reverted to an earlier version's is still a new version.
            article_key=key_expr(pl.lit("article-version"), "article_id", "version"),
            article_id="article_id",
            source_uri="source_uri",
            url="url",
            source_key=source_key(),
            source_kind="source_kind",
            category_key=category_key(),
            published_date_key=date_key("published_at"),
            ingested_date_key=date_key("ingested_at"),
            published_at="published_at",
            ingested_at="ingested_at",
            title="title",
            body="body",
            dateline="dateline",
            authors="authors",
            external_id="external_id",
            language="language",
            word_count="word_count",
            paragraph_count="paragraph_count",
            sentiment="sentiment",
            is_duplicate="is_duplicate",
            content_hash="content_hash",
            version="version",
            valid_from="ingested_at",
            valid_to=pl.lit(None, dtype=UTC_TIME),
            is_current=pl.lit(True),
            load_id=pl.lit(load_id),
            tone_positive="tone_positive",
            tone_negative="tone_negative",
            polarity="polarity",
            cluster_id=pl.col("cluster_id").fill_null(pl.col("article_id")),
            minhash="minhash",
            title_source="title_source",
            category_source=pl.when(pl.col("category").is_not_null()).then(
                pl.col("category_source").fill_null(pl.lit("source"))
            ),
            category_confidence="category_confidence",
        )
        .cast(FCT_ARTICLE.columns)  # type: ignore[arg-type]
    )
