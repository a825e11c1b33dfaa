from datetime import UTC, datetime

import polars as pl

from transforms.enrich import NerOptions, enrich_articles
from transforms.near_duplicates import SIGNATURE, with_minhash

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def articles(**columns: list) -> pl.DataFrame:
    base = {
        "article_id": ["a", "b"],
        "source_uri": ["/a", "/b"],
        "title": ["Floods in the north", "Markets"],
        "body": ["Heavy rain flooded the northern towns on Monday, officials said.", "Shares rose."],
        "dateline": ["LONDON 1996-08-30", None],
        "published_raw": [None, "2022-09-23"],
    }
    return with_minhash(pl.DataFrame(base | columns))


def test_publication_date_comes_from_the_source_else_a_full_dateline():
    candidates = pl.DataFrame(schema={"article_id": pl.String, "cluster_id": pl.String, "minhash": SIGNATURE})
    enriched = enrich_articles(articles(), candidates, now=NOW, ner=NerOptions())
    assert enriched.articles["published_at"].to_list() == [
        datetime(1996, 8, 30, tzinfo=UTC),
        datetime(2022, 9, 23, tzinfo=UTC),
    ]


def test_a_dateline_without_a_year_invents_no_date():
    candidates = pl.DataFrame(schema={"article_id": pl.String, "cluster_id": pl.String, "minhash": SIGNATURE})
    enriched = enrich_articles(articles(dateline=["SALVADOR, Feb 26", None]), candidates, now=NOW, ner=NerOptions())
    assert enriched.articles["published_at"].to_list()[0] is None
