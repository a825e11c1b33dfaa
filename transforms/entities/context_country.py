"""The country of a place no gazetteer knows, where the article's own words say it.

A village or region the gazetteers lack (`Indelimane`) is still placed in a country when the text says so:
- right after it, by name: `Indelimane, Mali`, `Indelimane in northern Mali`, `Menaka, northeastern Mali`
  (a US state names the US: `Foxboro, Mass.`; another country's region its country: `London, Ontario`; a
  name that is one of a list of places names nothing: `Paris, Washington and London`);
- right after it, as `the country` of a story that is about one country: `an armed base in Indelimane, the
  northeast of the country` in a story about Mali is in Mali.
Such a country is marked as inferred, and the place gets no coordinates: the text says which country, not where.
"""

import re
from collections.abc import Iterable, Mapping

from transforms.entities.countries import country, name_key
from transforms.entities.geocode import ap_state, geocode, us_state
from transforms.entities.mentions import Mention
from transforms.entities.regions import regions

_COMPASS = r"(?:far[ -])?(?:north|south|east|west|centre|center|central|middle)(?:ern|east|west|eastern|western)?"
# `, Mali`, ` in northern Mali`, `, in the north of Mali`, `, northeastern Mali`: the country's name is captured.
_NAMED = re.compile(
    rf"^,?\s+(?:in\s+)?(?:the\s+)?(?:(?:{_COMPASS})\s+(?:of\s+)?)?(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*)*)",
)
# What follows a name that is one item of a list of places: `and`, `or`, or another capitalised name.
_LIST_GOES_ON = re.compile(r"^\s*(?:,?\s*(?:and|or)\b|,\s*[A-Z])")
# `, the northeast of the country`, ` in the country's north`, `, in the centre of the country`.
_THE_COUNTRY = re.compile(
    rf"^,?\s+(?:in\s+|to\s+)?(?:the\s+(?:{_COMPASS}|(?:far\s+)?\w+\s+part)\s+of\s+the\s+country\b"
    rf"|the\s+country['’]s\s+(?:{_COMPASS})\b)",
    re.IGNORECASE,
)
# The article is about one country when that country's weight is at least this many times the next one's (the
# weights `resolve` gives: one per mention, 100 for a dateline's country).
_MAIN_COUNTRY_LEAD = 2.0


def main_country(near: Mapping[str, float]) -> str | None:
    """The country the article is about, if one clearly leads the others (`near`: ISO code → weight)."""
    ranked = sorted(near.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] < _MAIN_COUNTRY_LEAD * ranked[1]):
        return None
    return max(near, key=lambda code: near[code])


def named_country(after: str, place: str | None = None) -> str | None:
    """The ISO code of the country named right after a place (`, northeastern Mali`), of the US when a state is
    (`, Calif.`, `, Texas`), or of a region's country (`, Ontario`), if any.

    A name that is itself a place in a list says nothing of the place before it (`Paris, Washington and London`,
    `Gao, Mali and Niamey`): after a bare comma, a name followed by `and`, `or` or `, <Capitalised>` is no
    country, state or region unless it is an AP state abbreviation (`Alexandria, Va., and Fairfax`). A name
    whose own reading is a city is no state or region (`Moscow, Washington`; `Oklahoma` is Oklahoma City's).
    A name both a country and a US state (`Georgia`) is whichever has a place of `place`'s name (`Athens,
    Georgia` is in the US), else the country.
    """
    named = _NAMED.match(after)
    if named is None:
        return None
    bare = not named.group(0)[: named.start("name")].strip(", \t\n")
    words = re.split(r"(?=[ -])", named["name"])
    # The longest run of the capitalised words that names a country or state (`Burkina Faso`, not `Mali The`).
    for n in range(len(words), 0, -1):
        name = "".join(words[:n])
        code = _country_of_name(name, place)
        if code is None:
            continue
        if bare and ap_state(name) is None and _LIST_GOES_ON.match(after[named.start("name") + len(name) :]):
            return None
        return code
    return None


def _country_of_name(name: str, place: str | None) -> str | None:
    """The ISO code of the country a name following a place puts it in (see `named_country`)."""
    found = country(name)
    read = geocode(name, regions_too=True) if found is None else None
    if found is not None and found.code:
        if place and us_state(name) is not None and _has_namesake(place, "US") and not _has_namesake(place, found.code):
            return "US"
        return found.code
    if read is not None and read.kind == "state":
        return read.country_code
    if read is not None and read.kind == "region":
        # A region's name says which country when no region of its level elsewhere has it (a county abroad
        # named like a province does not make `Canterbury` ambiguous).
        group = regions()[name_key(name)]
        level = next(r.level for r in group if r.gazetteer_id == read.gazetteer_id)
        if len({r.country_code for r in group if r.level == level}) == 1:
            return read.country_code
    return None


def _has_namesake(place: str, code: str) -> bool:
    """Whether a place of this name lies in this country."""
    found = geocode(place, within=code)
    return found is not None and found.country_code == code and found.kind not in ("country", "nation")


def context_country(mentions: Iterable[Mention], near: Mapping[str, float]) -> str | None:
    """The ISO code of the country the text puts an unknown place in, from what follows any of its mentions;
    None when the text does not say. `near` weighs the countries the article names (ISO code → weight)."""
    for mention in mentions:
        if (code := named_country(mention.after, mention.surface)) is not None:
            return code
        if _THE_COUNTRY.match(mention.after) and (main := main_country(near)) is not None:
            return main
    return None
