"""The news source a feed names in brackets after a headline: `Bush enforces new US diplomacy (AFP)`.

Feeds that carry wire and web copy (AG News, Yahoo News) end a headline with its source, an agency or a publisher
(`(AP)`, `(Reuters)`, `(Canadian Press)`, `(washingtonpost.com)`), and often open the text below with it (`AFP -
President George W. Bush ...`). Alone in brackets, the model often misses the name. A headline's last bracket
holding a capitalised name, or a web address, is that source, an organisation; so is the same name opening the
text before a dash. A story's update number (`(Update1)`) and a time zone (`(PDT)`) are no source, nor is an
aside (`(And What To Do About It)`, opening with a stop word), a kind of content (`(VIDEO)`, `(PHOTOS)`: dictionary
words in capitals) or one dictionary word (`(Photos)`, `(Japan)`), which the model reads as it reads any word.
"""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.english_words import parts_of_speech
from transforms.entities.mentions import Mention
from transforms.entities.name_kinds import is_time_zone

_WORD = r"[A-Za-z][\w.'’&-]*"
_TAG = re.compile(rf"\((?P<name>(?=[A-Z]|\w+\.(?:com|net|org)\b){_WORD}(?: {_WORD})*)\)\s*$")
_NO_SOURCE = re.compile(r"Update ?\d*")


def source_name(title: str) -> tuple[int, int] | None:
    """Where the source a headline ends with is named (offsets into `title`), or None."""
    match = _TAG.search(title)
    if match is None or _NO_SOURCE.fullmatch(match["name"]) or is_time_zone(match["name"]):
        return None
    words = match["name"].split()
    if words[0].lower() in STOP_WORDS:
        return None
    # A dictionary word, unless an abbreviation's few capitals (AFP is a protein too).
    ordinary = [bool(parts_of_speech(w)) and (len(w) >= 4 or not w.isupper()) for w in words]
    if all(ordinary) and (len(words) == 1 or all(w.isupper() for w in words)):
        return None
    return match.span("name")


def source_mentions(fields: dict[str, str]) -> list[Mention]:
    """The source in brackets after the headline, and the same name opening the body before a dash."""
    title, body = fields.get("title", ""), fields.get("body", "")
    span = source_name(title)
    if span is None:
        return []
    name = title[span[0] : span[1]]
    found = [Mention("title", *span, name, "ORG")]
    if re.match(rf"{re.escape(name)} [-–—] ", body):
        found.append(Mention("body", 0, len(name), name, "ORG"))
    return found
