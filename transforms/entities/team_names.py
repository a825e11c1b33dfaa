"""Teams named by their home and a plural nickname: `the Florida Marlins`, `the Kansas City Royals`.

North American clubs take their town's or state's name and a plural nickname. The model often reads the two
apart, the home as a place and the nickname as a person, a nationality or nothing (`Florida` GPE + `Marlins`
PERSON; `Cleveland` + `Indians` NORP), or misses both (`the Minnesota Twins`). After `the`, a town or state the
gazetteer knows followed by one or two capitalised words, the last ending in `s`, is one team's name, an
organisation; unless the last word names a landform or an event (`the Lilac Falls`, `the Atlanta Games`). A
country is no club's home (`the United States`, `the Faroe Islands`), nor a word that is also an adjective, verb or
adverb, whatever town bears it (`the North Africans`, `the Liberal Democrats`), nor a small town's name, which
people bear too (`the Howard Hughes`). A capitalised word after the nickname makes it part of a longer name
(`the Ontario Securities Commission`).
"""

import re

from transforms.entities.english_words import is_verb_or_modifier
from transforms.entities.geocode import city_population, geocode
from transforms.entities.ner import Span
from transforms.entities.sports_teams import HOME_TOWN_POPULATION

_CANDIDATE = re.compile(r"\b(?:the|The) (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,3})\b")
# Plural last words of places, events and agreements named after a place.
_NOT_NICKNAMES = frozenset(
    [
        "Islands",
        "Isles",
        "Heights",
        "Mountains",
        "Hills",
        "Falls",
        "Lakes",
        "Highlands",
        "Lowlands",
        "Territories",
        "Emirates",
        "States",
        "Alps",
        "Plains",
        "Springs",
        "Keys",
        "Rapids",
        "Narrows",
        "Straits",
        "Fields",
        "Woods",
        "Downs",
        "Dunes",
        "Wetlands",
        "Glades",
        "Games",
        "Olympics",
        "Championships",
        "Awards",
        "Accords",
        "Conventions",
        "Agreements",
        "Talks",
        "Times",
        "News",
        "Masters",
        "Paralympics",
        "Gardens",
        "Parks",
        "Sevens",
        "Lectures",
        "Critics",
        "Sessions",
    ]
)
# A nickname is a plural: `Rockies`, `Jays`, not a word ending in `s` of its own (`Prius`, `Andreas`, `Texas`).
_PLURAL = re.compile(r"[A-Z][a-z]*[^suia]s")
_NAME_GOES_ON = re.compile(r" [A-Z]")
_MAX_HOME_WORDS = 3
_MAX_NICKNAME_WORDS = 2


def _team_end(words: list[str]) -> int | None:
    """How many of `words` (a run of capitalised words after `the`) make the team's name: a town's or state's
    name and a plural nickname; None if they make none."""
    for end in range(len(words), 1, -1):
        last = words[end - 1]
        if not _PLURAL.fullmatch(last) or last in _NOT_NICKNAMES:
            continue
        for home in range(min(_MAX_HOME_WORDS, end - 1), 0, -1):
            if end - home > _MAX_NICKNAME_WORDS:
                break
            if home == 1 and is_verb_or_modifier(words[0]):
                continue  # an ordinary word that some town is named (`the North Africans`, `the Liberal Democrats`)
            place = geocode(" ".join(words[:home]))
            if place is None or place.kind not in ("city", "state", "region"):
                continue
            if home > 1 or place.kind != "city" or city_population(words[0]) >= HOME_TOWN_POPULATION:
                return end
    return None


# Words only sports copy uses (a score, the game's own words): a text without one names no team by its nickname
# (`the Iowa Caucuses`, `the London Bombings`, `the Florida Everglades`).
_SPORTS_CUE = re.compile(
    r"\b\d{1,3}-\d{1,3}\b|\b(?:games?|season|innings?|homer(?:s|ed|un|uns)?|coach|quarterback|pitcher|pitched"
    r"|touchdowns?|playoffs?|stadium|baseball|basketball|football|hockey|soccer|NFL|NBA|NHL|MLB|NCAA)\b",
    re.IGNORECASE,
)


def team_spans(view: str, spans: list[Span]) -> list[Span]:
    """`spans` with each team named by its home and nickname after `the` made one organisation (see the module
    docstring), in a text that reads as sports copy (`_SPORTS_CUE`); the model's spans inside the name give way,
    and a span across its edges keeps it out."""
    if not _SPORTS_CUE.search(view):
        return spans
    merged: list[tuple[int, int]] = []
    for match in _CANDIDATE.finditer(view):
        words = match["name"].split()
        count = _team_end(words)
        if count is None:
            continue
        start = match.start("name")
        end = start + len(" ".join(words[:count]))
        if _NAME_GOES_ON.match(view, end):
            continue  # a longer name (`the Ontario Securities Commission`)
        if any(s < start < e or s < end < e for s, e, _ in spans):
            continue
        merged.append((start, end))
    if not merged:
        return spans
    kept = [(s, e, label) for s, e, label in spans if not any(ms <= s and e <= me for ms, me in merged)]
    return sorted([*kept, *((s, e, "ORG") for s, e in merged)])
