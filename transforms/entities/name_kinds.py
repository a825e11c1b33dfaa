"""What a name's own words say it is, whatever the model said.

- Organisations named after places: a name whose last word is the head noun of a body (`African Union`,
  `Sahel Alliance`, `Arab League`, `Kenya Airways`) is an organisation; the model often reads the place in it.
- Events named by their kind: a name whose last word says it is a competition, festival, prize-giving or
  holiday (`Davis Cup`, `PGA Tour`, `Cannes Film Festival`, `Labor Day`, `Hong Kong Open`), or a league that is
  a competition (`American League`, `Champions League`), is an event, not the body that runs it nor the place
  it is named after.
- Streets, buildings and works named after people or bodies (`Downing Street`, `Three Gorges Dam`) are places.
- Misspelt months (`Feburary`, `Novmber`) are dates the model did not recognise, not names; time zones (`GMT`)
  are part of a time; stock market indices (`Dow Jones`, `FTSE 100`) are no bodies.
"""

import re
from difflib import SequenceMatcher

# Head nouns of the names of bodies: the last word of `X Union`, `X Alliance`... `City` (Mexico City), `Bank`
# (West Bank) and `Republic` name places too and are left out.
_BODY_HEADS = frozenset(
    [
        "Agency",
        "Airlines",
        "Airways",
        "Alliance",
        "Army",
        "Assembly",
        "Association",
        "Authority",
        "Board",
        "Brigade",
        "Brigades",
        "Coalition",
        "Commission",
        "Committee",
        "Community",
        "Confederation",
        "Conference",
        "Congress",
        "Cooperation",
        "Corporation",
        "Council",
        "Court",
        "Exchange",
        "Federation",
        "Forces",
        "Foundation",
        "Front",
        "Fund",
        "Group",
        "Guard",
        "Institute",
        "League",
        "Ministry",
        "Movement",
        "Navy",
        "Newsroom",
        "Organisation",
        "Organization",
        "Parliament",
        "Party",
        "Police",
        "Secretariat",
        "Society",
        "Taskforce",
        "Union",
        "University",
        # sports clubs (`Manchester United`, `Charlton Athletic`, `Texas Rangers`); `City` and `Town` name places too
        "AFC",
        "Athletic",
        "FC",
        "Hotspur",
        "Rangers",
        "Rovers",
        "United",
        "Wanderers",
    ]
)
# Last words of the names of events. `Games` (Rockstar Games), `League` (Arab League) and `Nations` (United
# Nations) name bodies too and are left out; a league that is a competition is one (`_COMPETITION_LEAGUE`).
_EVENT_HEADS = frozenset(
    [
        "Awards",
        "Championship",
        "Championships",
        "Cup",
        "Day",
        "Festival",
        "Marathon",
        "Masters",
        "Olympics",
        "Open",
        "Prix",
        "Series",
        "Slam",
        "Stakes",
        "Tour",
        "Trophy",
    ]
)
# Last words of events that are nobody's surname: such a name is an event even where the model read a person
# (`Berlin Grand Prix`, `Hong Kong Open`), unlike `Doris Day`.
_EVENT_ONLY_HEADS = frozenset(["Championship", "Championships", "Olympics", "Open", "Prix", "Stakes", "Trophy"])
# A league that is a sports competition, not a body: `American League`, `Major League Baseball`, `Champions League`,
# `English National League` (the Arab League, the Awami League, the National League for Democracy are bodies).
_COMPETITION_LEAGUE = re.compile(
    r"(?:American|National|Major|Premier|Champions|Europa|Super|English|Scottish|Ivy|Little)(?: National)? League"
    r"(?: Baseball| Central| East| West| Eastern| Western)?",
    re.IGNORECASE,
)
# Stock market indices, which the model reads as their publishers or exchanges (`Dow Jones`, `FTSE`); an exchange
# (`Nasdaq`) and a publisher written in full (`Dow Jones & Co`) are organisations.
_MARKET_INDEX = re.compile(
    r"(?:NY |New York )?Dow(?: Jones)?(?: Industrials?| industrial average)?|Nikkei(?: 225| average)?|FTSE(?: 100)?"
    r"|DAX|CAC[ -]40|Hang Seng(?: index)?|Nasdaq Composite|S&P 500|Sensex|Kospi|Topix|Straits Times Index",
    re.IGNORECASE,
)
# What follows a publisher's name, never an index's: an index neither prints nor speaks.
_PUBLISHER_AFTER = re.compile(
    r"\s+(?:business daily|financial daily|daily|newspaper|news service|newswires?|said|says|reported)\b"
)
# Time zones read as names (`GMT`): part of a time, like `5 p.m.`.
_TIME_ZONES = frozenset(["GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST"])
# Last words of the names of streets, buildings and works: places, whatever the model says (`Downing Street`,
# `Three Gorges Dam`, `Changi Prison`). `House` (Random House), `Park` (Queens Park Rangers) and `Centre` name
# bodies too and are left out.
_FACILITY_HEADS = frozenset(
    [
        "Airport",
        "Avenue",
        "Bridge",
        "Canal",
        "Cathedral",
        "Dam",
        "Palace",
        "Prison",
        "Road",
        "Square",
        "Stadium",
        "Station",
        "Street",
        "Tower",
    ]
)
# A compass word leading a name makes it a region (`Western Front`, `West Bank`).
_COMPASS = re.compile(r"(?:North|South|East|West|Central)(?:ern|east|west)?\b")
_MONTHS = ("January", "February", "August", "September", "October", "November", "December")
# A word this close to a long month's name, and not the name itself, is that month misspelt (`Feburary`: 0.875).
_MONTH_LIKENESS = 0.85


