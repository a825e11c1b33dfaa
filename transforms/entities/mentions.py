"""Mentions: the spans of an article's text that name something, trimmed to the name itself.

The model's spans are trimmed (`the`, possessives, stray punctuation) and split where a name cannot go on
(numbers, dashes, brackets: a results table read as one span). A gazetteer pass finds the country names the
model missed (`Red Star (Yugoslavia) beat Dinamo (Russia)`). Datelines, tables and line-ups have their own
modules.
"""

import re
from dataclasses import dataclass
from functools import cache

from transforms.entities.caps_places import caps_place_pieces
from transforms.entities.company_names import name_end
from transforms.entities.countries import country, demonym_of, written_country_names
from transforms.entities.name_edges import name_edges
from transforms.entities.person_titles import person_name_start

# spaCy's OntoNotes labels → entity types; numeric labels (DATE, MONEY, CARDINAL...) are not entities.
LABEL_TYPES = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
    "NORP": "other",
    "EVENT": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "LANGUAGE": "other",
    "MISC": "other",
}

_BEFORE = 24
# Enough of what follows a mention to read `, the northeast of the country` after it.
_AFTER = 60
_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’][sS]|(?<=[sS])['’])$")
_EDGE_PUNCTUATION = "\"'“”‘’`([{)]},;:!?-–— \n"
# Names go on through `of`, `and`, `the` and the particles of personal names, not through other lower-case
# words (`Yorkshire at Headingley`).
_PARTICLES = r"van|von|de|der|den|del|della|di|da|do|dos|du|la|le|les|al|el|bin|ibn|ter|ten"
_CONNECTORS = rf"of|and|the|for|in|on|upon|y|{_PARTICLES}"
_SEPARATOR = re.compile(
    r"\s[-–—]+\s|\s(?:v|vs)\.?\s|[()\[\]\";:]|,\s|(?<!\S)\+?\d[\d.,:/'-]*(?:st|nd|rd|th|s)?(?!\S)"
    rf"|\s(?!(?:{_CONNECTORS})\s)[a-z][\w'’.-]*\s"
)
# Lower-case words at a span's edges are not part of the name, bar the particles of personal names.
_LOWER_FIRST_WORD = re.compile(rf"(?!(?:{_PARTICLES})\b)[a-z][\w'’.-]*\s+")
_LOWER_LAST_WORD = re.compile(r"\s+[a-z][a-z'’.-]*$")
# `Northern Mali` names Mali; `North Korea` is a country in its own right and is looked up first.
_DIRECTION = re.compile(r"^(?:North|South|East|West|Central)(?:ern|east|west|eastern|western)?\s+", re.I)


# `-based`, `-allied`, `-led`: these words hyphenated to a name make an adjective of it (a lower-case part of a
# person's name, `Jean-marie` in all-caps-folded text, is none of them).
_MODIFIERS = (
    r"based|led|backed|allied|aligned|linked|affiliated|owned|run|controlled|funded|sponsored|supported"
    r"|born|bred|made|built|bound|style|era|registered|listed|headquartered|focused|related|inspired"
)
_MODIFIER_SUFFIX = re.compile(rf"[-–](?:{_MODIFIERS})$")
_NAME_BEFORE_MODIFIER = re.compile(rf" ([A-Z][a-z]+)[-–](?:{_MODIFIERS})\b")
_CODE_BEFORE = re.compile(r"\b[A-Z]\d{1,2} $")
# Military and police operations are named after places and animals: `Operation Serval`, `the Barkhane operation`.
_OPERATION_BEFORE = re.compile(r"\bOperation $")
_OPERATION_AFTER = re.compile(r"\s+operations?\b", re.IGNORECASE)


def _operation_label(text: str, start: int, end: int, label: str) -> str:
    """EVENT for the name of an operation (`Operation Serval`, `the Barkhane operation`), else `label`; not a
    possessive (`France's operations` are a country's)."""
    if _OPERATION_BEFORE.search(text, max(0, start - 10), start) or _OPERATION_AFTER.match(text, end):
        return "EVENT"
    return label


@dataclass(frozen=True)
class Mention:
    """One span of one field of an article, as written in the stored text."""

    field: str
    start: int
    end: int
    surface: str
    label: str
    is_dateline: bool = False
    # The few characters before the mention, for rules that read its context (`to the Sahel`).
    before: str = ""
    # The characters after it, for rules that read what follows (`Indelimane, the northeast of the country`).
    after: str = ""
    # Found as a further occurrence of a name the model found elsewhere in the article (`repeated_names`).
    is_repeat: bool = False


def trimmed(
    field: str,
    text: str,
    start: int,
    end: int,
    label: str,
    is_dateline: bool = False,
    view: str | None = None,
) -> Mention | None:
    """The mention `text[start:end]` without a leading article, possessive, stray punctuation, lower-case
    edge words (`defeats Bailey`, judged in the NER `view` of the text) or dates and tiers at its edges
    (`name_edges`); None if no name is left."""
    view = text if view is None else view
    for _ in range(2):
        while start < end and text[start] in _EDGE_PUNCTUATION:
            start += 1
        while start < end and text[end - 1] in _EDGE_PUNCTUATION:
            end -= 1
        if article := _LEADING_ARTICLE.match(text, start, end):
            start = article.end()
        if possessive := _POSSESSIVE.search(text, start, end):
            end = possessive.start()
        if edge := _LOWER_FIRST_WORD.match(view, start, end):
            start = edge.end()
        if edge := _LOWER_LAST_WORD.search(view, start, end):
            end = edge.start()
        # A date or a competition's tier run into the name (`Durham May 20`, `Bolton Division two`).
        start, end = name_edges(view, start, end)
    # `Mali-based`, `Islamic State-allied`: a hyphenated modifier is no part of the name it modifies.
    if suffix := _MODIFIER_SUFFIX.search(text, start, end):
        end = suffix.start()
    # The model often stops short of a name's last word before such a modifier (`Islamic` of `Islamic State-allied`).
    if following := _NAME_BEFORE_MODIFIER.match(text, end):
        end = following.end(1)
        label = "ORG" if label == "NORP" else label
    # A group of states named by a code and a region: `G5 Sahel`, `G7`, `P5`.
    if code := _CODE_BEFORE.search(text, max(0, start - 6), start):
        start, label = code.start(), "ORG"
    label = _operation_label(text, start, end, label)
    surface = text[start:end]
    direction = _DIRECTION.match(surface)
    if direction and country(surface) is None:
        rest = surface[direction.end() :]
        if country(rest) is not None or demonym_of(rest) is not None:
            start += direction.end()
            surface = rest
    if not any(c.isupper() for c in surface):
        return None
    return Mention(field, start, end, surface, label, is_dateline, *_context(text, start, end))


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """(the characters before, the characters after) a mention."""
    return text[max(0, start - _BEFORE) : start], text[end : end + _AFTER]


def span_mentions(field: str, text: str, view: str, start: int, end: int, label: str) -> list[Mention]:
    """The mentions in one model span, split where a name cannot go on: at numbers, spaced dashes, `v`,
    brackets and commas, the marks of results tables and lists (`Newport 29 Caerphilly 10`, `Oval (London`)."""
    found = []
    position = start
    for separator in [*_SEPARATOR.finditer(view, start, end), None]:
        piece_end = separator.start() if separator else end
        # A place in capitals run into a mixed-case name is a name of its own (`Jim Adams WASHINGTON`), where a
        # byline and a dateline open the text; elsewhere capitals open a body's name (`USA Today`).
        opening = field != "title" and not text[:start].strip()
        pieces = caps_place_pieces(text, position, piece_end) if opening else [(position, piece_end, False)]
        for piece_start, piece_stop, is_place in pieces:
            found += _piece_mentions(field, text, view, piece_start, piece_stop, "GPE" if is_place else label)
        position = separator.end() if separator else end
    return found


def _piece_mentions(field: str, text: str, view: str, start: int, end: int, label: str) -> list[Mention]:
    """The mention of one piece of a model span, cut after a company suffix (`Computer Systems Inc Q2`) and
    without a person's titles, with the nationalities among them (`Australian Mr Smith`)."""
    mention = trimmed(field, text, start, name_end(view, start, end), label, view=view)
    if mention is None:
        return []
    if label != "PERSON":
        return [mention]
    mention, nationalities = _without_titles(field, text, view, mention)
    return nationalities + ([mention] if mention is not None else [])


def _without_titles(field: str, text: str, view: str, mention: Mention) -> tuple[Mention | None, list[Mention]]:
    """A person's mention without the titles and roles before the name (`Mr`, `Striker`), and the
    nationalities written there (`Australian`) as mentions of their own."""
    start, nationalities = person_name_start(view, mention.start, mention.end)
    if start == mention.start:
        return mention, []
    others = [Mention(field, s, e, text[s:e], "NORP", False, *_context(text, s, e)) for s, e in nationalities]
    return trimmed(field, text, start, mention.end, mention.label, view=view), others


@cache
def _country_pattern() -> re.Pattern[str]:
    names = sorted(written_country_names(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.'’-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w'’-])")


# A capitalised word right before or after makes the country name part of a longer name: `New Jersey`,
# `Chad Smith`, `Jordan Valley`.
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]* $")
_CAPITALISED_AFTER = re.compile(r" [A-Z]")


def country_mentions(field: str, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Country names standing alone in `text` that overlap no span in `taken` (spans already found)."""
    found = []
    for match in _country_pattern().finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if _CAPITALISED_BEFORE.search(text, max(0, start - 40), start) or _CAPITALISED_AFTER.match(text, end):
            continue
        found.append(Mention(field, start, end, match.group(), "GPE", False, *_context(text, start, end)))
    return found
