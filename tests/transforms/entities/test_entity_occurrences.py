"""entity_occurrences end to end with the real spaCy model: the seed article and small literal articles."""

import polars as pl
import pytest

from tests.conftest import corpus
from transforms.dateline import split_dateline
from transforms.entities import ENTITY_OCCURRENCES, entity_occurrences, fct_entity_mention
from transforms.repair import repair_text


def staged(article_id: str, raw: str) -> dict[str, str]:
    """A seed-form file as staging stores it: the title line, then the repaired body."""
    title, _, body = raw.partition("\n")
    return {"article_id": article_id, "title": repair_text(title), "body": repair_text(body)}


@pytest.fixture(scope="module")
def seed() -> pl.DataFrame:
    return pl.DataFrame([staged("seed", corpus("seed", "mali-army-base-attack.txt").read_text(encoding="utf-8"))])


@pytest.fixture(scope="module")
def occurrences(seed: pl.DataFrame) -> pl.DataFrame:
    return entity_occurrences(seed)


def entity(occurrences: pl.DataFrame, surface: str) -> dict:
    rows = occurrences.filter(pl.col("surface") == surface)
    assert rows.height > 0, f"no occurrence of {surface!r}"
    assert rows["entity_id"].n_unique() == 1
    return rows.row(0, named=True)


@pytest.mark.corpus
def test_the_seed_has_the_frame_s_schema(occurrences: pl.DataFrame) -> None:
    assert occurrences.schema == pl.Schema(ENTITY_OCCURRENCES)


@pytest.mark.corpus
def test_the_seed_s_people(occurrences: pl.DataFrame) -> None:
    people = set(occurrences.filter(pl.col("entity_type") == "person")["entity_name"])
    assert {"Ibrahim Boubacar Keita", "Florence Parly"} <= people


@pytest.mark.corpus
def test_un_and_united_nations_are_one_entity(occurrences: pl.DataFrame) -> None:
    assert entity(occurrences, "UN")["entity_id"] == entity(occurrences, "United Nations")["entity_id"]
    assert entity(occurrences, "UN")["entity_name"] == "United Nations"


@pytest.mark.corpus
def test_mali_and_malian_are_one_location_in_mali(occurrences: pl.DataFrame) -> None:
    mali, malian = entity(occurrences, "Mali"), entity(occurrences, "Malian")
    assert mali["entity_id"] == malian["entity_id"]
    assert (mali["entity_type"], mali["country_code"], mali["entity_name"]) == ("location", "ML", "Mali")


@pytest.mark.corpus
def test_the_dateline_is_bamako(occurrences: pl.DataFrame) -> None:
    bamako = occurrences.filter(pl.col("is_dateline") & (pl.col("entity_name") == "Bamako")).row(0, named=True)
    assert bamako["surface"] == "BAMAKO"
    assert bamako["country_code"] == "ML"
    assert bamako["latitude"] == pytest.approx(12.6, abs=0.1)
    assert bamako["longitude"] == pytest.approx(-8.0, abs=0.1)


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "code"), [("Niger", "NE"), ("Chad", "TD"), ("Burkina Faso", "BF"), ("France", "FR")])
def test_the_seed_s_countries(occurrences: pl.DataFrame, name: str, code: str) -> None:
    rows = occurrences.filter(pl.col("entity_name") == name)
    assert set(rows["country_code"]) == {code}
    assert set(rows["entity_type"]) == {"location"}


@pytest.mark.corpus
def test_offsets_point_at_the_surface_and_no_surface_keeps_an_artefact(
    seed: pl.DataFrame, occurrences: pl.DataFrame
) -> None:
    article = seed.row(0, named=True)
    for row in occurrences.iter_rows(named=True):
        assert article[row["field"]][row["start"] : row["end"]] == row["surface"]
        assert not any(artefact in row["surface"] for artefact in ("Mali 's", "France ,", "Mali an", " ."))


@pytest.mark.corpus
def test_weights_sum_to_one(occurrences: pl.DataFrame) -> None:
    assert fct_entity_mention(occurrences)["weight"].sum() == pytest.approx(1.0)


@pytest.mark.corpus
def test_a_dateline_split_off_by_staging_is_read_from_its_own_field(seed: pl.DataFrame) -> None:
    dateline, body = split_dateline(seed["body"][0])
    found = entity_occurrences(seed.with_columns(body=pl.lit(body), dateline=pl.lit(dateline)))
    places = found.filter(pl.col("field") == "dateline").select("surface", "entity_name", "start", "end", "is_dateline")
    assert places.rows() == [("BAMAKO", "Bamako", 0, 6, True), ("Mali", "Mali", 7, 11, True)]


def test_the_same_entity_has_the_same_id_in_every_article_and_run() -> None:
    articles = pl.DataFrame(
        [
            {
                "article_id": "a",
                "title": "Mali votes",
                "body": "Voters in Mali went to the polls, officials in Bamako said.",
            },
            {
                "article_id": "b",
                "title": None,
                "body": "France sent troops to Mali. Florence Parly said Parly would go.",
            },
        ]
    )
    first, again = entity_occurrences(articles), entity_occurrences(articles.reverse())
    mali = first.filter(pl.col("entity_name") == "Mali")
    assert mali["article_id"].unique().sort().to_list() == ["a", "b"]
    assert mali["entity_id"].n_unique() == 1
    assert first.sort("article_id", "field", "start").equals(again.sort("article_id", "field", "start"))
    parly = first.filter(pl.col("article_id") == "b", pl.col("entity_type") == "person")
    assert set(parly["entity_name"]) == {"Florence Parly"}


def test_no_articles_no_occurrences() -> None:
    empty = pl.DataFrame(schema={"article_id": pl.String, "title": pl.String, "body": pl.String})
    assert entity_occurrences(empty).equals(pl.DataFrame(schema=ENTITY_OCCURRENCES))


@pytest.mark.corpus
def test_the_seed_s_village_is_in_mali_by_the_text_alone(occurrences: pl.DataFrame) -> None:
    # `an armed base in Indelimane, the northeast of the country` in a story datelined BAMAKO, Mali
    indelimane = entity(occurrences, "Indelimane")
    assert (indelimane["entity_type"], indelimane["country_code"], indelimane["country_inferred"]) == (
        "location",
        "ML",
        True,
    )
    assert (indelimane["latitude"], indelimane["longitude"], indelimane["gazetteer_id"]) == (None, None, None)
    assert entity(occurrences, "Mali")["country_inferred"] is False
    assert entity(occurrences, "G5 Sahel")["entity_type"] == "organization"
