"""`fct_date_mention`: one row per date an article version's text mentions."""

import polars as pl

FCT_DATE_MENTION: dict[str, pl.DataType | type[pl.DataType]] = {
    "article_key": pl.String,
    "article_id": pl.String,
    "date_text": pl.String,
    "start_offset": pl.Int32,
    "end_offset": pl.Int32,
    "resolution": pl.String,
    "mentioned_date": pl.Date,
    "load_id": pl.Int64,
}


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
        .cast(FCT_DATE_MENTION)  # type: ignore[arg-type]
    )
