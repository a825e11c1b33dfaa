"""Sports teams named after their town, county or state: `Newcastle boss Graeme Souness`, `Surrey beat Kent`.

Sports pages name clubs by their home (`Leicestershire`, `Milan`, `Minnesota`), and the model reads the place.
What the text says around the name tells the team: a player's or manager's role after it (`Norwich striker`,
`Florida manager`), a result after it (`Kent beat Durham`, `Wigan 42 Bradford 36`, `Kent 108-3`) or before it
(`defeated Colorado`, `homered for Cleveland`), a fixture either side of it (`Walsall v Wrexham`). A country
named so is left a place: news annotation (CoNLL-2003) keeps national sides as their country. A county the
model reads as a person is its side wherever it stands (`Derbyshire kept up the hunt`, `reducing Worcestershire
to 133 for five`): a county is never a person, and only its cricket side acts like one.
"""

import re

from transforms.entities.countries import name_key
from transforms.entities.mentions import Mention
from transforms.entities.regions import regions

_ROLES = (
    r"manager|coach|boss|captain|skipper|striker|forward|midfielder|defender|goalkeeper|keeper|winger|"
    r"full-?back|all-rounder|batsman|bowler|opener|pitcher|quarterback|team-?mates?|squad|chairman"
)
# Verbs of a result that governments and markets do not share (`crushed`, `edged higher`, `drew criticism`).
_RESULTS = r"beat|beats|defeated|defeats|thrashed|routed|trounced|outclassed"
_SCORE = r"\d{1,3}(?:-\d{1,3})?"
# A month or weekday before a number makes a date, not a score (`May 3 Paris`).
_CALENDAR = (
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September"
    r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_NAME = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*)*"
_AFTER = re.compile(
    rf"(?:['’]s?)?\s+(?:{_ROLES})\b"
    rf"|\s+(?:{_RESULTS})\s+(?=[A-Z\d])"
    rf"|\s+(?:won|lost|drew|led|trailed)\s+\d{{1,3}}-\d{{1,3}}\b"
    # a score with the other side's (`Wigan 42 Bradford 36`, `Crystal Palace 0, Charlton 1`) or alone (`108-3`)
    rf"|\s+\d{{1,3}},?\s+{_NAME}\s+\d{{1,3}}\b|\s+\d{{1,3}}-\d{{1,3}}\b"
    # a fixture (`Walsall v Wrexham`, `Birmingham vs. Barnsley`); `v.` cites a court case (`Miranda v. Arizona`)
    r"|\s+(?:v|vs\.?)\s+[A-Z]"
)
# The side a result was over or against (`victory over Gloucester`, `home defeat to Guingamp`), or a transfer's
# club (`transferred to Milan`, `loaned to Atalanta`). Not `joined` nor `lead over`: cities join and lead each
# other in political and market news (`Paris joined Berlin in condemning`, `London's lead over Frankfurt`).
_OVER = (
    r"(?:victory|victories|winners) over|(?:defeat|defeats|loss|losses|lost) (?:to|against)|draw with"
    r"|transferred to|loaned to"
)
_BEFORE = re.compile(
    rf"(?:\b(?:{_RESULTS}|{_OVER}|(?:play|plays|played|playing|signed|signs|homered|homers|scored|scores) for)"
    rf"|(?<!\w)(?!(?:{_CALENDAR})\b){_NAME},? \d{{1,3}},?|[A-Z][\w.'’&-]* (?:v|vs\.?))\s+$"
)

# A club is known by its town's name alone only for a town this large: smaller towns share their names with
# people and firms (`the Howard Hughes`, `Corona`).
HOME_TOWN_POPULATION = 100_000

_SHIRE = re.compile(r"[A-Z][a-z]+shire")

# After `in` or `at` a place is where a game was played (`beat Austria in Salzburg 3-2`).
_VENUE = re.compile(r"\b(?:in|at|In|At)\s+$")


def is_venue_mention(mention: Mention) -> bool:
    """Whether a place is named where something happens (`in Salzburg`, `at Taunton`) or as a dateline."""
    return mention.is_dateline or bool(_VENUE.search(mention.before))


def is_team_mention(mention: Mention) -> bool:
    """Whether the words around a place's mention say it names a team (see the module docstring)."""
    if is_venue_mention(mention):
        return False
    return bool(_AFTER.match(mention.after) or _BEFORE.search(mention.before))


def is_county(name: str) -> bool:
    """Whether `name` is a county: a second-level region (`Kent`; see `regions`) or one word ending in `shire`,
    as British counties do whether the gazetteer splits them (`Yorkshire`: North, West, South) or not."""
    if _SHIRE.fullmatch(name):
        return True
    return any(region.level == 2 for region in regions().get(name_key(name), []))
