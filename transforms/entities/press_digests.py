"""Newspapers heading the items of a wire's press digest: `PRESS DIGEST - Indonesian newspapers - August 30`.

A digest lists each paper's stories under the paper's name in capitals on a line of its own (`KOMPAS`, `JAKARTA
POST`, `LA PRESSE`), often after a rule (`- - - -`). Stored with its line breaks folded, the name runs into the
story's first sentence (`- - - - JAKARTA POST Speaker of the House ...`), and the model misses it or reads a
place (`Jakarta`). In a digest, a run of capitals where a sentence may start (the body's start, after a full stop
or a rule) and before a sentence in mixed case or a dash is a newspaper: an organisation.
"""

import re

from transforms.entities.mentions import Mention

_DIGEST = re.compile(r"\bpress digest\b", re.IGNORECASE)
_CAPS_WORD = r"[A-Z][A-Z&'’.-]+"
_HEADING = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=- - - - )|(?<=[.!?]\" ))(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD})*)(?= - | [A-Z][a-z\"“])"
)
# Shorter runs are abbreviations opening a sentence (`UN`, `PDI`), not a paper's heading.
_MIN_LETTERS = 4


def is_press_digest(title: str) -> bool:
    """Whether an article's headline says it is a press digest."""
    return _DIGEST.search(title) is not None


def newspaper_mentions(field: str, text: str) -> list[Mention]:
    """The newspapers heading the items of a press digest's `text` (see the module docstring)."""
    found = []
    for match in _HEADING.finditer(text):
        start, end = match.span("name")
        if sum(c.isalpha() for c in match["name"]) >= _MIN_LETTERS:
            found.append(Mention(field, start, end, match["name"], "ORG"))
    return found
