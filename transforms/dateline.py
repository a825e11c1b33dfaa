"""Datelines: the `PLACE, date (Agency) -` that wire copy opens its body with.

Forms seen in the sources: `BAMAKO Mali The president…` (aggregator copy, the country after the city),
`WASHINGTON (Reuters) - …`, `SALVADOR, Feb 26 - …`, `TORONTO, Canada -- …`, CoNLL-2003's
`LONDON 1996-08-30` line (joined to the first sentence once repaired), and a feed's credit before any of them
(`Canadian Press - VANCOUVER (CP) - …`, kept in the dateline's text). A capitalised word alone is not a
dateline (`NATO said…`, `AP - A company…`): the place must be followed by a country or region, a date or an
agency in brackets.
"""

import re
from functools import cache
from typing import NamedTuple

import pycountry

_PLACE = r"(?P<place>[A-Z][A-Z'’.\-]*[A-Z.](?: [A-Z][A-Z'’.\-]*[A-Z.])*)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
_REGION = r"(?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2})"
_AGENCY = r"(?P<agency>\([A-Z][\w .&-]{0,30}\))"
# A feed's credit before the dateline (`Canadian Press - VANCOUVER (CP) - `, AG News): a name in mixed case, an
# agency's few capitals or a web address, then a dash.
_SOURCE = r"(?:[A-Z][a-z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,3}|[A-Z]{2,5}|[\w-]+\.(?:com|net|org)) - "
_DATELINE = re.compile(
    rf"^(?:{_SOURCE})?{_PLACE}"
    rf"(?:(?P<comma>,) (?!{_MONTH} \d){_REGION}| (?P<bare_region>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= |$))?"
    rf"(?:,? {_DATE})?"
    rf"(?: {_AGENCY})?"
    r"(?: ?[-–—:]+ | |$)"
)


@cache
def _country_names() -> frozenset[str]:
    """Country names as pycountry writes them (`Mali`, `Burkina Faso`, `South Korea`)."""
    names: set[str] = set()
    for entry in pycountry.countries:
        names.update(filter(None, (entry.name, getattr(entry, "common_name", None))))
    return frozenset(names)


class Dateline(NamedTuple):
    """A dateline's parts as spans of its text."""

    text: str
    place: tuple[int, int]
    # The country or region written after the place (`Mali` in `BAMAKO Mali`), if any.
    region: tuple[int, int] | None


def parse_dateline(text: str) -> Dateline | None:
    """The parts of a body's opening, if it opens with a dateline; `text` may be the dateline alone."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    region: tuple[int, int] | None = match.span("region") if match["region"] else None
    bare = match["bare_region"]
    if bare is not None:
        # Without a comma only a country may follow the place (`BAMAKO Mali The president`); any other
        # capitalised word is where the body starts (`WASHINGTON President Obama said`).
        words = bare.split(" ")
        known = next((n for n in range(len(words), 0, -1) if " ".join(words[:n]) in _country_names()), None)
        if known is None:
            return None
        start = match.start("bare_region")
        region = (start, start + len(" ".join(words[:known])))
    if not (region or match["date"] or match["agency"]):
        return None
    spans = (match.span("place"), region or (0, 0), match.span("date"), match.span("agency"))
    return Dateline(text[: max(end for _, end in spans)], match.span("place"), region)


def split_dateline(body: str) -> tuple[str | None, str]:
    """(dateline, rest of the body): `("WASHINGTON (Reuters)", "The president…")`, or `(None, body)`."""
    found = parse_dateline(body)
    if found is None:
        return None, body
    rest = body[len(found.text) :]
    return found.text, re.sub(r"^(?: ?[-–—:]+)? ?", "", rest, count=1)
