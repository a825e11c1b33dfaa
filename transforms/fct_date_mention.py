"""`fct_date_mention`: one row per date an article version's text mentions."""

import polars as pl

from transforms.published import FCT_DATE_MENTION


def fct_date_mention(mentions: pl.DataFrame, articles: pl.DataFrame, load_id: int) -> pl.DataFrame:
    """Mentions (article_id, date_text, start, end, resolution, value) keyed to the batch's article versions."""
    return (
        mentions.join(articles.select("article_id", "article_key"), on="article_id")
        .select(
            "article_key",
            "article_id",
            "date_text",
            start_offset="start",
            end_offset="end",
            resolution="resolution",
            mentioned_date="value",
            load_id=pl.lit(load_id),
        )
        .cast(FCT_DATE_MENTION.columns)  # type: ignore[arg-type]
    )
