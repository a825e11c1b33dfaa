"""Titles, roles and nationalities written in front of a person's name, which are no part of the name.

News names people with what they are in front (`Mr Ingram`, `Prince Harry`, `Foreign Secretary Jack Straw`,
`Striker Thierry Henry`, `Australian Rodney Eyles`) and the model often takes those words into the PERSON span.
The name is what follows, as CoNLL-2003 annotates it: a title or role is dropped, a nationality is a mention of
its own. Only a span the model calls a person is cut, and only where a capitalised word is left after the cut:
`American Express`, `General Motors` and `King` alone are left alone.
"""

import re

from transforms.entities.countries import country, demonym_of

# Forms of address, ranks and offices written before a name. `Miss`, `Father` and `Saint` are left out: they
# begin names too (`Miss Saigon`, `Father Christmas`, `Saint Laurent`).
_TITLES = (
    "mr|mrs|ms|mx|dr|prof|professor|sir|dame|lord|lady|baroness|baron|prince|princess|king|queen|emperor|"
    "empress|pope|cardinal|archbishop|bishop|rabbi|imam|sheikh|reverend|rev|president|premier|chancellor|"
    "minister|secretary|senator|sen|congressman|congresswoman|representative|rep|governor|gov|mayor|judge|"
    "justice|ambassador|general|gen|colonel|col|major|maj|captain|capt|lieutenant|lt|sergeant|sgt|admiral|"
    "commander|marshal|inspector|detective|constable|chief|deputy|vice|prime|foreign|home|interior|defence|"
    "defense|finance|trade|state|shadow|acting|former"
)
# Occupations and sports positions news prints capitalised before a name at the start of a sentence.
_ROLES = (
    "actor|actress|singer|rapper|director|producer|author|writer|novelist|poet|artist|designer|architect|broker|"
    "analyst|economist|trader|banker|lawyer|attorney|spokesman|spokeswoman|chairman|chairwoman|striker|forward|"
    "midfielder|defender|goalkeeper|keeper|winger|fullback|full-back|centre|center|wing|flanker|hooker|prop|"
    "lock|scrum-half|fly-half|batsman|bowler|pitcher|catcher|quarterback|coach|manager|skipper|champion|veteran|"
    "rookie"
)
_TITLE_OR_ROLE = re.compile(rf"(?:{_TITLES}|{_ROLES})", re.IGNORECASE)
_LEADING_WORD = re.compile(r"([A-Za-z][\w'’-]*)\.?\s+(?=[A-Z])")


def is_title_or_role(word: str) -> bool:
    """Whether a word is a title or role written before a person's name (`Mr`, `Striker`)."""
    return _TITLE_OR_ROLE.fullmatch(word) is not None


def person_name_start(view: str, start: int, end: int) -> tuple[int, list[tuple[int, int]]]:
    """Where the name of the person span `view[start:end]` begins, past any leading titles, roles and
    nationalities; with the (start, end) of each nationality passed (`Australian`)."""
    nationalities = []
    while (word := _LEADING_WORD.match(view, start, end)) is not None:
        written = word.group(1)
        if is_title_or_role(written):
            start = word.end()
        elif written[0].isupper() and country(written) is None and demonym_of(written) is not None:
            nationalities.append(word.span(1))
            start = word.end()
        else:
            break
    return start, nationalities
