"""What the words of an all-caps headline are, where nothing else in the article says: the topic slug that opens
it, and the words that name places.

Wire and CoNLL-2003 headlines may open with a topic slug (`SOCCER - `, `MOTOR RACING - `, `PRESS DIGEST - `):
a word or three that name no entity. A place before the dash (`BAGHDAD - `) is no slug, nor is a clause
(`CHINA'S WHEAT IMPORTS SEEN HIGHER - USDA`). A place is a name the gazetteers know: a country, a nation of
the UK, a demonym (`BRAZILIAN`), a US state, a continent, or a city by its own name, of any size when the
name has several words (`NEW YORK`, `RIO DE JANEIRO`), of 100,000 people or more when it is one word that is
no ordinary word (`MILAN`, `VOLGOGRAD`; not `NICE`, `SPLIT`, `MOBILE`, `SPRING`).
"""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.countries import continents, country, demonym_of, name_key
from transforms.entities.english_words import is_verb_or_modifier
from transforms.entities.geocode import city_population, geocode, us_state

_SLUG = re.compile(r"[A-Z][A-Z &'.]*?(?=\s+[-–—]{1,2}\s+)")
_SLUG_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
# What may stand between the words of one place name: `NEW YORK`, `U.S.`, `GUINEA-BISSAU`.
_NAME_GAP = re.compile(r"[ .-]*")
_MAX_NAME_WORDS = 4
# A one-word city of fewer people is more often an ordinary word in a headline (`DEAL`, `SALE`, `TIME`).
_ONE_WORD_CITY_POPULATION = 100_000


def is_place(name: str, words: int = 1) -> bool:
    """Whether `name`, of `words` words, is a place the gazetteers know (see the module docstring)."""
    if words == 1 and (len(name) == 1 or name.lower() in STOP_WORDS):
        return False  # `US`, `IN`, `OR` in a headline are words
    if country(name) or demonym_of(name) or us_state(name) or name_key(name) in continents():
        return True
    if words > 1:
        return city_population(name) > 0  # dots and accents aside: `ST LOUIS`, `SAO PAULO`
    return city_population(name, as_written=True) >= _ONE_WORD_CITY_POPULATION and not is_verb_or_modifier(name)


def place_words(text: str, words: list[re.Match[str]]) -> set[int]:
    """The indexes of the `words` (matches in `text`, in order) that belong to the name of a place, the longest
    name first (`NEW YORK`, not `YORK`)."""
    found: set[int] = set()
    i = 0
    while i < len(words):
        if words[i].group().lower() in STOP_WORDS:  # `THE U.S.`: the article is no part of the name
            i += 1
            continue
        for j in range(min(len(words), i + _MAX_NAME_WORDS) - 1, i - 1, -1):
            gaps = (text[words[k].end() : words[k + 1].start()] for k in range(i, j))
            if all(_NAME_GAP.fullmatch(gap) for gap in gaps) and is_place(
                text[words[i].start() : words[j].end()], j - i + 1
            ):
                found.update(range(i, j + 1))
                i = j
                break
        i += 1
    return found


def slug_end(title: str) -> int:
    """The end of the topic slug opening an all-caps headline; 0 if there is none (see the module docstring)."""
    slug = _SLUG.match(title) if title.isupper() else None
    words = len(slug.group().split()) if slug is not None else 0
    # A slug opens what it files: more words after the dash than in it (`OBAMA BACKS CLINTON - AIDES` is a
    # headline and its source, not a slug).
    if slug is None or words > _SLUG_WORDS or "'" in slug.group() or len(_WORD.findall(title[slug.end() :])) < words:
        return 0
    if place_words(slug.group(), list(_WORD.finditer(slug.group()))) or geocode(slug.group().title()) is not None:
        return 0
    return slug.end()
