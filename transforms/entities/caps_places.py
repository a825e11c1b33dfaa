"""A place in capitals run into a name written in mixed case: `Jim Adams WASHINGTON`, `LONDON Marks & Spencer`.

Wire copy opens with a byline and a dateline in capitals (`Deborah Charles RANGOON 1996-08-31`), or a dateline
straight before the first sentence's name (`LONDON Marks & Spencer announced`); the model reads the two as one
name. Where a run of all-caps words that a gazetteer knows as a place meets words in mixed case, they are two
names: in a name that opens the text (`mentions.span_mentions`), since elsewhere a name in capitals may open the
name of a body (`USA Today`, `USA Gymnastics`).
"""

import re
from collections.abc import Iterator

from transforms.entities.countries import country
from transforms.entities.geocode import geocode

# Words of three capitals or more: abbreviations that begin the names of bodies (`U.S. Treasury`, `UN Council`)
# are no dateline.
_CAPS_RUN = re.compile(r"(?<![\w'’.-])[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})*(?![\w'’.-])")
_MIXED_WORD = re.compile(r"[A-Z][a-z]")


def _is_place(words: str) -> bool:
    return country(words) is not None or geocode(words.title()) is not None


def _is_mixed(piece: str) -> bool:
    return _MIXED_WORD.search(piece) is not None


def caps_place_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is the place) of the pieces of `text[start:end]`, split where an all-caps place meets mixed-case
    words; the whole span, not a place, if there is no such meeting."""
    position = start
    for run in _CAPS_RUN.finditer(text, start, end):
        before, after = text[position : run.start()], text[run.end() : end]
        if (_is_mixed(before) or _is_mixed(after)) and _is_place(run.group()):
            if run.start() > position:
                yield position, run.start(), False
            yield run.start(), run.end(), True
            position = run.end()
    if position < end:
        yield position, end, False
