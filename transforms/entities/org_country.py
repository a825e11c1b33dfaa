"""The country an organisation's own name places it in: `Bank of England`, `Reserve Bank of Australia`,
`U.S. Federal Reserve`, `Australian Bureau of Statistics`.

A country's institutions are named after it, and news names them in place of the country (`the Bank of Japan
cut rates`): the organisation then says as much about which country a story is about as the country's name.
The name must say it where a country's institution does, so that a name merely containing a country's word
does not count:
- a country's name (or everyday short form, `U.S.`) opens the name, or follows `of` and ends it (`Bank of
  Japan`, not the `Movement for the Emancipation of the Niger Delta`);
- or a country's demonym opens it (`British Agriculture Ministry`; a continent's, `European`, is no country's).
An opening demonym followed by a word of physical geography names that feature, not the country (`Indian Ocean
Commission`; but the `U.S. Gulf` is the country's). A name that places the organisation in two countries
names neither.
"""

import re

from transforms.entities.countries import countries, country, demonym_of

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


def _country_at(words: list[str], start: int) -> tuple[str, int] | None:
    """(ISO code, words used) of the longest country name starting at `words[start]`."""
    for n in range(min(_MAX_WORDS, len(words) - start), 0, -1):
        found = country(" ".join(words[start : start + n]))
        if found is not None and found.code:
            return found.code, n
    return None


def organization_country(name: str) -> str | None:
    """The ISO code of the one country an organisation's name places it in (see the module docstring), or None."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return None  # a country's name alone is the country (or its team), not an organisation of it
    codes: set[str] = set()
    opening = _country_at(words, 0)
    if opening is not None:
        if opening[1] < len(words):
            codes.add(opening[0])
    elif words[1].casefold() not in _FEATURES:
        stem = demonym_of(words[0])
        found = countries().get(stem) if stem else None
        if found is not None and found.code:
            codes.add(found.code)
    for i, word in enumerate(words[:-1]):
        after = _country_at(words, i + 1) if word == "of" else None
        if after is not None and i + 1 + after[1] == len(words):
            codes.add(after[0])
    return codes.pop() if len(codes) == 1 else None
