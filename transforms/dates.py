"""Publication dates: the source's own string (`published_raw`) read as a UTC instant, or NULL with a reason.

Real exports write dates every way: `2022-09-23` (HuffPost), RFC 822 `Tue, 10 Jun 2003 04:00:00 GMT` (RSS),
ISO 8601 with a zone `2019-11-04T10:00:00+01:00` (Atom, HTML meta), `December 31, 2017`, `2019-11-04 10:00`.

Rules, chosen so that a date is never invented:
- a date with no zone is taken as UTC; a date with no time as midnight UTC;
- a date missing its day or year (`December 2017`, `May 5`) is NULL: filling it in would be a guess;
- a relative date (`2 hours ago`) is read against `now` when given, else NULL;
- an absurd date (year 20000, before 1800, or more than a day after `now`) is NULL.
A present but unusable `published_raw` yields `published_problem`, the reason in words. Staging should keep
the article with a NULL `published_at` (the article is sound; only its date is not) and may log the reasons.
"""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

import dateparser
import polars as pl

EARLIEST = datetime(1800, 1, 1, tzinfo=UTC)
# The latest date believed when the caller gives no `now`.
LATEST_WITHOUT_NOW = datetime(2100, 1, 1, tzinfo=UTC)
# Clocks and zones disagree by hours; a story dated tomorrow is plausible, one dated next week is not.
FUTURE_SLACK = timedelta(days=1)
# Longer strings are not dates, and dateparser's cost grows with length (a second for some 20-character ones).
_MAX_CHARS = 100

# A number of five digits or more, outside a fraction of a second (`.123456`), cannot be a year.
_HUGE_YEAR = re.compile(r"(?<![\d.,])\d{5,}(?![\d])")
_ENDS_WITH_ZONE_NAME = re.compile(r"[A-Za-z]\s*$")
_DATEPARSER_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    # Without this dateparser completes `December 2017` with today's day: a made-up date.
    "REQUIRE_PARTS": ["day", "month", "year"],
}
# dateparser guessing among all its 200 languages takes up to a second a string (`December 2017`); English
# first takes a millisecond, and the languages of most news are tried only for what could be a full date.
_ENGLISH = ["en"]
_NEWS_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar", "zh", "ja", "tr", "pl", "sv"]
_NUMBER = re.compile(r"\d+")
# Two different reference times: a string that parses differently against each is relative (`yesterday`).
_PROBE_BASES = (datetime(2001, 1, 1), datetime(2011, 6, 15))


def parse_published(raw: str | None, *, now: datetime | None = None) -> datetime | None:
    """The instant `raw` names, timezone-aware in UTC; None when it is absent, incomplete or absurd."""
    return _read(raw, now)[0]


def published_problem(raw: str | None, *, now: datetime | None = None) -> str | None:
    """Why a present `raw` gives no date (`absurd date: year 20000 …`); None when it parses or is absent."""
    return _read(raw, now)[1]


def with_published_at(frame: pl.DataFrame, *, now: datetime | None = None) -> pl.DataFrame:
    """`frame` plus `published_at` (Datetime us, UTC) read from `published_raw`, and `published_problem`.

    `published_problem` (String) says why a present `published_raw` could not be read, NULL otherwise.
    Each distinct string is parsed once.
    """
    distinct = frame.get_column("published_raw").drop_nulls().unique().to_list()
    read = [_read(raw, now) for raw in distinct]
    column = pl.col("published_raw")
    return frame.with_columns(
        published_at=column.replace_strict(
            distinct, [value for value, _ in read], default=None, return_dtype=pl.Datetime("us", "UTC")
        ),
        published_problem=column.replace_strict(
            distinct, [problem for _, problem in read], default=None, return_dtype=pl.String
        ),
    )


def _read(raw: str | None, now: datetime | None) -> tuple[datetime | None, str | None]:
    """(instant, None), or (None, why not); (None, None) when there is nothing to read."""
    if raw is None or not raw.strip():
        return None, None
    text = " ".join(raw.split())
    if len(text) > _MAX_CHARS:  # checked before the cache, which would otherwise keep a huge string alive
        return None, f"unparseable date: {len(text)} characters is too long for a date"
    return _read_text(text, now)


@lru_cache(maxsize=16384)
def _read_text(text: str, now: datetime | None) -> tuple[datetime | None, str | None]:
    """`_read` for whitespace-normalised text; exports repeat a few thousand distinct dates at most."""
    huge = _HUGE_YEAR.search(text)
    if huge and not text.isdigit():  # all digits may be a Unix time, which dateparser reads
        return None, f"absurd date: year {huge.group()} is out of range"
    value = _iso_8601(text) or _rfc_822(text)
    if value is None:
        value, relative = _natural(text, now)
        if relative and now is None:
            return None, f"relative date: {text!r} needs the time it was written, and none was given"
    if value is None:
        return None, f"unparseable date: {text!r} is not a full date (day, month and year)"
    latest = LATEST_WITHOUT_NOW if now is None else now.astimezone(UTC) + FUTURE_SLACK
    if value < EARLIEST:
        return None, f"absurd date: {value.isoformat()} is before {EARLIEST.year}"
    if value > latest:
        return None, f"absurd date: {value.isoformat()} is in the future"
    return value, None


def _iso_8601(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return _as_utc(value)


def _rfc_822(text: str) -> datetime | None:
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if value.tzinfo is None and _ENDS_WITH_ZONE_NAME.search(text):
        return None  # a zone name the email module does not know (`CET`): dateparser knows more of them
    return _as_utc(value)


def _natural(text: str, now: datetime | None) -> tuple[datetime | None, bool]:
    """dateparser's reading of `text` (against `now` if given), and whether it is relative to a reference."""
    languages = _ENGLISH
    probes = [_dateparser(text, base, languages) for base in _PROBE_BASES]
    if probes == [None, None] and len(_NUMBER.findall(text)) >= 2:  # a day and a year, in another language?
        languages = _NEWS_LANGUAGES
        probes = [_dateparser(text, base, languages) for base in _PROBE_BASES]
    relative = probes[0] != probes[1]
    if not relative:
        return probes[0], False
    if now is None:
        return None, True
    return _dateparser(text, now.astimezone(UTC).replace(tzinfo=None), languages), True


def _dateparser(text: str, base: datetime, languages: list[str]) -> datetime | None:
    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": base}
    try:
        value = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return None if value is None else _as_utc(value)


def _as_utc(value: datetime) -> datetime | None:
    """Aware in UTC (a value with no zone is taken to be UTC already); None past the calendar's ends."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # `0001-01-01T00:00+01:00` is before year 1 in UTC
        return None
