"""Companies the model reads as persons, told by what business news writes around a company's name.

The model often reads a one-word company as a surname (`Magna`, `Cofinec`, `Jones` of Jones Medical). Around
one of its mentions the text may say what it is: its shares or stock (`shares of Jones`, `Jones stock closed`,
`Ericsson shares dropped`), its officers and owners (`Cofinec CEO Stephen Frater`, `Deportivo chairman`,
`Magna shareholders`), or a deal for it (`stake in Fuso`, `acquisition of JD Edwards`). Words that persons
share are no cue: a spokesman speaks for a president as for a firm (`Yeltsin spokesman`), `shares` alone is a
verb (`Els shares the lead`), and a person is named to an office (`named Sallie Krawcheck chief financial
officer`).

A noun in apposition before the name says what kind of body it is (`packaging company Cofinec`, `mineral water
firm Multico`, `publishers group UWP`, `the news weekly Der Spiegel`, `Ontario-based Magna`), as does a
newspaper's after it (`Zycie Warszawy daily said`). A sports club named after its town says so the same way
(`first division side Nice`, `Bergamo-based Atalanta`): these cues also turn a place into an organisation.
Nouns persons share are no cue (`broker Shakil Rizvi`, `film-maker Gary Winick`, `aircraft carrier Carl Vinson`).
"""

import re

from transforms.entities.mentions import Mention

# A person holds shares too (`Warren Buffett's shares in Apple`): only shares that trade say a company.
_SHARES_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:stock|shares)\s+(?:closed|rose|fell|slipped|gained|jumped|dropped|plunged|soared|traded|was|were)\b"
)
_OFFICERS_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:CEO|chief executive|chief financial officer|chairman|board of directors|shareholders)\b"
)
_APPOINTED_BEFORE = re.compile(r"\b(?:named|names|appointed|appoints|elected|elects|promoted|hired|made|as)\s+$")
_DEAL_BEFORE = re.compile(
    r"\b(?:shares (?:in|of)|stock of|stake in|shareholders (?:in|of)|takeover of|acquisition of|merger with"
    r"|subsidiary of)\s+$"
)


_CLUB_BEFORE = re.compile(r"(?:\b(?:club|side|team)|\w-based) $")
_BODY_BEFORE = re.compile(
    r"\b(?:company|firm|group|conglomerate|bank|insurer|airline|retailer|manufacturer|chain|publisher|distributor"
    r"|newspaper|daily|weekly|magazine|agency|party) $"
)
_NEWSPAPER_AFTER = re.compile(r"\s+(?:daily|newspapers?|weekly|magazine)\b")


def is_club_mention(mention: Mention) -> bool:
    """Whether the noun before a mention says it names a club, or a body based somewhere (`side Nice`)."""
    return not mention.is_dateline and bool(_CLUB_BEFORE.search(mention.before))


def is_company_mention(mention: Mention) -> bool:
    """Whether the words around a mention say it names a company or another body (see the module docstring)."""
    if mention.is_dateline:
        return False
    if _SHARES_AFTER.match(mention.after) or _DEAL_BEFORE.search(mention.before) or is_club_mention(mention):
        return True
    # A person's full name after the noun is the subject of a relative clause (`the company Elon Musk bought`).
    person = mention.label == "PERSON" and " " in mention.surface.strip()
    if (_BODY_BEFORE.search(mention.before) and not person) or _NEWSPAPER_AFTER.match(mention.after):
        return True
    return bool(_OFFICERS_AFTER.match(mention.after)) and not _APPOINTED_BEFORE.search(mention.before)
