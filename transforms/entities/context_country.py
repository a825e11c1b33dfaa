"""The country of a place no gazetteer knows, where the article's own words say it.

A village or region the gazetteers lack (`Indelimane`) is still placed in a country when the text says so:
- right after it, by name: `Indelimane, Mali`, `Indelimane in northern Mali`, `Menaka, northeastern Mali`
  (a US state names the US: `Foxboro, Mass.`);
- right after it, as `the country` of a story that is about one country: `an armed base in Indelimane, the
  northeast of the country` in a story about Mali is in Mali.
Such a country is marked as inferred, and the place gets no coordinates: the text says which country, not where.
"""

import re
from collections.abc import Iterable, Mapping

from transforms.entities.countries import country
from transforms.entities.geocode import us_state
from transforms.entities.mentions import Mention

_COMPASS = r"(?:far[ -])?(?:north|south|east|west|centre|center|central|middle)(?:ern|east|west|eastern|western)?"
# `, Mali`, ` in northern Mali`, `, in the north of Mali`, `, northeastern Mali`: the country's name is captured.
_NAMED = re.compile(
    rf"^,?\s+(?:in\s+)?(?:the\s+)?(?:(?:{_COMPASS})\s+(?:of\s+)?)?(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*)*)",
)
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


def named_country(after: str) -> str | None:
    """The ISO code of the country named right after a place (`, northeastern Mali`), or of the US when a
    state is (`, Calif.`), if any."""
    named = _NAMED.match(after)
    if named is None:
        return None
    words = re.split(r"(?=[ -])", named["name"])
    # The longest run of the capitalised words that is a country (`Burkina Faso`, not `Mali The`).
    for n in range(len(words), 0, -1):
        found = country("".join(words[:n]))
        if found is not None and found.code:
            return found.code
        if (state := us_state("".join(words[:n]))) is not None:
            return state.country_code
    return None


def context_country(mentions: Iterable[Mention], near: Mapping[str, float]) -> str | None:
    """The ISO code of the country the text puts an unknown place in, from what follows any of its mentions;
    None when the text does not say. `near` weighs the countries the article names (ISO code → weight)."""
    for mention in mentions:
        if (code := named_country(mention.after)) is not None:
            return code
        if _THE_COUNTRY.match(mention.after) and (main := main_country(near)) is not None:
            return main
    return None
