import polars as pl
from polars.testing import assert_frame_equal

from transforms.entities import DIM_ENTITY, ENTITY_OCCURRENCES, FCT_ENTITY_MENTION, dim_entity, fct_entity_mention
from transforms.entities.frames import occurrences_frame
from transforms.entities.geocode import geocode
from transforms.entities.mentions import Mention
from transforms.entities.resolve import Resolved
from transforms.keys import stable_key

MALI = stable_key("entity", "location", "iso:ML")
PARLY = stable_key("entity", "person", "florence parly")


def occurrences(rows: list[tuple]) -> pl.DataFrame:
    """(article_id, entity_id, entity_name, entity_type, surface, field, start) rows as occurrences."""
    columns = ["article_id", "entity_id", "entity_name", "entity_type", "surface", "field", "start"]
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    return (
        frame.with_columns(
            country_code=pl.when(pl.col("entity_type") == "location").then(pl.lit("ML")),
            country_inferred=pl.lit(False),
            latitude=pl.lit(None, pl.Float64),
            longitude=pl.lit(None, pl.Float64),
            gazetteer_id=pl.when(pl.col("entity_type") == "location").then(pl.lit("iso:ML")),
            end=pl.col("start") + pl.col("surface").str.len_chars(),
            is_dateline=pl.lit(False),
        )
        .select(ENTITY_OCCURRENCES.keys())
        .cast(ENTITY_OCCURRENCES)  # type: ignore[arg-type]
    )


SEEN = occurrences(
    [
        ("a1", MALI, "Mali", "location", "Mali", "body", 40),
        ("a1", MALI, "Mali", "location", "Malian", "body", 90),
        ("a1", MALI, "Mali", "location", "Mali", "title", 12),
        ("a1", PARLY, "Florence Parly", "person", "Parly", "body", 60),
        ("a2", PARLY, "FLORENCE PARLY", "person", "FLORENCE PARLY", "title", 0),
        ("a2", PARLY, "Florence Parly", "person", "Florence Parly", "body", 5),
        ("a2", PARLY, "Florence Parly", "person", "Parly", "body", 70),
    ]
)


def test_fct_entity_mention_counts_and_weighs_each_entity_per_article() -> None:
    expected = pl.DataFrame(
        [
            # the title is read first: Mali's first mention is the title's, at offset 12
            ("a1", MALI, 3, 12, 0.75),
            ("a1", PARLY, 1, 60, 0.25),
            ("a2", PARLY, 3, 0, 1.0),
        ],
        schema=FCT_ENTITY_MENTION,
        orient="row",
    )
    assert_frame_equal(fct_entity_mention(SEEN), expected.sort("article_id", "entity_id"))


def test_weights_sum_to_one_per_article() -> None:
    sums = fct_entity_mention(SEEN).group_by("article_id").agg(pl.col("weight").sum())
    assert sums["weight"].to_list() == [1.0, 1.0]


def test_dim_entity_has_one_row_per_entity_named_as_most_mentions_name_it() -> None:
    assert_frame_equal(
        dim_entity(SEEN),
        pl.DataFrame(
            {
                "entity_id": [MALI, PARLY],
                "entity_name": ["Mali", "Florence Parly"],
                "entity_type": ["location", "person"],
                "country_code": ["ML", None],
                "country_inferred": [False, False],
                "latitude": [None, None],
                "longitude": [None, None],
                "gazetteer_id": ["iso:ML", None],
            },
            schema=DIM_ENTITY,
        ).sort("entity_id"),
    )


def test_empty_occurrences_give_empty_tables() -> None:
    empty = pl.DataFrame(schema=ENTITY_OCCURRENCES)
    assert_frame_equal(dim_entity(empty), pl.DataFrame(schema=DIM_ENTITY))
    assert_frame_equal(fct_entity_mention(empty), pl.DataFrame(schema=FCT_ENTITY_MENTION))
    assert_frame_equal(occurrences_frame([]), empty)


def test_entity_ids_are_stable_keys_of_type_and_natural_key() -> None:
    place = geocode("Mali")
    resolved = [
        ("a1", Resolved(Mention("body", 0, 4, "Mali", "GPE"), "location", "Mali", "iso:ML", place)),
        ("a9", Resolved(Mention("title", 3, 8, "Parly", "PERSON"), "person", "Florence Parly", "florence parly", None)),
    ]
    frame = occurrences_frame(resolved)
    assert frame.schema == pl.Schema(ENTITY_OCCURRENCES)
    assert frame["entity_id"].to_list() == [MALI, PARLY]
    assert frame.row(0, named=True) | {"latitude": None, "longitude": None} == {
        "article_id": "a1",
        "entity_id": MALI,
        "entity_name": "Mali",
        "entity_type": "location",
        "country_code": "ML",
        "country_inferred": False,
        "latitude": None,
        "longitude": None,
        "gazetteer_id": "iso:ML",
        "surface": "Mali",
        "field": "body",
        "start": 0,
        "end": 4,
        "is_dateline": False,
    }


def test_a_country_read_from_the_text_is_marked_inferred_and_has_no_coordinates() -> None:
    mention = Mention("body", 0, 10, "Indelimane", "GPE")
    resolved = Resolved(mention, "location", "Indelimane", "indelimane", None, inferred_country="ML")
    frame = occurrences_frame([("a1", resolved)])
    row = frame.row(0, named=True)
    assert (row["country_code"], row["country_inferred"]) == ("ML", True)
    assert (row["latitude"], row["longitude"], row["gazetteer_id"]) == (None, None, None)
    assert dim_entity(frame).select("country_code", "country_inferred").rows() == [("ML", True)]


def test_dim_entity_breaks_a_tie_between_rows_of_one_entity_the_same_way_whatever_their_order() -> None:
    bank = stable_key("entity", "organization", "bank of england")
    rows = [
        ("a1", bank, "Bank of England", "organization", "BANK OF ENGLAND", "title", 0),
        ("a2", bank, "Bank of England", "organization", "Bank of England", "body", 9),
    ]
    countries = {"a1": None, "a2": "GB"}
    for ordered in (rows, rows[::-1]):
        frame = occurrences(ordered).with_columns(
            country_code=pl.col("article_id").replace_strict(countries, return_dtype=pl.String)
        )
        # Each country has one mention: a known country wins over none.
        assert dim_entity(frame)["country_code"].to_list() == ["GB"]
