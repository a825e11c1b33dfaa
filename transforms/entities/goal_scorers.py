"""Goal scorers and substitutes, named with the minute: `Romania - Cosmin Contra (31st), Mihai Tararache (75th)`,
`Deportivo Coruna 1 (Corentine Martins, 22nd minute)`, a line-up's `(Andreas Ogris 77th)`.

Soccer results list who scored, and line-ups who came on, with the minute as an ordinal; the model reads many such
names as organisations or misses them among the numbers. A name right before a bracketed ordinal, before an
ordinal minute, or alone in brackets with its ordinal is a player's, whatever the model said; a country there is
a national side (`Spain (3rd)`) and is left to the gazetteer.
"""

import re

from transforms.entities.countries import country
from transforms.entities.mentions import Mention

_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|der|da|dos|del|la|le|von))*"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_SCORER = re.compile(
    rf"(?P<bracketed>{_NAME}) ?\( ?{_ORDINAL}\b"
    rf"|(?P<minute>{_NAME}),? {_ORDINAL} (?:minute|min)\b"
    rf"|\( ?(?P<substitute>{_NAME}) {_ORDINAL} ?\)"
)


def scorer_mentions(field: str, text: str, view: str) -> list[Mention]:
    """The players named with a minute in `text` (see the module docstring), as persons."""
    found = []
    for match in _SCORER.finditer(view):
        start, end = match.span(match.lastgroup or 0)
        if country(text[start:end]) is None:
            found.append(Mention(field, start, end, text[start:end], "PERSON"))
    return found
