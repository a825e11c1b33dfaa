"""Words at a name's edges that are no part of it: dates and the tiers of a competition.

Wire copy is stored with its line breaks folded into spaces, so a fixture list (`May 18 v Worcestershire` /
`May 20 v Durham`) or a results page (`Playing Sunday : QPR v Bolton` / `Division two` / `Blackpool 0 Wycombe 0`)
runs a name into the date or the heading of the next line, and the model reads the two as one name:
- a month or weekday ending a name before a day's number is the next date (`Durham May 20`, `Scotland July 12`),
  unless the month is a name too and ends a person's (`Theresa May 10 days after`);
- a month opening a name after `the`, or an abbreviated month opening one anywhere, says when, not who
  (`the August Chicago NAPM`, `Sept Brent`): a month's full name may also be a first name (`August Wilson`), and
  `May`, `Jan`, `Mar`, `Jun` and `Dec` open names of their own (`the May Department Stores Co`, `Mar Roxas`);
- `Division` with a tier (`Division two`, `Division A`, `Division II`) is a competition's level, not part of the
  club's name before it (`Bolton Division two`, `Lewis University of Division II`) nor after it
  (`Division A Hajduk`).
"""

import re

from transforms.entities.geocode import geocode

_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_ABBREVIATED = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A calendar word ending a span, or making all of it; a day's number must follow the span (`Durham May 20`).
_CALENDAR_LAST = re.compile(rf"(?<!\S)(?:{_MONTHS}|{_ABBREVIATED}|{_WEEKDAYS})\.?$")
_DAY_AFTER = re.compile(r"\s+\d{1,2}(?!\d|[.,]\d)")
# A month opening a longer name: any month after `the` but May (`the May Department Stores Co`), an abbreviated
# one anywhere but those that are names too (`Jan Kroslak`, `Mar Roxas`, `Dec Alpha`, `Jun Ji-hyun`).
_NAMES_TOO = ("Jan", "Mar", "Jun", "Dec")
_MONTH_FIRST = re.compile(rf"(?:{_MONTHS.replace('May|', '')}|{_ABBREVIATED})\.?\s+(?=[A-Z])")
_ABBREVIATED_FIRST = re.compile(
    rf"(?:{'|'.join(m for m in _ABBREVIATED.split('|') if m not in _NAMES_TOO)})\.?\s+(?=[A-Z])"
)
# A month that is a first name too ends a person's name, not a date, unless a place or a longer name comes before
# it (`Durham May 20`, `Minor Counties XI July 12`; not `Theresa May 10 Downing Street`).
_FIRST_NAMES = frozenset(["May", "June", "April", "August"])
_THE_BEFORE = re.compile(r"\b(?:the|The|THE)\s+$")
_TIER = r"(?:one|two|three|four|five|One|Two|Three|Four|Five|\d|[A-D]|I{1,3}|IV)(?![\w'’-])"
_DIVISION = r"(?:Division|DIVISION|division)"
_TIER_INSIDE = re.compile(rf"(?:(?<!\S)of\s+)?(?<!\S){_DIVISION}\s+{_TIER}")
# How far past a span its tier may reach (`Bolton` + ` Division three`).
_TIER_REACH = 16
_TIER_FIRST = re.compile(rf"{_DIVISION}\s+{_TIER}\s+")


def name_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """`text[start:end]` without a date or a competition's tier at its edges (see the module docstring)."""
    if (tier := _TIER_FIRST.match(text, start, end)) is not None:
        start = tier.end()
    if (tier := _TIER_INSIDE.search(text, start, min(len(text), end + _TIER_REACH))) is not None and tier.start() < end:
        end = tier.start()
    last = _CALENDAR_LAST.search(text, start, end)
    if last is not None and _DAY_AFTER.match(text, end) and _a_date_after(text[start : last.start()].strip(), last[0]):
        end = last.start()
    after_the = _THE_BEFORE.search(text, max(0, start - 5), start) is not None
    first = (_MONTH_FIRST if after_the else _ABBREVIATED_FIRST).match(text, start, end)
    if first is not None:
        start = first.end()
    while start < end and text[end - 1].isspace():
        end -= 1
    return start, end


def _a_date_after(name: str, month: str) -> bool:
    """Whether `month`, ending the name `name` before a day's number, starts a date rather than ending a name."""
    if month.rstrip(".") not in _FIRST_NAMES or not name or " " in name:
        return True
    place = geocode(name)
    return place is not None
