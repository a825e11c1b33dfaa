from datetime import UTC, datetime

import polars as pl
import pytest

from expectations.gate import audit
from expectations.gate import parameters as gate_parameters
from transforms.dim_category import dim_category
from transforms.dim_date import dim_date
from transforms.dim_source import dim_source
from transforms.entities.frames import occurrences_frame
from transforms.entities.geocode import geocode
from transforms.entities.mentions import Mention
from transforms.entities.resolve import Resolved
from transforms.fct_article import fct_article
from transforms.fct_entity import entity_tables

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def batch(titles: list[str], categories: list[str | None] | None = None) -> dict[str, pl.DataFrame]:
    n = len(titles)
    articles = pl.DataFrame(
        {
            "article_id": [f"id{i}" for i in range(n)],
            "source_uri": [f"/a/{i}.txt" for i in range(n)],
            "url": [None] * n,
            "source_name": ["s"] * n,
            "source_kind": ["text"] * n,
            "category": categories or [None] * n,
            "title": titles,
            "title_source": ["source"] * n,
            "body": ["some words"] * n,
            "authors": [None] * n,
            "external_id": [None] * n,
            "word_count": [2] * n,
            "paragraph_count": [1] * n,
            "content_hash": [f"h{i}" for i in range(n)],
        },
        schema_overrides={
            "url": pl.String,
            "authors": pl.String,
            "external_id": pl.String,
            "category": pl.String,
            "word_count": pl.Int32,
            "paragraph_count": pl.Int32,
        },
    )
    facts = fct_article(
        articles,
        pl.DataFrame(schema={"article_id": pl.String, "version": pl.Int32}),
        load_id=1,
        ingested_at=NOW,
    )
    return {
        "dim_date": dim_date(facts["ingested_at"].dt.date(), 1),
        "dim_source": dim_source(articles, 1),
        "dim_category": dim_category(articles, 1),
        "fct_article": facts,
    }


def parameters(frames: dict[str, pl.DataFrame], **overrides: object) -> dict[str, object]:
    return gate_parameters(frames, {}, max_failing_share=0.5, now=NOW) | overrides


def test_a_clean_batch_passes_and_every_expectation_is_recorded():
    frames = batch(["One", "Two"])
    result = audit(frames, parameters(frames))
    assert result.passed, result.blocked_by
    assert result.quarantined.height == 0
    assert result.validations["success"].all()
    assert set(result.validations["suite"]) == {"dim_date", "dim_source", "dim_category", "fct_article"}


def test_a_failing_row_quarantines_its_article_with_the_reason():
    frames = batch(["One", "Two", "x" * 301])
    result = audit(frames, parameters(frames))
    assert result.passed  # one of three is within the tolerated share
    assert result.quarantined["article_id"].to_list() == ["id2"]
    assert "title is longer than 300 characters" in result.quarantined["reason"][0]


def test_too_many_failing_rows_block_the_batch():
    frames = batch(["x" * 301, "y" * 400, "ok"])
    result = audit(frames, parameters(frames))
    assert not result.passed
    assert result.quarantined["article_id"].sort().to_list() == ["id0", "id1"]
    assert "67% of rows fail" in result.blocked_by[0]


def test_a_failing_dimension_row_quarantines_the_articles_that_use_it():
    frames = batch(["One", "Two", "Three"], categories=["c" * 101, "sport", None])
    result = audit(frames, parameters(frames))
    assert result.quarantined["article_id"].to_list() == ["id0"]
    assert "category name longer than 100" in result.quarantined["reason"][0]


def test_a_broken_relationship_blocks_the_batch():
    frames = batch(["One"])
    result = audit(frames, parameters(frames, source_keys=["someone-else"]))
    assert not result.passed
    [reason] = [r for r in result.blocked_by if "source_key" in r]
    assert reason.startswith("source_key refers to no dim_source row published or in the batch")
    assert "fct_article.source_key_in_dim_source: expect_column_values_to_be_in_set" in reason


@pytest.mark.parametrize("column", ["article_key", "article_id"])
def test_a_key_seen_twice_blocks_the_batch(column):
    frames = batch(["One", "Two"])
    facts = frames["fct_article"]
    frames["fct_article"] = facts.with_columns(pl.lit(facts[column][0]).alias(column))
    result = audit(frames, parameters(frames))
    assert any(f"fct_article.{column}: expect_column_values_to_be_unique" in r for r in result.blocked_by)


def test_country_codes_are_iso_plus_kosovo():
    frames = batch(["One"])
    codes = gate_parameters(frames, {}, max_failing_share=0.5, now=NOW)["country_codes"]
    assert {"ML", "FR", "XK"} <= set(codes) and "UK" not in codes and len(codes) == 250


def with_entities(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The batch with its entities: id0 names a village the text put in Mali, id1 Mali, id2 a person."""
    resolved = [
        (
            "id0",
            Resolved(Mention("body", 0, 10, "Indelimane", "GPE"), "location", "Indelimane", "indelimane", None, "ML"),
        ),
        ("id1", Resolved(Mention("body", 0, 4, "Mali", "GPE"), "location", "Mali", "iso:ML", geocode("Mali"))),
        ("id2", Resolved(Mention("body", 0, 5, "Parly", "PERSON"), "person", "Parly", "parly", None)),
    ]
    return frames | entity_tables(occurrences_frame(resolved), frames["fct_article"], load_id=1)


def test_an_entity_placed_by_the_text_alone_has_no_coordinates():
    frames = with_entities(batch(["One", "Two", "Three"]))
    assert frames["dim_entity"]["country_inferred"].sort().to_list() == [False, False, True]
    assert audit(frames, parameters(frames)).quarantined.height == 0
    # coordinates on an inferred country: the text said which country, not where
    located = pl.col("country_inferred")
    frames["dim_entity"] = frames["dim_entity"].with_columns(latitude=pl.when(located).then(15.0).otherwise("latitude"))
    result = audit(frames, parameters(frames))
    assert result.quarantined["article_id"].to_list() == ["id0"]
    assert "a country read from the text" in result.quarantined["reason"][0]
