"""Names the gazetteers know as countries, nations and former countries are those, whatever the model said."""

from tests.transforms.entities.articles import mention
from transforms.entities.resolve import resolve_article


def test_countries_and_their_demonyms_are_one_location_whatever_the_model_said() -> None:
    resolved = resolve_article([mention("Mali", "PERSON"), mention("Malian", "NORP", 10), mention("Mali", "GPE", 20)])
    assert {(r.entity_type, r.entity_name, r.natural_key) for r in resolved} == {("location", "Mali", "iso:ML")}
    assert resolved[0].place is not None and resolved[0].place.country_code == "ML"


def test_northern_ireland_is_a_nation_of_the_uk_whatever_the_model_said() -> None:
    resolved = resolve_article([mention("NORTHERN IRELAND", "ORG", field="title"), mention("Northern Ireland", "ORG")])
    assert {(r.entity_type, r.natural_key, r.place and r.place.country_code) for r in resolved} == {
        ("location", "iso:GB-NIR", "GB")
    }


def test_soviet_names_the_soviet_union_a_former_country_of_no_current_code() -> None:
    resolved = resolve_article([mention("Soviet", "NORP"), mention("Soviets", "NORP", 20), mention("USSR", "GPE", 40)])
    assert {(r.entity_type, r.natural_key, r.place and r.place.country_code) for r in resolved} == {
        ("location", "iso3166-3:SUHH", None)
    }


def test_the_emirates_initials_are_the_country_whatever_the_model_said() -> None:
    resolved = resolve_article([mention("UAE", "ORG"), mention("U.A.E.", "ORG", 20)])
    assert {(r.entity_type, r.place and r.place.country_code) for r in resolved} == {("location", "AE")}


def test_a_club_named_after_its_town_is_in_the_town_s_country() -> None:
    # English league results from a story that names England: the towns are clubs (results-table rows), in
    # England; a small town's name and a name that is no town give no country
    resolved = resolve_article(
        [
            mention("England", "GPE", 100),
            mention("Wigan", "ORG", after=" 2 Bolton 1"),
            mention("Kent", "ORG", 20, after=" beat Essex by six wickets"),
            mention("Reuters", "ORG", 60),
            mention("Mercedes", "ORG", 80, after=" said on Monday"),
        ]
    )
    assert [(r.mention.surface, r.entity_type, r.inferred_country) for r in resolved][1:] == [
        ("Wigan", "organization", "GB"),
        ("Kent", "organization", "GB"),
        ("Reuters", "organization", None),
        ("Mercedes", "organization", None),
    ]


def test_a_firm_named_like_a_city_of_a_country_the_story_does_not_name_has_no_country() -> None:
    # a French telecoms story: Orange the company, not a club of Orange, California
    resolved = resolve_article(
        [
            mention("France", "GPE"),
            mention("Orange", "ORG", 20, after=" said its profit rose"),
            mention("Orange", "ORG", 60),
        ]
    )
    assert {(r.mention.surface, r.inferred_country) for r in resolved} == {("France", None), ("Orange", None)}
