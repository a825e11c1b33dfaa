"""Cricket scorecards: the fielders and bowlers of `Salim Malik c Stewart b Hollioake 23` and the bowlers of
`Bowling : Gough 8-0-39-3 , Mullally 6-0-30-1`.

A scorecard names players by their surname alone, among numbers, where the model reads many of them as
organisations, and a results table's rows would call a bare name followed by numbers a team. The card's own
notation says they are people: the fielder after `c` or `st` and the bowler after `b` of a dismissal, a bowler
before his figures (overs-maidens-runs-wickets: `9.5-0-44-1`), the batsmen after `Did not bat :`. A text holds a
scorecard when at least `_MIN_PLAYERS` names stand in dismissals or before figures; then the batsman who opens
a row after the score that ends the one before (`... 113 A. Stewart b Mushtaq Ahmed 46`) is a player too, and
the card's headings (`Extras`, `Total`, `Fall of wickets`) name nothing.
"""

import re

from transforms.entities.countries import country
from transforms.entities.mentions import Mention

_MIN_PLAYERS = 3
# A player as a card writes one: initials, a particle, capitalised words (`S. Waugh`, `de Silva`, `Ata-ur-Rehman`).
_PLAYER = r"(?:[A-Z](?:\.|[\w'’-]+) ?)*(?:(?:de|van|du) )?[A-Z][\w'’-]+"
_DISMISSAL = re.compile(
    rf"(?<![\w.])(?:c|st) (?P<fielder>{_PLAYER}) b (?P<bowler>{_PLAYER})(?= \d)"
    rf"|(?<![\w.])(?:lbw b|c & b|c and b|b) (?P<alone>{_PLAYER})(?= \d)"
)
# The batsman of a row, after the score that ends the row before (`... 113 A. Stewart b Mushtaq Ahmed 46`) or
# the side's name that heads the innings (`Sri Lanka S. Jayasuriya c Healy b Fleming 44`).
_BATSMAN = re.compile(
    rf"(?<![A-Za-z] )(?P<batsman>{_PLAYER}) "
    rf"(?=(?:c|st|lbw b|c & b|c and b|b) [A-Z]|(?:run|not) out \d|retired)"
)
# The card's own headings, which the model reads as names (`Extras ( lb-3 nb-2 ) 5`, `Fall of wickets`).
_HEADINGS = re.compile(r"\b(?:Extras|Total|Fall(?: of [Ww]ickets)?|Did [Nn]ot [Bb]at|Bowling)\b")
_FIGURES = re.compile(rf"(?P<bowler>{_PLAYER}) \d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}(?![\w-])")
_DID_NOT_BAT = re.compile(rf"\b[Dd]id [Nn]ot [Bb]at ?: ?(?P<names>{_PLAYER}(?: ?, ?{_PLAYER})*)")
_PLAYER_NAME = re.compile(_PLAYER)


def _batsman(view: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A batsman's span, and the country that heads the innings before it (`Sri Lanka S. Jayasuriya`) apart."""
    words = view[start:end].split(" ")
    for n in range(len(words) - 1, 0, -1):
        if country(side := " ".join(words[:n])) is not None:
            return [(start, start + len(side), "GPE"), (start + len(side) + 1, end, "PERSON")]
    return [(start, end, "PERSON")]


def _spans(view: str) -> list[tuple[int, int, str]]:
    """The players' (and sides') spans, none unless dismissals and bowling figures make a scorecard."""
    found = [m.span(g) for m in _DISMISSAL.finditer(view) for g in ("fielder", "bowler", "alone") if m[g]]
    found += [m.span("bowler") for m in _FIGURES.finditer(view)]
    if len(found) < _MIN_PLAYERS:
        return []
    for match in _DID_NOT_BAT.finditer(view):
        start = match.start("names")
        found += [(start + m.start(), start + m.end()) for m in _PLAYER_NAME.finditer(match["names"])]
    labelled = [(start, end, "PERSON") for start, end in found]
    labelled += [span for m in _BATSMAN.finditer(view) for span in _batsman(view, *m.span("batsman"))]
    return sorted(set(labelled))


def scorecard_mentions(field: str, text: str, view: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The players a cricket scorecard in `text` names, as persons (and the sides heading its innings, as
    places: news annotation keeps a national side as its country), and the spans of its headings, which name
    nothing (neither unless the text has a scorecard)."""
    spans = _spans(view)
    if not spans:
        return [], []
    headings = [m.span() for m in _HEADINGS.finditer(view)]
    return [Mention(field, start, end, text[start:end], label) for start, end, label in spans], headings
