from datetime import UTC, datetime, timedelta, timezone

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from transforms.dates import parse_published, published_problem, with_published_at

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
    ],
)
def test_unusable_dates_are_null_with_a_reason(raw, problem):
    assert parse_published(raw) is None
    assert problem in published_problem(raw)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_missing_date_is_null_without_a_problem(raw):
    assert parse_published(raw) is None
    assert published_problem(raw) is None


def test_now_resolves_relative_dates_and_bounds_the_future():
    assert parse_published("2 hours ago", now=NOW) == NOW - timedelta(hours=2)
    assert parse_published("2022-10-02", now=NOW) == datetime(2022, 10, 2, tzinfo=UTC)  # within a day: zones
    assert parse_published("2022-10-09", now=NOW) is None
    assert "in the future" in published_problem("2022-10-09", now=NOW)


def test_now_in_another_zone_is_the_same_instant():
    now = NOW.astimezone(timezone(timedelta(hours=-5)))
    assert parse_published("2 hours ago", now=now) == NOW - timedelta(hours=2)


def test_frame_gains_published_at_and_problem():
    frame = pl.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "published_raw": ["2022-09-23", None, "20000-01-01", "2022-09-23"],
        }
    )
    assert_frame_equal(
        with_published_at(frame),
        frame.with_columns(
            published_at=pl.Series(
                [datetime(2022, 9, 23, tzinfo=UTC), None, None, datetime(2022, 9, 23, tzinfo=UTC)],
                dtype=pl.Datetime("us", "UTC"),
            ),
            published_problem=pl.Series([None, None, "absurd date: year 20000 is out of range", None], dtype=pl.String),
        ),
    )


def test_empty_frame():
    frame = pl.DataFrame(schema={"published_raw": pl.String})
    assert with_published_at(frame).schema == {
        "published_raw": pl.String,
        "published_at": pl.Datetime("us", "UTC"),
        "published_problem": pl.String,
    }


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=40) | st.datetimes().map(str))
def test_any_text_gives_utc_or_none_with_a_reason(raw):
    value = parse_published(raw)
    if value is None:
        assert (published_problem(raw) is None) == (not raw.strip())
    else:
        assert value.utcoffset() == timedelta(0)
        assert datetime(1800, 1, 1, tzinfo=UTC) <= value <= datetime(2100, 1, 1, tzinfo=UTC)
