"""Enrichment of staged articles: what the text says beyond its words (dates, language, tone)."""

import polars as pl


def enrich_articles(articles: pl.DataFrame) -> pl.DataFrame:
    """Staged articles with `published_at`, `language`, `sentiment` and `is_duplicate` added."""
    return articles.with_columns(
        published_at=pl.lit(None, dtype=pl.Datetime("us", "UTC")),
        language=pl.lit(None, dtype=pl.String),
        sentiment=pl.lit(None, dtype=pl.Float64),
        is_duplicate=pl.lit(False),
    )