def is_body_name(surface: str) -> bool:
    """Whether a name of several words ends with the head noun of a body's name (`Sahel Alliance`), and is no
    competition (`American League`)."""
    words = surface.split()
    return (
        len(words) > 1
        and words[-1] in _BODY_HEADS
        and not _COMPASS.match(words[0])
        and not _COMPETITION_LEAGUE.fullmatch(surface)
    )


def is_event_name(surface: str, *, even_for_a_person: bool = False) -> bool:
    """Whether a name of several words ends with the word of an event's name (`Davis Cup`, `Labor Day`) or is a
    league that is a competition (`National League`); with `even_for_a_person`, only with a last word that is
    nobody's surname (`Italian Grand Prix`, not `Doris Day`)."""
    words = surface.split()
    if len(words) < 2:
        return False
    if even_for_a_person:
        return words[-1].title() in _EVENT_ONLY_HEADS
    return words[-1].title() in _EVENT_HEADS or _COMPETITION_LEAGUE.fullmatch(surface) is not None


def is_time_zone(surface: str) -> bool:
    """Whether a name is a time zone's abbreviation (`GMT`, `EDT`): part of a time, not a name."""
    return surface in _TIME_ZONES


def is_market_index(surface: str, after: str = "") -> bool:
    """Whether a name is a stock market index's (`Dow Jones`, `Nikkei`, `FTSE 100`), not a body's: not where the
    words after it say it is the index's publisher (`the Nikkei business daily`, `Dow Jones said`)."""
    return _MARKET_INDEX.fullmatch(surface) is not None and _PUBLISHER_AFTER.match(after) is None


def is_facility_name(surface: str) -> bool:
    """Whether a name of several words ends with the word of a street's, a building's or a work's name."""
    words = surface.split()
    return len(words) > 1 and words[-1].title() in _FACILITY_HEADS


def is_misspelt_month(surface: str) -> bool:
    """Whether a single word is a long month's name misspelt (`Feburary`, `Septmber`)."""
    if " " in surface or len(surface) < 6:
        return False
    word = surface.capitalize()
    # A month's name with letters added is a name of its own (`Augusta`, `Augustus`).
    return word not in _MONTHS and any(
        m[0] == word[0] and not word.startswith(m) and SequenceMatcher(None, word, m).ratio() >= _MONTH_LIKENESS
        for m in _MONTHS
    )
