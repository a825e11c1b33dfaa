"""Enrichment of staged articles: what the text and its source say beyond the words.

Publication date (from the source, else the dateline), language, tone, near-duplicate clusters and the dates the
text mentions. Each step is a library made for it (dateparser, langdetect, VADER, datasketch); see their modules.
"""

from datetime import datetime

import polars as pl

from transforms.date_mentions import date_mentions
from transforms.dates import with_published_at
from transforms.language import with_language
from transforms.near_duplicates import near_duplicate_clusters
from transforms.sentiment import with_sentiment


def enrich_articles(
    articles: pl.DataFrame, signatures: pl.DataFrame, *, now: datetime
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles with dates, language, tone and clusters; one row per date the articles mention).

    `signatures` are the near-duplicate signatures of articles already published (article_id, cluster_id,
    minhash), so that a copy of an earlier run's article joins that article's cluster.
    """
    enriched = with_sentiment(with_language(with_published_at(articles, now=now)))
    clusters = near_duplicate_clusters(enriched.select("article_id", "body"), signatures)
    enriched = enriched.join(clusters, on="article_id", how="left", maintain_order="left")
    return enriched, date_mentions(enriched.select("article_id", "body"))
