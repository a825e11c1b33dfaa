"""A name in the possessive run into the name it owns: `Macrovision's Entertainment Technologies Group`.

The model reads `X's Y` as one name whether it is one (`Queen's Park`, `Boatmen's Bancshares`) or two (`Lee's
POW! Entertainment`, `Farrakhan's Nation of Islam`). It is two where the article also writes the owner on its
own, not in the possessive: the owner is then a name of the article in its own right.
"""

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.mentions import Mention, trimmed
from transforms.entities.person_titles import is_title_or_role

_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’.-]*) $")


def _written_alone(owner: str, texts: list[str]) -> bool:
    """Whether `owner` is written in one of the texts as a name of its own: not in the possessive, nor part of a
    longer name (`Queen` of `Queen of the South`)."""
    alone = re.compile(rf"(?<![\w'’.-]){re.escape(owner)}(?![\w'’-])(?!\s+(?:(?:of|the|and|&)\s+)*[A-Z])")
    return any(not _in_longer_name(text, m.start()) for text in texts for m in alone.finditer(text))


def _in_longer_name(text: str, start: int) -> bool:
    """Whether a capitalised word before `start` makes a longer name of what follows; a title or a sentence's
    first function word does not (`Ms Okafor`, `But Okafor`)."""
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    word = before.group(1).rstrip(".") if before else ""
    return before is not None and not is_title_or_role(word) and word.lower() not in STOP_WORDS


def split_possessives(fields: dict[str, str], mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each `X's Y` whose owner the article writes alone split into `X` and `Y`."""
    labels = {m.surface: m.label for m in mentions}
    texts = [fields[f] for f in ("title", "body") if f in fields]
    found = []
    for mention in mentions:
        possessive = _POSSESSIVE.search(mention.surface)
        owner = mention.surface[: possessive.start()] if possessive else ""
        if possessive is None or not owner or not _written_alone(owner, texts):
            found.append(mention)
            continue
        text = fields[mention.field]
        first = trimmed(mention.field, text, mention.start, mention.start + possessive.start(), mention.label)
        second = trimmed(mention.field, text, mention.start + possessive.end(), mention.end, mention.label)
        if first is not None:
            found.append(replace(first, label=labels.get(owner, mention.label)))
        if second is not None:
            found.append(second)
    return found
