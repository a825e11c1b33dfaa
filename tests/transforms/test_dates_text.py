"""One publication date's text read as a UTC instant, or null with the reason."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.dates import parse_published, published_problem

NOW = datetime(2022, 10, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-09-23", datetime(2022, 9, 23, tzinfo=UTC)),  # HuffPost: a day, no time
        ("December 31, 2017", datetime(2017, 12, 31, tzinfo=UTC)),  # US prose style
        ("Tue, 10 Jun 2003 04:00:00 GMT", datetime(2003, 6, 10, 4, tzinfo=UTC)),  # RSS pubDate, RFC 822
        ("Thu, 22 Sep 2022 10:00:00 -0400", datetime(2022, 9, 22, 14, tzinfo=UTC)),  # RFC 822, numeric zone
        (
            "Thu, 22 Sep 2022 10:00:00 CET",
            datetime(2022, 9, 22, 9, tzinfo=UTC),
        ),  # a zone name email.utils lacks
        ("2019-11-04T10:00:00+01:00", datetime(2019, 11, 4, 9, tzinfo=UTC)),  # Atom / HTML meta, ISO 8601
        ("2019-11-04T10:00:00Z", datetime(2019, 11, 4, 10, tzinfo=UTC)),  # ISO 8601 in UTC
        ("2019-11-04T10:00:00.250+00:00", datetime(2019, 11, 4, 10, 0, 0, 250000, tzinfo=UTC)),  # fractions
        ("2019-11-04 10:00", datetime(2019, 11, 4, 10, tzinfo=UTC)),  # a database export, no zone: UTC
        ("2019-11-04T10:00:00+0100", datetime(2019, 11, 4, 9, tzinfo=UTC)),  # htmldate's zone without colon
        ("4 November 2019", datetime(2019, 11, 4, tzinfo=UTC)),  # British prose style
        ("  2022-09-23\n", datetime(2022, 9, 23, tzinfo=UTC)),  # stray whitespace from a CSV cell
        ("1664000000", datetime(2022, 9, 24, 6, 13, 20, tzinfo=UTC)),  # a Unix timestamp from an API
        ("04.11.2019", datetime(2019, 11, 4, tzinfo=UTC)),  # German / Russian / Polish export: day.month.year
        ("04.11.2019 14:05", datetime(2019, 11, 4, 14, 5, tzinfo=UTC)),  # the same with a time
        ("4.11.19", datetime(2019, 11, 4, tzinfo=UTC)),  # Nordic short form, two-digit year
        ("Mo, 04.11.2019", datetime(2019, 11, 4, tzinfo=UTC)),  # German with a weekday
        ("04.11.2019 г.", datetime(2019, 11, 4, tzinfo=UTC)),  # Russian, with the year abbreviation
        ("25.10.2019", datetime(2019, 10, 25, tzinfo=UTC)),  # a day over 12, which already read day first
        ("2019.11.04", datetime(2019, 11, 4, tzinfo=UTC)),  # year first with dots (Hungarian, Korean)
        ("03/11/2019", datetime(2019, 3, 11, tzinfo=UTC)),  # alone, a slashed date is read month first
    ],
)
def test_real_formats_are_read_as_utc(raw, expected):
    value = parse_published(raw)
    assert value == expected
    assert value.tzinfo is not None and value.utcoffset() == timedelta(0)
    assert published_problem(raw) is None


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("20000-01-01", "absurd date: year 20000"),  # a corrupted export
        ("January 1, 20000", "absurd date: year 20000"),
        ("1700-01-01", "before 1800"),
        ("2150-01-01", "in the future"),
        ("December 2017", "not a full date"),  # no day: filling one in would invent it
        ("May 5", "not a full date"),  # no year
        ("we", "not a full date"),  # what dateparser.search_dates takes for a date
        ("garbage", "not a full date"),
        ("2 hours ago", "relative date"),  # relative, and no reference time
        ("x" * 500, "too long"),
        ("Mon, 30 Nov -0001 00:00:00 +0000", "placeholder date"),  # WordPress feed, a draft's pubDate
        ("0000-00-00 00:00:00", "placeholder date"),  # MySQL zero datetime in a CMS export
        ("1970-01-01T00:00:00Z", "placeholder date"),  # the epoch standing in for a missing timestamp
        ("0", "not a full date"),  # Unix time 0 in an export's date column
    ],
)
def test_unusable_dates_are_null_with_a_reason(raw, problem):
    assert parse_published(raw) is None
    assert problem in published_problem(raw)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_missing_date_is_null_without_a_problem(raw):
    assert parse_published(raw) is None
    assert published_problem(raw) is None


def test_now_bounds_the_future():
    assert parse_published("2022-10-02", now=NOW) == datetime(2022, 10, 2, tzinfo=UTC)  # within a day: zones
    assert parse_published("2022-10-09", now=NOW) is None
    assert "in the future" in published_problem("2022-10-09", now=NOW)


def test_now_in_another_zone_is_the_same_instant():
    now = NOW.astimezone(timezone(timedelta(hours=-5)))
    assert parse_published("2022-10-02T12:00:00Z", now=now) == NOW + timedelta(days=1)
    assert "in the future" in published_problem("2022-10-02T12:00:01Z", now=now)


@pytest.mark.parametrize(
    "raw",
    [
        "2 hours ago",  # a scraped page's "posted 2 hours ago"
        "yesterday",  # a news site's listing
        "today 14:05",  # a forum or live blog
        "in 2 days",  # an event listing
        "last week",  # an archive page
        "last Friday",  # a column's dateline, incomplete without a week
    ],
)
@pytest.mark.parametrize("now", [None, NOW])
def test_relative_dates_are_null_even_with_a_now(raw, now):
    # `now` is when the pipeline ran, not when the page said "2 hours ago": reading it so would invent a date.
    assert parse_published(raw, now=now) is None
    assert published_problem(raw, now=now).startswith(("relative date", "unparseable date"))


@settings(deadline=None, max_examples=30)
@given(st.integers(1, 500), st.sampled_from(["minute", "hour", "day", "week", "month", "year"]))
def test_any_time_ago_is_a_relative_date(count, unit):
    raw = f"{count} {unit}{'s' if count > 1 else ''} ago"
    assert parse_published(raw, now=NOW) is None
    assert published_problem(raw, now=NOW) == f"relative date: {raw!r} says nothing about when it was written"


_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2022, 9, 30))


@settings(deadline=None, max_examples=60)
@given(_DATES, st.sampled_from(["{d:02}.{m:02}.{y}", "{d}.{m}.{y}", "{d:02}.{m:02}.{y} {H:02}:{M:02}"]), st.times())
def test_dotted_dates_are_day_first(day, layout, time):
    # German `04.11.2019`, Polish `4.11.2019`, Scandinavian `04.11.2019 14:05`
    raw = layout.format(d=day.day, m=day.month, y=day.year, H=time.hour, M=time.minute)
    expected = datetime(day.year, day.month, day.day, tzinfo=UTC)
    if "{H" in layout:
        expected = expected.replace(hour=time.hour, minute=time.minute)
    if expected == datetime(1970, 1, 1, tzinfo=UTC):  # the epoch's first second stands for no date
        expected = None
    assert parse_published(raw, now=NOW) == expected


@settings(deadline=None, max_examples=30)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2022, 9, 30)))
def test_dotted_dates_with_two_digit_years_are_day_first(day):
    raw = f"{day.day}.{day.month}.{day.year % 100:02}"  # Nordic `4.11.19`
    assert parse_published(raw, now=NOW) == datetime(day.year, day.month, day.day, tzinfo=UTC)


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=40) | st.datetimes().map(str))
def test_any_text_gives_utc_or_none_with_a_reason(raw):
    value = parse_published(raw)
    if value is None:
        assert (published_problem(raw) is None) == (not raw.strip())
    else:
        assert value.utcoffset() == timedelta(0)
        assert datetime(1800, 1, 1, tzinfo=UTC) <= value <= datetime(2100, 1, 1, tzinfo=UTC)
