"""Names of one article that are another of its names: a surname or family name alone (`Parly` → `Florence
Parly`, `Wang` → `Wang Donghai`), an acronym the article spells out (`UN` → `United Nations`), a country's name
that is a person's surname (`Jordan` after `Neil Jordan`). `resolve` links them before it names entities."""

import re
from collections.abc import Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.countries import continents, country, demonym_of, name_key
from transforms.entities.family_names import is_family_name_first
from transforms.entities.mentions import Mention

# Words that put what follows in a place: a country's name after them is the country, not a surname.
_POSSESSIVE_AFTER = re.compile(r"\s?['’]s?\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|into|to|from|across|throughout|near|around|through|outside|inside)\s+$", re.I)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|dame|lord|lady|president|minister|prime minister)\s+")
# An acronym as news writes it: `UN`, `U.S.`, `NATO`.
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")


def is_gazetteer_place(mention: Mention) -> bool:
    """Whether the gazetteers say this name is a place whatever the model said."""
    key = name_key(mention.surface)
    if country(mention.surface) is not None or key in continents():
        return True
    return mention.label in ("NORP", "MISC") and demonym_of(mention.surface) is not None


def _initials(key: str) -> set[str]:
    words = key.replace("-", " ").split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in STOP_WORDS)}


def person_key(key: str) -> str:
    """A person's name key without its honorific (`mr john smith` → `john smith`)."""
    return _HONORIFIC.sub("", key)


def link_surnames(by_key: Mapping[str, list[Mention]], types: dict[str, str], target: dict[str, str]) -> None:
    """Point a name at the one longer person name of the article that ends with it (`Parly`), or that starts with
    it when it is a family name written first (`Wang` → `Wang Donghai`, `family_names`)."""
    persons = [k for k, t in types.items() if t == "person"]
    by_demonym = {found.code for k in by_key if (stem := demonym_of(k)) and (found := country(stem))}
    for key, group in by_key.items():
        if any(is_gazetteer_place(m) for m in group) and not _may_be_surname(group, by_demonym):
            continue
        words = person_key(key).split()
        longer = {
            p
            for p in persons
            if len(person_key(p).split()) > len(words)
            and (
                person_key(p).split()[-len(words) :] == words
                or (len(words) == 1 and is_family_name_first(words[0]) and person_key(p).split()[0] == words[0])
            )
        }
        if len(longer) == 1:
            target[key] = longer.pop()
            types[key] = "person"


def _may_be_surname(group: list[Mention], by_demonym: set[str | None]) -> bool:
    """Whether a country's name may be a surname here (`Jordan` after `Neil Jordan`): the name alone, its
    country not named by its demonym in the article (`Jordanian`), never after a word that puts something in a
    place (`in Jordan`, but `in Jordan's film`)."""
    return all(
        (found := country(m.surface)) is not None
        and found.code not in by_demonym
        and not (_PLACE_BEFORE.search(m.before) and not _POSSESSIVE_AFTER.match(m.after))
        for m in group
    )


def link_acronyms(by_key: Mapping[str, list[Mention]], types: dict[str, str], target: dict[str, str]) -> None:
    """Point an acronym at the one name of the article whose initials it spells (`UN`)."""
    for key, group in by_key.items():
        if not ACRONYM.fullmatch(group[0].surface) or types[key] in ("person", "location"):
            continue
        spelled = [k for k in by_key if " " in k and key in _initials(k) and types[k] != "person"]
        if len(spelled) == 1:
            target[key] = spelled[0]
            types[key] = types[spelled[0]]
