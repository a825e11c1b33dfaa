"""Titles: whether a text opens with a title line, and a title for an article that has none.

An article without a title (a text collection with one article per line, a page saved without its headline, a
JSON record with no title field) is published with a title derived from its first sentence, marked
`title_source = 'derived'`; a title the source gave is `source`.
"""

import re

# A title line is a short line standing alone above the body; longer, it is the body's first paragraph.
MAX_TITLE_LINE = 200
# A derived title is the first sentence, cut at a word boundary to at most this many characters (an ellipsis
# included) - the length of a long headline.
DERIVED_TITLE_CHARS = 120

# A sentence ends at . ! ? (or a closing quote after one) before whitespace and a capital, a digit or a quote; not
# after an initial or a common abbreviation (`U.S. officials`, `Mr. Keita`, `Jan. 5`).
_SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)]?\s+(?=["'“‘(\[]?[A-Z0-9À-Þ])""")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Gov|Jr|Sr|Inc|Ltd|Co|Corp"
    r"|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$"
)
# Words a sentence does not end on: a line that ends on one (or on a comma, a colon, a spaced dash) breaks
# mid-sentence.
_CONTINUES = re.compile(
    r"(?:[,;:]|\s[-–—]|\b(?:a|an|the|and|or|but|of|to|in|on|at|for|with|by|from|that|which|who|as|its|their|his|her))$",
    re.IGNORECASE,
)


def first_sentence(text: str) -> str:
    """The text's first sentence (of its first paragraph), whitespace folded."""
    paragraph = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    paragraph = " ".join(paragraph.split())
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : match.start()].rstrip()
        if not _ABBREVIATION.search(candidate):
            return candidate
    return paragraph


def derived_title(body: str) -> str:
    """A title for an article that has none: its first sentence, cut at a word boundary with an ellipsis when it
    is longer than `DERIVED_TITLE_CHARS`; a sentence's closing full stop dropped, as headlines have none."""
    sentence = first_sentence(body)
    if len(sentence) <= DERIVED_TITLE_CHARS:
        return sentence.removesuffix(".") if not sentence.endswith("..") else sentence
    cut = sentence[: DERIVED_TITLE_CHARS - 1]
    space = cut.rfind(" ")
    if space > DERIVED_TITLE_CHARS // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def ends_mid_sentence(line: str) -> bool:
    """Whether a line stops where a sentence cannot (on `the`, `and`, a comma): a paragraph broken across lines."""
    return bool(_CONTINUES.search(line.rstrip()))


def is_title_line(lines: list[str]) -> bool:
    """Whether a text (its lines) opens with a title: a line of at most `MAX_TITLE_LINE` characters that does not
    break off mid-sentence, with a blank line after it (the seed's and BBC's form). A text of a single line is a
    title when it is that short (a headline with no story), else a one-paragraph story."""
    first = lines[0].strip()
    if not first or len(first) > MAX_TITLE_LINE or ends_mid_sentence(first):
        return False
    return len(lines) == 1 or not lines[1].strip()
