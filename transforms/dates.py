"""Publication dates: the source's own string (`published_raw`) read as a UTC instant, or NULL with a reason.

Real exports write dates every way: `2022-09-23` (HuffPost), RFC 822 `Tue, 10 Jun 2003 04:00:00 GMT` (RSS),
ISO 8601 with a zone `2019-11-04T10:00:00+01:00` (Atom, HTML meta), `December 31, 2017`, `2019-11-04 10:00`,
`04.11.2019` (German, Russian, Polish, Nordic exports), `03/11/2019` (British or American: see below).

Rules, chosen so that a date is never invented:
- a date with no zone is taken as UTC; a date with no time as midnight UTC;
- a date missing its day or year (`December 2017`, `May 5`) is NULL: filling it in would be a guess;
- a relative date (`2 hours ago`, `yesterday`) is NULL: it counts from when the page was scraped, not known;
- a dotted numeric date (`04.11.2019`, `4.11.19`) is day.month.year, as everywhere that writes one;
- a numeric date with slashes or dashes (`03/11/2019`, `3-11-2019`, `03/11/19`) is read in its source's order
  (`with_published_at`; a lone string is month first, dateparser's English default): day first if a date of
  the source has a first number over 12, else month first; if the source writes both orders, its ambiguous
  dates (`03/11/2019`) are NULL;
- an absurd date (year 20000, before 1800, or more than a day after `now`) is NULL;
- a placeholder for "no date" is NULL: WordPress's and MySQL's zero dates (`Mon, 30 Nov -0001 00:00:00 +0000`,
  `0000-00-00 00:00:00`) and the Unix epoch's first second (`1970-01-01T00:00:00Z`, `0`).
A present but unusable `published_raw` yields `published_problem`, the reason in words. Staging should keep
the article with a NULL `published_at` (the article is sound; only its date is not) and may log the reasons.
"""

import re
from collections.abc import Mapping
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

# Zero dates: WordPress writes `-0001` for a draft's year, MySQL `0000-00-00`.
_ZERO_DATE = re.compile(r"(?<![\w-])-0001(?!\d)|(?<!\d)0000-00-00(?!\d)")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
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

# `04.11.2019`, `4.11.19`, `Mo, 04.11.2019 14:05`: the countries that write dots write the day first, while
# dateparser's English default reads month first.
_DOTTED = re.compile(r"(?<![\d.:])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d)(?!\.\d)")
# `03/11/2019`, `3-11-2019`, `03/11/19`, each perhaps with a time: 3 November in Britain, March 11 in the US.
# (`19-11-03` is left out: two-digit years with dashes are as often written year first.)
_SLASHED = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
# dateparser's DATE_ORDER values; _BOTH_ORDERS is a source that writes day first and month first.
_DAY_FIRST, _MONTH_FIRST, _BOTH_ORDERS = "DMY", "MDY", "both"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def parse_published(raw: str | None, *, now: datetime | None = None) -> datetime | None:
    """The instant `raw` names, timezone-aware in UTC; None when it is absent, incomplete or absurd."""
    return _read(raw, now, None)[0]


def published_problem(raw: str | None, *, now: datetime | None = None) -> str | None:
    """Why a present `raw` gives no date (`absurd date: year 20000 …`); None when it parses or is absent."""
    return _read(raw, now, None)[1]


def with_published_at(
    frame: pl.DataFrame, *, now: datetime | None = None, orders: Mapping[str | None, str | None] | None = None
) -> pl.DataFrame:
    """`frame` plus `published_at` (Datetime us, UTC) read from `published_raw`, and `published_problem`.

    `published_problem` (String) says why a present `published_raw` could not be read, NULL otherwise.
    Numeric dates are read in the order of their source: `source_name` if the frame has it, else the file
    `source_uri` names (before its `#`). `orders` (`numeric_date_orders` of the whole read that the frame is a
    slice of) decide over what the frame's own dates show. Each distinct string is parsed once per order.
    """
    keys = frame.select(source=_source(frame), raw=pl.col("published_raw").cast(pl.String))
    pairs = keys.drop_nulls("raw").unique()
    known = numeric_date_orders(frame) | dict(orders or {})
    read = [_read(raw, now, known.get(source)) for source, raw in pairs.iter_rows()]
    parsed = pairs.with_columns(
        published_at=pl.Series([value for value, _ in read], dtype=pl.Datetime("us", "UTC")),
        published_problem=pl.Series([problem for _, problem in read], dtype=pl.String),
    )
    found = keys.join(parsed, on=["source", "raw"], how="left", nulls_equal=True, maintain_order="left")
    return frame.with_columns(found.get_column("published_at"), found.get_column("published_problem"))


