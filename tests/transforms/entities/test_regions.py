import pytest

from transforms.entities.geocode import geocode
from transforms.entities.regions import regions


def test_first_level_regions_by_name_with_geonames_keys() -> None:
    assert [(r.name, r.country_code, r.gazetteer_id) for r in regions()["ontario"]] == [
        ("Ontario", "CA", "geonames-admin1:CA.08")
    ]
    # Two countries' Punjab: the one with more places first.
    assert [r.country_code for r in regions()["punjab"]] == ["PK", "IN"]


@pytest.mark.parametrize("name", ["central", "eastern province", "north west", "centre-est"])
def test_names_made_of_directions_and_administrative_words_are_no_regions(name: str) -> None:
    assert name not in regions()


def test_second_level_regions_by_country_and_name() -> None:
    assert [(r.name, r.country_code, r.gazetteer_id, r.level) for r in regions()["kent"]] == [
        ("Kent", "GB", "admin2:GB:Kent", 2)
    ]


def test_us_states_are_left_to_the_state_gazetteer() -> None:
    assert all(r.country_code != "US" for group in regions().values() for r in group)


@pytest.mark.parametrize(
    ("name", "near", "kind", "code"),
    [
        # A province outranks a city of its name elsewhere (Ontario, California).
        ("Ontario", {}, "region", "CA"),
        ("Chechnya", {}, "region", "RU"),
        ("Guangdong", {}, "region", "CN"),
        # A big city outranks a region of its name (Moscow oblast; Gaza province, Mozambique).
        ("Moscow", {}, "city", "RU"),
        ("Gaza", {}, "city", "PS"),
        # A region named after its city is the city when the city is a large part of it (the canton and the
        # city of Zurich; Madrid), the region when the city is a small part of it (Quebec, Okinawa).
        ("Zurich", {}, "city", "CH"),
        ("Madrid", {}, "city", "ES"),
        ("Quebec", {}, "region", "CA"),
        ("Quebec", {"CA": 3.0}, "region", "CA"),
        ("Okinawa", {}, "region", "JP"),
        # A US state outranks another country's region of its name (Florida, Uruguay).
        ("Florida", {}, "state", "US"),
        # Two regions of one name: the article's country decides.
        ("Punjab", {"IN": 1.0}, "region", "IN"),
        # A county ranks by its towns' people: England's Kent over Kent, Washington, unless the article names the
        # US; a county of few towns does not outrank a city of its name elsewhere (Ipswich, Queensland).
        ("Kent", {}, "region", "GB"),
        ("Kent", {"US": 2.0}, "city", "US"),
        ("Somerset", {}, "region", "GB"),
        ("Swabia", {}, "region", "DE"),
        ("Surrey", {"GB": 1.0}, "region", "GB"),
        ("Surrey", {"CA": 1.0}, "city", "CA"),
        ("Ipswich", {}, "city", "GB"),
    ],
)
def test_regions_among_the_places_of_a_name(name: str, near: dict[str, float], kind: str, code: str) -> None:
    place = geocode(name, near)
    assert place is not None
    assert (place.kind, place.country_code) == (kind, code)
    assert place.latitude is None or kind != "region"
