import pytest

from tests.transforms.entities.articles import mention, names
from transforms.entities.mentions import Mention
from transforms.entities.resolve import resolve_article


def test_the_majority_type_wins_and_a_tie_goes_to_the_first_mention() -> None:
    assert [t for _, t, _ in names([mention("Barkhane", "LOC"), mention("Barkhane", "ORG", 9)])] == [
        "location",
        "location",
    ]
    resolved = names([mention("Acme", "PERSON"), mention("Acme", "ORG", 9), mention("Acme", "ORG", 19)])
    assert {t for _, t, _ in resolved} == {"organization"}


def test_a_person_after_an_article_is_a_place_or_an_organisation() -> None:
    assert names([mention("Sahel", "PERSON", before="on a visit to the ")]) == [("Sahel", "location", "Sahel")]
    assert names([mention("Kremlin", "PERSON", before="said the ")]) == [("Kremlin", "organization", "Kremlin")]


def test_a_name_the_model_reads_alone_as_a_person_outvotes_one_context() -> None:
    keita = [mention("Ibrahim Boubacar Keita", "ORG")]
    assert names(keita) == [("Ibrahim Boubacar Keita", "organization", "Ibrahim Boubacar Keita")]
    assert names(keita, {"Ibrahim Boubacar Keita": "PERSON"})[0][1] == "person"


def test_city_names_resolve_near_the_article_s_countries() -> None:
    resolved = resolve_article([mention("Britain", "GPE"), mention("Britain", "GPE", 9), mention("Durham", "GPE", 20)])
    place = resolved[2].place
    assert place is not None and place.country_code == "GB"


def dateline(surface: str, label: str = "GPE", start: int = 0, after: str = "") -> Mention:
    return Mention("body", start, start + len(surface), surface, label, is_dateline=True, after=after)


def test_a_dateline_s_state_places_its_town() -> None:
    # `SANTA MARIA, Calif. - ...`: Santa Maria in Brazil is larger, but the dateline names California.
    resolved = resolve_article([dateline("SANTA MARIA", after=", Calif. - Fans"), dateline("Calif.", start=13)])
    assert [(r.place.name, r.place.country_code) for r in resolved if r.place] == [
        ("Santa Maria", "US"),
        ("California", "US"),
    ]


def test_a_dateline_s_city_alone_is_the_one_a_wire_means_whatever_the_story_names() -> None:
    # `VANCOUVER 1996-08-31` over an IndyCar report naming the U.S. five times is still in Canada.
    us = [mention("U.S.", "GPE", 30 + 10 * i) for i in range(5)]
    resolved = resolve_article([dateline("VANCOUVER", after=" 1996-08-31"), *us, mention("Vancouver", "GPE", 90)])
    assert {r.place.country_code for r in resolved if r.place and r.mention.surface.lower() == "vancouver"} == {"CA"}


def test_a_place_named_with_its_country_or_state_is_there() -> None:
    resolved = resolve_article([mention("Egypt", "GPE"), mention("Alexandria", "GPE", 20, after=", Va. , said")])
    place = resolved[1].place
    assert place is not None and place.country_code == "US"


def test_one_word_after_the_names_an_area_not_a_province() -> None:
    # Burkina Faso has a Sahel region; `the Sahel` in a story naming Burkina Faso is still the belt of Africa.
    resolved = resolve_article(
        [mention("Burkina Faso", "GPE"), mention("Sahel", "LOC", 40, before="on an official visit to the ")]
    )
    assert resolved[1].place is None
    assert resolve_article([mention("Sahel", "LOC")])[0].place is not None


def test_a_surname_spelt_like_a_foreign_city_without_its_accents_stays_a_person() -> None:
    # Būsh is an Egyptian city of 136,000 people: `Bush` read by the model as a person is the person.
    assert names([mention("Bush", "PERSON"), mention("Bush", "PERSON", 20)]) == [
        ("Bush", "person", "Bush"),
        ("Bush", "person", "Bush"),
    ]


def test_all_caps_names_take_the_article_s_usual_case() -> None:
    resolved = names([mention("KEITA", "PERSON", field="title"), mention("Keita", "PERSON", 30)])
    assert [n for *_, n in resolved] == ["Keita", "Keita"]


def test_no_mentions() -> None:
    assert resolve_article([]) == []


def test_a_big_city_named_where_the_model_saw_a_person_is_the_city_unless_a_person_ends_with_it() -> None:
    assert names([mention("Houston", "PERSON")]) == [("Houston", "location", "Houston")]
    resolved = names([mention("Whitney Houston", "PERSON"), mention("Houston", "PERSON", 30)])
    assert [(t, n) for _, t, n in resolved] == [("person", "Whitney Houston"), ("person", "Whitney Houston")]


def test_a_place_no_gazetteer_knows_takes_the_country_the_text_puts_it_in() -> None:
    # `BAMAKO, Mali -`: the dateline's country is what the story is about
    resolved = resolve_article(
        [
            Mention("dateline", 0, 6, "BAMAKO", "GPE", is_dateline=True),
            Mention("dateline", 8, 12, "Mali", "GPE", is_dateline=True),
            mention("Indelimane", "GPE", 40, after=", the northeast of the country, near the border"),
            mention("Niger", "GPE", 90),
            mention("Indelimane", "GPE", 120, after=" was attacked."),
        ]
    )
    indelimane = [r for r in resolved if r.mention.surface == "Indelimane"]
    assert {(r.entity_type, r.natural_key, r.place, r.inferred_country) for r in indelimane} == {
        ("location", "indelimane", None, "ML")
    }
    # a place the gazetteers know takes their country, not an inferred one
    niger = next(r for r in resolved if r.mention.surface == "Niger")
    assert niger.place is not None and (niger.place.country_code, niger.inferred_country) == ("NE", None)


