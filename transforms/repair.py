"""Repair of the artefacts that scraping, aggregators and tokenised corpora leave in text.

`repair_text` is what staging stores; entity extraction reads the repaired text, so offsets point into it.
Every repair only deletes or collapses whitespace, so `repair_with_offsets` can map each repaired character back
to the character of the input it came from (the CoNLL benchmark scores spans against offsets into the input).

The artefacts, as seen in the sources:
- a space before closing punctuation or after an opening bracket: `France , Africa`, `United Nations .`,
  `( AFP )`: aggregators that re-join tokenised text, and CoNLL-2003;
- clitics split off their word: `Mali 's`, `does n't`, `players ' union`: the same tokenisers;
- a country name split from its demonym suffix: `Mali an soldiers`: an aggregator that linked the country name.

All-caps headlines are stored as written; entity extraction reads them through a recased view with the same
offsets (`transforms.entities.casing.ner_view`).
"""

import re
from collections.abc import Callable
from functools import cache

import pycountry

# Single spaces are left alone so that well-formed text is never rebuilt.
_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")
_EDGES = re.compile(r"^\s+|\s+$")
# Closing punctuation glued back only where it ends a word (followed by space, end, a quote or a bracket), so
# `.NET`, `5 .5` or an ellipsis opening a sentence are left alone.
_SPACE_BEFORE_CLOSING = re.compile(r"(?<=\S) +(?=[,.;:!?%)\]}](?:\s|$|[\"'”’)\]}]))")
_SPACE_AFTER_OPENING = re.compile(r"(?<=[(\[{]) +(?=\S)")
_CLITIC = re.compile(r"(?<=[\w)]) (?=(?:['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)|n['’]t|N['’]T)\b)")
_PLURAL_POSSESSIVE = re.compile(r"(?<=\ws) (?=['’](?:\s|$))")

# Suffixes that turn an English country name into its demonym by plain concatenation (Mali-an, Chad-ian,
# Sudan-ese, Iraq-i, Kenya-n), with their plurals. `is` is left out: `Iraq is` is English.
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ns", "n", "i")
_VOWELS = "aeiouAEIOU"

Substitution = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _delete(_: re.Match[str]) -> str:
    return ""


def _collapse(match: re.Match[str]) -> str:
    return "\n\n" if match.group().count("\n") >= 2 else " "


# `Word suffix`: a capitalised word, then a demonym's ending split from it (`Mali an`, `Niger ian`). Which words
# are country names is a set lookup: an alternation of 200 names made this scan 0.6 ms an article.
_SPLIT_WORD = re.compile(
    rf"\b(?P<name>[A-Z][a-z]+)(?P<space> )(?P<suffix>{'|'.join(_DEMONYM_SUFFIXES)})\b(?=(?: (?P<next>\S+))?)"
)


@cache
def _country_words() -> frozenset[str]:
    """Every single-word English country name in pycountry (current and historic)."""
    names: set[str] = set()
    for country in [*pycountry.countries, *pycountry.historic_countries]:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and re.fullmatch(r"[A-Z][a-z]+", name):
                names.add(name)
    return frozenset(names)


def _unambiguous_demonym(match: re.Match[str]) -> bool:
    """Whether `Mali an` must be a split demonym: `an` the article would need a vowel-initial word after it."""
    if match["suffix"] != "an":
        return True
    following = (match["next"] or "").strip()
    return not (following[:1] in _VOWELS and following[:1].islower())


def _join_demonyms(text: str) -> list[Substitution]:
    """The demonym joins for this text: an ambiguous `Mali an army` is joined only if the same text also has
    an unambiguous `Mali an soldiers`, so an English `in Mali an official said` stays as written."""
    countries = _country_words()
    confirmed = {
        (m["name"], m["suffix"])
        for m in _SPLIT_WORD.finditer(text)
        if m["name"] in countries and _unambiguous_demonym(m)
    }
    if not confirmed:
        return []
    joinable = re.compile(r"|".join(rf"(?<=\b{name}) (?={suffix}\b)" for name, suffix in sorted(confirmed)))
    return [(joinable, _delete)]


def _substitutions(text: str) -> list[Substitution]:
    """The repairs in the order they apply; whitespace first, so later patterns can assume single spaces."""
    return [
        (_EDGES, _delete),
        (_WHITESPACE, _collapse),
        (_SPACE_AFTER_OPENING, _delete),
        (_SPACE_BEFORE_CLOSING, _delete),
        (_CLITIC, _delete),
        (_PLURAL_POSSESSIVE, _delete),
    ]


def _apply(
    text: str, offsets: list[int] | None, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> tuple[str, list[int] | None]:
    """One substitution; each replacement character maps to the matched character at the same position."""
    pieces: list[str] = []
    mapped: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        replacement = replace(match)
        pieces.append(text[position:start])
        pieces.append(replacement)
        if offsets is not None:
            mapped.extend(offsets[position:start])
            mapped.extend(offsets[start + min(i, end - start - 1)] for i in range(len(replacement)))
        position = end
    if not pieces:
        return text, offsets
    pieces.append(text[position:])
    if offsets is not None:
        mapped.extend(offsets[position:])
    return "".join(pieces), (mapped if offsets is not None else None)


def _repair(text: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    for pattern, replace in _substitutions(text):
        text, offsets = _apply(text, offsets, pattern, replace)
    for pattern, replace in _join_demonyms(text):
        text, offsets = _apply(text, offsets, pattern, replace)
    return text, offsets


def repair_text(text: str) -> str:
    """The text as stored: whitespace collapsed, paragraphs separated by one blank line, artefacts repaired."""
    return _repair(text, None)[0]


def repair_with_offsets(text: str) -> tuple[str, list[int]]:
    """(repaired text, offsets): `offsets[i]` is the index in `text` of the repaired character `i`.

    `offsets` has one more entry than the repaired text, `len(text)`, so a span `[start, end)` of the repaired
    text maps back to `[offsets[start], offsets[end - 1] + 1)`.
    """
    repaired, offsets = _repair(text, list(range(len(text) + 1)))
    assert offsets is not None
    return repaired, offsets
