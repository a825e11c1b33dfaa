"""A name the model found once in an article is a name wherever the article writes it again the same way.

The model reads each sentence alone and misses a name in one sentence that it found in another (`Macrovision
said` found, `copy protection firm Macrovision` missed). Within one article the same written name means the
same thing, so each further occurrence of a found name is a mention too, where nothing else was found and the
name is not part of a longer one (`Washington` in `Washington Post`; a title or a sentence's first function
word before it makes no longer name: `Mr Ingram`, `But Ingram`).
"""

import re
from collections import Counter
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.mentions import Mention, trimmed
from transforms.entities.person_titles import is_title_or_role

# Mentions of these labels are names worth finding again; other things (`Office`, a work's title) are too often
# ordinary words.
_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w'’.-]*) $")
_CAPITALISED_AFTER = re.compile(r" [A-Z]|[\w'’-]")
_WORD_BEFORE = re.compile(r"[\w'’.-]")


def _findable(surface: str) -> bool:
    """A name of at least two letters that is no common word written with a capital (`The`, `Will`)."""
    return sum(c.isalpha() for c in surface) >= 2 and (surface.isupper() or surface.lower() not in STOP_WORDS)


def repeated_mentions(
    fields: dict[str, str], mentions: list[Mention], views: dict[str, str] | None = None
) -> list[Mention]:
    """The further occurrences of the article's names in its title and body that no mention covers.

    Names are looked for in the NER view of a text where `views` has one (`casing.ner_view`): there an all-caps
    headline writes a name as the body does (`KLINSMANN` as `Klinsmann`), at the text's own offsets."""
    labels: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label in _NAME_LABELS and not m.is_dateline and _findable(m.surface):
            labels.setdefault(m.surface, Counter())[m.label] += 1
    found = []
    for field in ("title", "body"):
        if field not in fields or not labels:
            continue
        text = fields[field]
        view = (views or {}).get(field, text)
        taken = [(m.start, m.end) for m in mentions if m.field == field]
        # The longest names first: a shorter one inside a longer one's occurrence is taken by then.
        for surface in sorted(labels, key=len, reverse=True):
            label = labels[surface].most_common(1)[0][0]
            start = view.find(surface)
            while start >= 0:
                end = start + len(surface)
                if _occurrence(view, start, end, taken) and (
                    mention := trimmed(field, text, start, end, label, view=view)
                ):
                    found.append(replace(mention, is_repeat=True))
                    taken.append((start, end))
                start = view.find(surface, end)
    return sorted(found, key=lambda m: (m.field != "title", m.start))


def _occurrence(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether `text[start:end]` is the name on its own: whole words, no mention there, no longer name around it."""
    if _WORD_BEFORE.match(text, start - 1) if start else False:
        return False
    if _CAPITALISED_AFTER.match(text, end) or any(s < end and start < e for s, e in taken):
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    # A capitalised word before makes a longer name, unless it is a title or a function word that opens a sentence
    # (`Then Quorvel`).
    word = before.group(1).rstrip(".") if before else ""
    return not before or is_title_or_role(word) or word.lower() in STOP_WORDS
