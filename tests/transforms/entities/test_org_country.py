import pytest

from transforms.entities.mentions import Mention
from transforms.entities.org_country import organization_country
from transforms.entities.resolve import resolve_article


def mention(surface: str, label: str, start: int = 0, *, field: str = "body") -> Mention:
    return Mention(field, start, start + len(surface), surface, label)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bank of England", "GB"),
        ("Reserve Bank of Australia", "AU"),
        ("Royal Bank of Canada", "CA"),
        ("U.S. Federal Reserve", "US"),
        ("New Zealand Dairy Board", "NZ"),
        ("Japanese Finance Ministry", "JP"),
        ("Australian Bureau of Statistics", "AU"),
        ("U.S. Gulf Coast Authority", "US"),
    ],
)
def test_a_country_s_institution_is_placed_in_it_by_its_name(name: str, code: str) -> None:
    assert organization_country(name) == code


@pytest.mark.parametrize(
    "name",
    [
        "Bundesbank",  # no country's name in it
        "European Community",  # a continent is no country
        "Air France",  # the country neither opens the name nor follows `of`
        "Ministry of International Trade and Industry",
        "Brazil",  # a country's name alone is the country, not its organisation
        "Canadian Bank of Mexico",  # two countries: neither
        # a demonym that makes a physical feature with the next word, or a country `of` leads to mid-name
        "Indian Ocean Commission",
        "Movement for the Emancipation of the Niger Delta",
        "Niger Delta Development Commission",
        # an opening country's word that is a brand, a place, a person or an order's: no public body follows
        "Georgia Power",
        "Turkey Hill Dairy",
        "Peru State College",
        "Jordan Brand",
        "Chad Smith Foundation",
        "Guinea Pig Club",
        # a country's name that is a US state's
        "University of Georgia",
        # a former country has no current code
        "Soviet Army",
    ],
)
def test_a_name_that_places_an_organisation_in_no_one_country(name: str) -> None:
    assert organization_country(name) is None


def test_a_resolved_organisation_takes_the_country_its_name_names_only_where_the_text_writes_it() -> None:
    resolved = resolve_article(
        [
            mention("Bank of England", "ORG", field="title"),
            mention("Bank of England", "ORG", 0),
            mention("Nigeria Cease-Fire", "ORG", 30, field="title"),
            mention("Citicorp", "ORG", 60),
        ]
    )
    found = {(r.entity_name, r.inferred_country) for r in resolved}
    # A title-case headline runs a country into the next words; only names the text writes too count.
    assert found == {("Bank of England", "GB"), ("Nigeria Cease-Fire", None), ("Citicorp", None)}
