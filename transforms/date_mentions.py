"""Dates an article's text mentions, with how precisely each is given (day, month or year).

Conservative on purpose: explicit patterns only (`December 31, 2017`, `31 December 2017`, `2017-12-31`,
`December 2017`, and a year after a word that makes it a date: `in 2017`, `since 1998`). dateparser's
`search_dates` over a whole article finds "dates" in words such as "we"; numeric forms such as `03/04/2017`
are left out because their day and month cannot be told apart.
"""

import re
from datetime import UTC, date, datetime
from typing import NamedTuple

import polars as pl

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
# Capitalised only: news text capitalises months, and `may` in lower case is nearly always the verb.
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
# Most precise first: a span taken by one pattern is not matched again by a later one.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("day", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("day", re.compile(rf"\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b")),
    ("month", re.compile(rf"\b{_MONTH},? (?:of )?{_YEAR}\b")),
    (
        "year",
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Dd]uring|[Ff]rom|[Oo]f|[Tt]hrough"
            rf"|[Yy]ear|[Ee]arly|[Ll]ate|[Mm]id-?|[Aa]round) {_YEAR}\b(?!-\d)"
        ),
    ),
]
# A dateline opens a wire story: `SALVADOR, Feb 26 (Reuters) -`, `BRUSSELS 1996-08-22`.
_DATELINE_CHARS = 120
_DATELINE = re.compile(rf"^[^\n]{{0,60}}?\b{_MONTH} {_DAY}\b(?:,? {_YEAR}\b)?")

DATE_MENTIONS: dict[str, pl.DataType | type[pl.DataType]] = {
    "article_id": pl.String,
    "date_text": pl.String,
    # Character offsets of `date_text` in the body: body[start:end] == date_text.
    "start": pl.Int32,
    "end": pl.Int32,
    # day | month | year: how much of `value` the text gives; a month or year is dated to its first day.
    "resolution": pl.String,
    "value": pl.Date,
}


class DateMention(NamedTuple):
    """One date written in a text: `text[start:end] == date_text`, `value` the first day of what it names."""

    date_text: str
    start: int
    end: int
    resolution: str
    value: date


def dates_mentioned(text: str) -> list[DateMention]:
    """The dates `text` mentions, in order of position; a year alone only where a word makes it a date."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for resolution, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span() if resolution != "year" else match.span("year")
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            value = _value(match)
            if value is None:
                continue  # `February 30, 2019` is not a date
            taken.append((start, end))
            found.append(DateMention(text[start:end], start, end, resolution, value))
    return sorted(found, key=lambda mention: mention.start)


def date_mentions(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per article and date mentioned in its `body` (`DATE_MENTIONS`), from `article_id, body`."""
    rows = [
        {"article_id": article_id, **mention._asdict()}
        for article_id, body in articles.select("article_id", "body").iter_rows()
        if body
        for mention in dates_mentioned(body)
    ]
    return pl.DataFrame(rows, schema=DATE_MENTIONS)


def published_from_text(text: str, *, year: int | None = None) -> datetime | None:
    """The date in an article's dateline (`SALVADOR, Feb 26 -`, at midnight UTC), or None.

    A dateline without a year gives a date only when `year` (e.g. the file's or feed's year) is given.
    """
    head = text[:_DATELINE_CHARS]
    iso = _PATTERNS[0][1].search(head)
    written = _DATELINE.search(head)
    match = iso if iso is not None and (written is None or iso.start() < written.start()) else written
    value = None if match is None else _value(match, year)
    return None if value is None else datetime(value.year, value.month, value.day, tzinfo=UTC)


def _value(match: re.Match[str], default_year: int | None = None) -> date | None:
    """The first day of what the match names; None for a day no calendar has (`February 30`)."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else default_year
    if year is None:
        return None
    month_text = groups.get("month")
    if month_text is None:
        month = 1
    elif month_text.isdigit():
        month = int(month_text)
    else:
        month = _MONTHS[month_text.lower()]
    day = int(groups["day"]) if groups.get("day") else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None