def test_a_place_the_text_does_not_put_in_a_country_has_none() -> None:
    resolved = resolve_article([mention("Indelimane", "GPE", after=", near the border"), mention("Mali", "GPE", 40)])
    assert (resolved[0].place, resolved[0].inferred_country) == (None, None)
    # only places are put in countries
    person = resolve_article([mention("Florence Parly", "PERSON", after=", France's minister")])
    assert person[0].inferred_country is None


def test_a_capital_yields_to_a_namesake_of_its_size_in_the_country_the_story_is_about() -> None:
    lebanon = [mention("Lebanon", "GPE", 20 * i) for i in range(3)]
    resolved = resolve_article([*lebanon, mention("Tripoli", "GPE", 90)])
    assert resolved[-1].place is not None and resolved[-1].place.country_code == "LB"
    # A capital ten times its namesake still wins: `Washington` under a London dateline is the US capital.
    resolved = resolve_article([dateline("LONDON", after=" (Reuters) - "), mention("Washington", "GPE", 30)])
    assert resolved[-1].place is not None and resolved[-1].place.country_code == "US"


@pytest.mark.parametrize(("city", "code"), [("ZURICH", "CH"), ("MONTREAL", "CA"), ("SAO PAULO", "BR")])
def test_a_dateline_s_city_without_its_accents_is_the_city_whatever_the_model_said(city: str, code: str) -> None:
    # Like `BAMAKO`: the model reads an all-caps dateline as a person.
    resolved = resolve_article([dateline(city, "PERSON", after=" (Reuters) - The"), mention("Smith", "PERSON", 40)])
    assert (resolved[0].entity_type, resolved[0].place and resolved[0].place.country_code) == ("location", code)


def test_bush_stays_a_person_where_the_article_says_so() -> None:
    # Būsh is an Egyptian city of 136,000 people; all caps drop accents, so a title or a full name must decide.
    titled = [mention("BUSH", "PERSON", field="title"), mention("Bush", "PERSON", 40, before="said President ")]
    assert {t for _, t, _ in names(titled)} == {"person"}
    full = [mention("BUSH", "PERSON", field="title"), mention("George W. Bush", "PERSON", 40)]
    assert [(t, n) for _, t, n in names(full)] == [("person", "George W. Bush"), ("person", "George W. Bush")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Paris, Washington and London agreed", "FR"),
        ("Moscow, Washington and Beijing agreed", "RU"),
        ("Athens, Georgia, where", "US"),
        ("London, Ontario, where", "CA"),
        ("Paris, Texas, where", "US"),
    ],
)
def test_the_name_after_a_place_is_its_state_or_country_only_outside_a_list(text: str, code: str) -> None:
    first, after = text.split(",", 1)
    resolved = resolve_article([mention(first, "GPE", after="," + after)])
    assert resolved[0].place is not None and resolved[0].place.country_code == code


def test_a_county_the_model_reads_as_a_person_is_the_county_without_a_team_cue() -> None:
    # weather and police news: `Floods hit Devon and Cornwall`, `Devon police`
    resolved = names([mention("Devon", "PERSON", before="Floods hit "), mention("Cornwall", "PERSON", 40)])
    assert {(s, t) for s, t, _ in resolved} == {("Devon", "location"), ("Cornwall", "location")}


@pytest.mark.parametrize(
    ("before", "surface", "label"),
    [
        # an office named after the state, not a place
        ("U.S. secretary of state ", "John Kerry", "PERSON"),
        ("Head of state ", "Vladimir Putin", "PERSON"),
        # a relative clause: the name is its subject
        ("the state ", "Joe Biden", "PERSON"),
    ],
)
def test_a_person_after_a_place_noun_that_names_no_place_stays_a_person(before, surface, label) -> None:
    resolved = names([mention(surface, label, before=before)])
    assert [t for _, t, _ in resolved] == ["person"]


def test_a_dateline_s_place_is_that_place_wherever_the_story_names_it() -> None:
    dateline = Mention("body", 0, 5, "DHAKA", "GPE", True)
    resolved = resolve_article(
        [dateline, mention("Dhaka", "ORG", field="title"), mention("Dhaka", "ORG", 40, before="the ", after=" market")]
    )
    assert {(r.entity_type, r.place and r.place.country_code) for r in resolved} == {("location", "BD")}


def test_a_county_read_as_a_person_is_its_side_where_the_text_says_so_else_the_county() -> None:
    resolved = names(
        [
            mention("Derbyshire", "PERSON", after=" beat Kent by five wickets"),
            mention("Yorkshire", "PERSON", 40, before="the close ", after=" had turned that"),
            mention("Kent", "PERSON", 80, before="Minister ", after=" said"),
            mention("Somerset", "PERSON", 120),
            mention("Jeff Somerset", "PERSON", 160),
        ]
    )
    assert [(s, t) for s, t, _ in resolved] == [
        ("Derbyshire", "organization"),
        ("Yorkshire", "location"),
        ("Kent", "person"),
        ("Somerset", "person"),
        ("Jeff Somerset", "person"),
    ]
