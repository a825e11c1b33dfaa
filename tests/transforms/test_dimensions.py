from datetime import UTC, date, datetime

import polars as pl
from polars.testing import assert_frame_equal

from transforms.dim_category import dim_category
from transforms.dim_date import dim_date
from transforms.dim_source import dim_source
from transforms.fct_article import fct_article
from transforms.keys import stable_key
from transforms.published import FCT_ARTICLE


def test_dim_date_has_one_row_per_day_with_iso_calendar():
    days = pl.Series([date(2019, 11, 4), None, date(2019, 11, 10), date(2019, 11, 4)])
    frame = dim_date(days, load_id=7)
    assert_frame_equal(
        frame.select("date_key", "day_of_week", "day_name", "iso_week", "week_start", "is_weekend", "load_id"),
        pl.DataFrame(
            {
                "date_key": [20191104, 20191110],
                "day_of_week": [1, 7],
                "day_name": ["Monday", "Sunday"],
                "iso_week": [45, 45],
                "week_start": [date(2019, 11, 4), date(2019, 11, 4)],
                "is_weekend": [False, True],
                "load_id": [7, 7],
            },
            schema_overrides={
                "date_key": pl.Int32,
                "day_of_week": pl.Int8,
                "iso_week": pl.Int8,
                "load_id": pl.Int64,
            },
        ),
    )


def test_source_and_category_keys_are_stable_and_case_insensitive():
    articles = pl.DataFrame({"source_name": ["BBC", "bbc", "AFP"], "category": ["sport", None, "sport"]})
    assert dim_source(articles, 1)["source_key"].to_list() == [
        stable_key("source", "bbc"),
        stable_key("source", "afp"),
    ]
    assert dim_category(articles, 1)["category_key"].to_list() == [stable_key("category", "sport")]
    assert dim_category(articles, 1)["category_name"].to_list() == ["sport"]


def test_fct_article_numbers_versions_after_the_published_ones():
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "source_uri": ["/a", "/b"],
            "url": [None, None],
            "source_name": ["s", "s"],
            "source_kind": ["text", "text"],
            "category": [None, "sport"],
            "title": ["A", "B"],
            "title_source": ["source", "derived"],
            "body": ["x", "y"],
            "authors": [None, None],
            "external_id": [None, None],
            "word_count": [1, 1],
            "paragraph_count": [1, 1],
            "content_hash": ["h1", "h2"],
        },
        schema_overrides={
            "url": pl.String,
            "authors": pl.String,
            "external_id": pl.String,
            "word_count": pl.Int32,
            "paragraph_count": pl.Int32,
        },
    )
    published = pl.DataFrame({"article_id": ["b"], "content_hash": ["old"], "version": [3]})
    at = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
    facts = fct_article(articles, published, load_id=5, ingested_at=at)
    assert facts.schema == pl.Schema(FCT_ARTICLE.columns)
    assert facts["version"].to_list() == [1, 4]
    assert facts["ingested_date_key"].to_list() == [20261125, 20261125]
    assert facts["category_key"].to_list() == [None, stable_key("category", "sport")]
    assert facts["article_key"].to_list() == [
        stable_key("article-version", "a", 1),
        stable_key("article-version", "b", 4),
    ]
    assert facts["is_current"].all() and not facts["is_duplicate"].any()
