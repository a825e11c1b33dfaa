"""Grounds heading the results of a sports page: `At Portsmouth: Middlesex beat Hampshire by 188 runs`.

County cricket and similar results name where each match was played before a colon, with the ground in brackets
where the town has several (`London (The Oval): Warwickshire 195, Surrey 429-7`, `At Headingley (Leeds):`); wire
copy as CoNLL-2003 tokenises it spaces the marks (`Leicester : Leicestershire beat`).
Stored with its line breaks folded, the heading runs on from the result before it, and the model misses the town
or reads it as a person or a team (`Tunbridge Wells`, `At Headingley`). A heading is a name where a sentence may
start (the text's start, or after a full stop, a colon, a bracket or a score that ends the result before), then
an optional ground in brackets, then a colon and a result: a side's name followed by a score or a result's verb.
The town is a place if `At` opens the heading or the gazetteer knows it as a city: table headings (`Scores:
England 292-8`, `Bowling: Wasim Akram 10-0-50-0`) and a name heading a line of other copy (`Reuters: Google 3
points`) name no place.
"""

import re

from transforms.entities.geocode import geocode
from transforms.entities.mentions import Mention

_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
_HEADING = re.compile(
    rf"(?:^|(?<=[.:)\d] ))(?P<at>At )?(?:The )?(?P<town>{_NAME})(?: \( ?(?P<ground>(?:The )?{_NAME}) ?\))? ?: "
    rf"(?={_NAME} (?:\d|beat\b|drew\b|v\b))"
)


def _is_town(name: str, after_at: bool) -> bool:
    if after_at:
        return True
    place = geocode(name)
    return place is not None and place.kind == "city"


def venue_mentions(field: str, text: str) -> list[Mention]:
    """The towns and grounds heading the results in `text` (see the module docstring), as places."""
    found = []
    for match in _HEADING.finditer(text):
        if not _is_town(match["town"], match["at"] is not None):
            continue
        start, end = match.span("town")
        found.append(Mention(field, start, end, match["town"], "GPE"))
        if match["ground"] is not None:
            start, end = match.span("ground")
            if match["ground"].startswith("The "):
                start += len("The ")
            found.append(Mention(field, start, end, text[start:end], "FAC"))
    return found