def numeric_date_orders(frame: pl.DataFrame) -> dict[str | None, str | None]:
    """How each source of `frame` orders `03/11/2019`, from all its dates (`published_raw`); None when unproven.

    A read is staged in slices: the orders of the whole read keep a slice whose days are all 12 or less from
    falling back to month first in a British export.
    """
    keys = frame.select(source=_source(frame), raw=pl.col("published_raw").cast(pl.String))
    pairs = keys.drop_nulls("raw").unique()
    return {source: _numeric_date_order(raws) for source, raws in pairs.group_by("source").agg("raw").iter_rows()}


def _numeric_date_order(raws: list[str]) -> str | None:
    """How one source orders `03/11/2019`: _DAY_FIRST, _MONTH_FIRST, _BOTH_ORDERS, or None when no date shows it."""
    day_first = month_first = False
    for raw in raws:
        numbers = _slashed(" ".join(raw.split()))
        if numbers is not None:
            first, second = numbers
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    if day_first and month_first:
        return _BOTH_ORDERS
    return _DAY_FIRST if day_first else _MONTH_FIRST if month_first else None


def _source(frame: pl.DataFrame) -> pl.Expr:
    """Which source each row's date comes from: the dates of one source share an order."""
    if "source_name" in frame.columns:
        return pl.col("source_name").cast(pl.String)
    if "source_uri" in frame.columns:  # `export.csv#12`: the records of one file share what precedes the `#`
        return pl.col("source_uri").cast(pl.String).str.replace("#.*", "")
    return pl.lit(None, dtype=pl.String)


def _read(raw: str | None, now: datetime | None, order: str | None) -> tuple[datetime | None, str | None]:
    """(instant, None), or (None, why not); (None, None) when there is nothing to read.

    `order` is how the source orders numeric dates (`_numeric_date_order`).
    """
    if raw is None or not raw.strip():
        return None, None
    text = " ".join(raw.split())
    if len(text) > _MAX_CHARS:  # checked before the cache, which would otherwise keep a huge string alive
        return None, f"unparseable date: {len(text)} characters is too long for a date"
    if _DOTTED.search(text):
        order = _DAY_FIRST
    elif _slashed(text) is None:
        order = None  # the order changes nothing, and would only split the cache
    value, problem = _read_text(text, order)
    latest = LATEST_WITHOUT_NOW if now is None else now.astimezone(UTC) + FUTURE_SLACK
    if value is not None and value > latest:
        return None, f"absurd date: {value.isoformat()} is in the future"
    return value, problem


@lru_cache(maxsize=16384)
def _read_text(text: str, order: str | None) -> tuple[datetime | None, str | None]:
    """`_read` for whitespace-normalised text, before the bound `now` sets; exports repeat a few thousand dates."""
    if _ZERO_DATE.search(text):
        return None, f"placeholder date: {text!r} is how WordPress and MySQL write that there is no date"
    huge = _HUGE_YEAR.search(text)
    if huge and not text.isdigit():  # all digits may be a Unix time, which dateparser reads
        return None, f"absurd date: year {huge.group()} is out of range"
    if order == _BOTH_ORDERS:
        numbers = _slashed(text)
        if numbers is not None and numbers[0] != numbers[1] and max(numbers) <= 12:
            first, second = numbers
            return None, (
                f"ambiguous date: {text!r} could be {first} {_MONTHS[second - 1]} or {second} {_MONTHS[first - 1]},"
                " and the source writes both orders"
            )
        order = None  # a date with a number over 12 (or twice the same) reads one way only
    value = _iso_8601(text) or _rfc_822(text)
    if value is None:
        value, relative = _natural(text, order)
        if relative:
            return None, f"relative date: {text!r} says nothing about when it was written"
    if value is None:
        return None, f"unparseable date: {text!r} is not a full date (day, month and year)"
    if value == _EPOCH:
        return None, f"placeholder date: {text!r} is the Unix epoch's first second, which stands for no date"
    if value < EARLIEST:
        return None, f"absurd date: {value.isoformat()} is before {EARLIEST.year}"
    return value, None


def _slashed(text: str) -> tuple[int, int] | None:
    """The first two numbers of a numeric date with slashes or dashes (`03/11/2019` gives 3, 11), else None."""
    match = _SLASHED.match(text)
    if match is None or (match.group(2) == "-" and len(match.group(4)) == 2):
        return None
    return int(match.group(1)), int(match.group(3))


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


def _natural(text: str, order: str | None) -> tuple[datetime | None, bool]:
    """dateparser's reading of `text` (numbers in `order`), and whether it is relative to a reference."""
    languages = _ENGLISH
    probes = [_dateparser(text, base, languages, order) for base in _PROBE_BASES]
    if probes == [None, None] and len(_NUMBER.findall(text)) >= 2:  # a day and a year, in another language?
        languages = _NEWS_LANGUAGES
        probes = [_dateparser(text, base, languages, order) for base in _PROBE_BASES]
    relative = probes[0] != probes[1]
    return (None if relative else probes[0]), relative


def _dateparser(text: str, base: datetime, languages: list[str], order: str | None) -> datetime | None:
    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": base} | ({"DATE_ORDER": order} if order else {})
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
