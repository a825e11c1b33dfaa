"""The country an organisation's own name places it in: `Bank of England`, `Reserve Bank of Australia`,
`U.S. Federal Reserve`, `Australian Bureau of Statistics`.

A country's institutions are named after it, and news names them in place of the country (`the Bank of Japan
cut rates`): the organisation then says as much about which country a story is about as the country's name.
The name must say it where a country's institution does, so that a name merely containing a country's word
does not count:
- a country's name follows `of` and ends it (`Bank of Japan`, not the `Movement for the Emancipation of the Niger
  Delta`);
- or a country's demonym opens it (`British Agriculture Ministry`, `Canadian Press`; a continent's, `European`, is
  no country's);
- or a country's name (or everyday short form, `U.S.`) opens a name that says it is a public body (`_BODIES`:
  `New Zealand Dairy Board`, `U.S. Federal Reserve`): an opening country's word is as often a firm's brand, a place
  or a person (`Georgia Power`, `Turkey Hill Dairy`, `Peru State College`, `Jordan Brand`).
An opening name followed by a word of physical geography names that feature, not the country (`Indian Ocean
Commission`, `Niger Delta Development Commission`; but after initials, the `U.S. Gulf` is the country's). A
country's name that is also a US state's (`Georgia`) names neither (`University of Georgia`). A name that places
the organisation in two countries names neither.
"""

import re

from transforms.entities.countries import countries, country, demonym_of
from transforms.entities.geocode import us_state

# The longest country name in words (`Saint Vincent and the Grenadines`) bounds the runs looked up.
_MAX_WORDS = 5
_WORD = re.compile(r"[^\s,()]+")
# Words that make a physical feature of the demonym before them (`Indian Ocean`, `Arabian Sea`).
_FEATURES = frozenset(
    {
        *("ocean", "sea", "gulf", "bay", "delta", "basin", "river", "valley", "lake", "peninsula", "subcontinent"),
        *("island", "islands", "coast", "mountains", "hills", "desert", "plain", "plains", "strait"),
    }
)


# Words that make a public body of the name they end: a government's, a central bank's, a state-owned
# service's.
_BODIES = frozenset(
    {
        *("ministry", "department", "bank", "reserve", "bureau", "agency", "office", "board", "authority"),
        *("commission", "council", "army", "navy", "police", "government", "parliament", "senate", "congress"),
        *("court", "embassy", "cabinet", "treasury", "customs", "administration", "service", "corps", "guard"),
    }
)


def _country_at(words: list[str], start: int) -> tuple[str, int] | None:
    """(ISO code, words used) of the longest country name starting at `words[start]`, not a US state's."""
    for n in range(min(_MAX_WORDS, len(words) - start), 0, -1):
        name = " ".join(words[start : start + n])
        found = country(name)
        if found is not None and found.code:
            return (found.code, n) if us_state(name) is None else None
    return None


def organization_country(name: str) -> str | None:
    """The ISO code of the one country an organisation's name places it in (see the module docstring), or None."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return None  # a country's name alone is the country (or its team), not an organisation of it
    codes: set[str] = set()
    opening = _country_at(words, 0)
    used = opening[1] if opening is not None else 1
    # A feature's word after the country's initials is the country's (`U.S. Gulf`), after its name a feature's
    # (`Niger Delta`, a river's).
    initials = "." in words[0]
    body = used < len(words) and (initials or words[used].casefold() not in _FEATURES)
    if body and opening is not None and any(word.casefold() in _BODIES for word in words[used:]):
        codes.add(opening[0])
    elif body and opening is None and (stem := demonym_of(words[0])):
        found = countries().get(stem)
        if found is not None and found.code:
            codes.add(found.code)
    for i, word in enumerate(words[:-1]):
        after = _country_at(words, i + 1) if word == "of" else None
        if after is not None and i + 1 + after[1] == len(words):
            codes.add(after[0])
    return codes.pop() if len(codes) == 1 else None
