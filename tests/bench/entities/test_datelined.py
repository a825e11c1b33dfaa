"""The geography proxy: gold countries read from datelines, and how a ranking of countries scores against one."""

import polars as pl
import pytest

from bench.entities.datelined import conll, gold_country
from bench.entities.gold import CORPORA
from bench.geography import country_counts, family
from tests.conftest import corpus


@pytest.mark.parametrize(
    ("place", "region", "code"),
    [
        # CoNLL's bare city datelines and AG News's `PLACE, Region (Agency) -`.
        ("BONN", None, "DE"),
        ("NEW YORK", None, "US"),  # New York City's alternate name
        ("TAVILDARA", "Tajikistan", "TJ"),
        ("SANTA MARIA", "Calif.", "US"),
        ("PUNTA GORDA", "Fla.", "US"),
        # AP's state abbreviations, dot included (the `us` package's): `NY` is none, so Kingston is Jamaica's.
        ("KINGSTON", "N.Y.", "US"),
        ("KINGSTON", "W.Va.", "US"),
        ("KINGSTON", "NY", "JM"),
        # No city of the name, or two countries' cities of comparable size: no gold.
        ("UNITED NATIONS", None, None),
        ("", None, None),
    ],
)
def test_gold_country_of_a_dateline(place: str, region: str | None, code: str | None) -> None:
    assert gold_country(place, region) == code


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([("DE", 3), ("FR", 1)], "hit"),
        ([("DE", 2), ("FR", 2)], "tie"),
        ([("FR", 3), ("DE", 1)], "outranked"),
        ([("FR", 3)], "gold absent"),
        ([], "no country"),
    ],
)
def test_family_of_a_ranking(counts: list[tuple[str, int]], expected: str) -> None:
    assert family("DE", counts) == expected


def test_country_counts_sum_mentions_of_each_country_s_entities() -> None:
    occurrences = pl.DataFrame(
        {
            "article_id": ["a"] * 4,
            "entity_id": ["paris", "paris", "france", "bonn"],
            "entity_name": ["Paris", "Paris", "France", "Bonn"],
            "entity_type": ["location"] * 4,
            "country_code": ["FR", "FR", "FR", "DE"],
            "country_inferred": [False] * 4,
            "latitude": [None] * 4,
            "longitude": [None] * 4,
            "gazetteer_id": ["g:1", "g:1", "iso:FR", "g:2"],
            "surface": ["Paris", "Paris", "France", "Bonn"],
            "field": ["body"] * 4,
            "start": [0, 10, 20, 30],
            "end": [5, 15, 26, 34],
            "is_dateline": [False] * 4,
        },
        schema_overrides={"latitude": pl.Float64, "longitude": pl.Float64, "start": pl.Int32, "end": pl.Int32},
    )
    assert country_counts(occurrences).rows() == [("a", "FR", 3), ("a", "DE", 1)]


def test_conll_dev_datelines() -> None:
    corpus("conll2003-dev", "docs")
    samples, left_out = conll(CORPORA)
    assert len(samples) > 200 and left_out < 10
    bonn = next(s for s in samples if s.dateline.startswith("BONN"))
    assert bonn.gold == "DE" and bonn.dateline not in bonn.body and bonn.dateline in bonn.full_body
