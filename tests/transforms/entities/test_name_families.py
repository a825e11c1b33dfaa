"""Families of names the model gets wrong, end to end with the real spaCy model on small literal articles."""

import polars as pl

from transforms.entities import entity_occurrences


def extracted(*bodies: str) -> list[dict[str, dict]]:
    """For each body, its entities by surface (the last occurrence of a surface wins)."""
    articles = pl.DataFrame([{"article_id": str(i), "title": "", "body": b} for i, b in enumerate(bodies)])
    occurrences = entity_occurrences(articles)
    return [
        {r["surface"]: r for r in occurrences.filter(pl.col("article_id") == str(i)).iter_rows(named=True)}
        for i in range(len(bodies))
    ]


def test_bodies_named_after_places_are_organisations() -> None:
    found = extracted(
        "Troops from the African Union met in Niamey on Tuesday.",
        "The Sahel Alliance pledged funds to the African Union mission.",
        "Ministers of the Arab League met in Cairo.",
    )
    assert found[0]["African Union"]["entity_type"] == "organization"
    assert found[1]["Sahel Alliance"]["entity_type"] == "organization"
    assert found[1]["African Union"]["entity_type"] == "organization"
    assert found[2]["Arab League"]["entity_type"] == "organization"
    assert found[2]["Cairo"]["country_code"] == "EG"


def test_misspelt_months_are_no_names() -> None:
    # the model reads a misspelt month after `in` or `since` as a place
    found = extracted(
        "In Feburary, the army attacked.",
        "Protests began in Janury and spread to Lagos.",
        "Since Febuary the price has doubled, Reuters said.",
    )
    assert found[0] == {}
    assert set(found[1]) == {"Lagos"}
    assert set(found[2]) == {"Reuters"}


def test_a_place_no_gazetteer_knows_takes_the_country_the_text_puts_it_in() -> None:
    found = extracted(
        "BAMAKO, Mali - Gunmen attacked an army base in Indelimane, in the northeast of the country, near Niger.",
        "Fighting was reported in Tessit, northeastern Mali, and in Menaka.",
        "Gunmen attacked Indelimane, the northeast of the country, said officials in Paris and Berlin.",
    )
    indelimane = found[0]["Indelimane"]
    assert (indelimane["country_code"], indelimane["country_inferred"]) == ("ML", True)
    assert (indelimane["latitude"], indelimane["longitude"], indelimane["gazetteer_id"]) == (None, None, None)
    assert (found[1]["Tessit"]["country_code"], found[1]["Tessit"]["country_inferred"]) == ("ML", True)
    # the gazetteer's own countries are not inferred
    assert (found[0]["Niger"]["country_code"], found[0]["Niger"]["country_inferred"]) == ("NE", False)
    # a story about no one country: `the country` says nothing
    assert (found[2]["Indelimane"]["country_code"], found[2]["Indelimane"]["country_inferred"]) == (None, False)
