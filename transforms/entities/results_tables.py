"""Names in results tables, standings and line-ups: `Stoke 4 3 1 0 7 4 10 Barnsley 3 3 0 0 8 2 9`.

Sports pages print rows of a name followed by numbers; once the text is stored with its line breaks folded
into spaces the NER model reads such a table as one long, mislabelled entity. A table is at least `_MIN_ROWS`
such rows in a row, with at most `_MAX_GAP_WORDS` words of prose between one row and the next (`Pohang 3
Ulsan 2 ( halftime 1-0 ) Puchon 2`): names with numbers scattered through prose (`Halo 2`, `March 2005`) are
no table. Each row's name is a mention: a country (a national side) is a place, a county a team
(`Leicestershire 296`, though the model reads a person), a person (an initial leads the name: `P. Simmons 4-38`;
or the model says so, of a name of several words or in a table whose names it reads mostly as people) a person,
anything else a team, an organisation, even when it is named after a town.
"""

import re

from transforms.entities.countries import country
from transforms.entities.mentions import LABEL_TYPES, Mention
from transforms.entities.name_edges import name_edges
from transforms.entities.name_kinds import is_body_name
from transforms.entities.ner import Span
from transforms.entities.sports_teams import is_county

_MIN_ROWS = 4
_MAX_GAP_WORDS = 2
_PROSE_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_CONNECTORS = r"of|and|de|la|del|du|van|von|der|den|&"
_NAME_PATTERN = rf"[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|{_CONNECTORS}))*"
_NAME = re.compile(_NAME_PATTERN)
# Line-ups and results lists: `13 - Japie Mulder ,`, `1. Michelle Freeman (Jamaica) 12.71`.
_NUMBERED = re.compile(rf"(?<![\w.])\d{{1,3}}(?: ?-|\.) (?P<name>{_NAME_PATTERN})(?= ?[,;(]| \d| -|$)")
_COMPETITOR = re.compile(rf"(?P<name>{_NAME_PATTERN}) \((?P<country>[A-Z][\w. ]+)\)")
_NUMBER_AFTER = re.compile(r" [-+]?\d[\d.,:/-]*(?:\s|$)")
# An individual's result after the bracketed country: a time or distance (`3:38.52`, `20.90`), set or match
# scores (`6-4`, `2-0`), or rounds (`74 73 70 72 290`); not a team's single score (`Red Star (Yugoslavia) 70`).
_IS_RESULT = re.compile(r" ?(?:\d+[.:]\d[\d.:]*|\d+-\d+|\d+(?: \d+)+)(?![\w-])")
_INITIALS = re.compile(r"(?:[A-Z]\. ?)+[A-Z]")
# Column headings left before a row's name: single letters (`W D L`) and short abbreviations after them.
_COLUMN_HEADER = re.compile(r"[A-Z] (?:[A-Z]{1,3} )*(?=[A-Z])")


def _is_name(text: str) -> bool:
    """At least two letters, not one all-caps column header (`W`, `PCT`)."""
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and not (text.isupper() and " " not in text and len(text) <= 3)


def _tables(view: str) -> list[list[re.Match[str]]]:
    """The row names of each table in the text: runs of rows close enough to each other."""
    rows = [m for m in _NAME.finditer(view) if _NUMBER_AFTER.match(view, m.end()) and _is_name(m.group())]
    tables: list[list[re.Match[str]]] = []
    for row in rows:
        if tables and len(_PROSE_WORD.findall(view, tables[-1][-1].end(), row.start())) <= _MAX_GAP_WORDS:
            tables[-1].append(row)
        else:
            tables.append([row])
    return [table for table in tables if len(table) >= _MIN_ROWS]


def _read_as_person(row: re.Match[str], spans: list[Span]) -> bool:
    return any(s <= row.start() < e and label == "PERSON" for s, e, label in spans)


def table_mentions(field: str, text: str, view: str, spans: list[Span]) -> list[Mention]:
    """The names that head the rows of results tables in `text` (none unless the text has a table)."""
    found = []
    for table in _tables(view):
        # In a table of teams the model reads a few one-word names as people (`Stenhousemuir 0 Stranraer 1`);
        # in a table of people it reads most names so (`Garcia 68 Lopez 70`).
        of_people = 2 * sum(_read_as_person(row, spans) for row in table) >= len(table)
        found += _rows(field, text, view, spans, table, of_people)
    return found


def _rows(
    field: str, text: str, view: str, spans: list[Span], table: list[re.Match[str]], of_people: bool
) -> list[Mention]:
    """The mentions heading the rows of one table."""
    found = []
    for row in table:
        start, end = row.span()
        overlapping = [(s, e, label) for s, e, label in spans if s < end and start < e]
        if any(label not in LABEL_TYPES and s <= start < e for s, e, label in overlapping):
            continue  # a date or a number in words heads the row (`June 52.3`), not a name
        # A heading run into the first row (`Western Division San Diego 75`) ends where the model's span starts.
        start = max([start, *(s for s, e, label in overlapping if e == end and label in LABEL_TYPES)])
        while header := _COLUMN_HEADER.match(view, start, end):
            start = header.end()
        # The date or division heading of the next line, run into the row (`v Durham May 20`, `Bolton Division two`).
        start, end = name_edges(view, start, end)
        name = text[start:end]
        if not _is_name(name):
            continue
        if country(name) is not None:
            label = "GPE"
        elif is_county(name):
            label = "ORG"  # a county's side, which the model reads as a person (`Derbyshire 205`)
        elif _INITIALS.match(name) or (
            (of_people or " " in name) and any(s <= start < e and label == "PERSON" for s, e, label in spans)
        ):
            label = "PERSON"
        else:
            label = "ORG"
        found.append(Mention(field, start, end, name, label))
    return found


def list_mentions(field: str, text: str, view: str, spans: list[Span]) -> list[Mention]:
    """The names of line-ups and results lists (numbered items, competitors with their country in brackets):
    people unless the model or the gazetteer says otherwise, and people whatever the model says where an
    individual's result follows the country."""
    items = [m for m in _NUMBERED.finditer(view) if _is_name(m["name"])]
    items += [m for m in _COMPETITOR.finditer(view) if country(m["country"]) is not None and _is_name(m["name"])]
    if len(items) < _MIN_ROWS:
        return []
    found: dict[tuple[int, int], Mention] = {}
    for item in items:
        start, end = name_edges(view, *item.span("name"))
        name = text[start:end]
        labels = [label for s, e, label in spans if s < end and start < e and label in ("PERSON", "ORG")]
        label = "GPE" if country(name) is not None else (labels[0] if labels else "PERSON")
        if label == "ORG" and _IS_RESULT.match(view, item.end()) and " " in name and not is_body_name(name):
            # A competitor of several words whose country and individual result follow (`Marion Clignet (France)
            # 3:38.52`) is a person whatever the model said; a club's score is a team's (`Red Star (Yugoslavia) 70`).
            label = "PERSON"
        found[(start, end)] = Mention(field, start, end, name, label)
    return list(found.values())
