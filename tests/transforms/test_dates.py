from datetime import UTC, date, datetime, timedelta, timezone

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from transforms.dates import numeric_date_orders, parse_published, published_problem, with_published_at

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


def _read_column(source_uri: list[str], published_raw: list[str | None], **columns: list) -> list:
    frame = pl.DataFrame({"source_uri": source_uri, "published_raw": published_raw} | columns)
    return with_published_at(frame, now=NOW).get_column("published_at").to_list()


_LAYOUTS = {
    "{d:02}/{m:02}/{y}": "{m:02}/{d:02}/{y}",  # British / American CSV export
    "{d}/{m}/{y} {H:02}:{M:02}": "{m}/{d}/{y} {H:02}:{M:02}",  # spreadsheet export with a time
    "{d:02}-{m:02}-{y}": "{m:02}-{d:02}-{y}",  # dashed database dump
    "{d:02}/{m:02}/{y2:02}": "{m:02}/{d:02}/{y2:02}",  # two-digit year
}


def _write(layout: str, day: date, hour: int = 14, minute: int = 5) -> str:
    return layout.format(d=day.day, m=day.month, y=day.year, y2=day.year % 100, H=hour, M=minute)


def _at(day: date, layout: str, hour: int = 14, minute: int = 5) -> datetime:
    if "{H" in layout:
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


_TWO_DIGIT_SAFE = st.dates(min_value=date(2000, 1, 1), max_value=date(2022, 9, 30))


@settings(deadline=None, max_examples=40)
@given(st.lists(_TWO_DIGIT_SAFE, min_size=1, max_size=20), st.sampled_from(sorted(_LAYOUTS)))
def test_a_source_that_writes_a_day_over_12_first_is_read_day_first(days, layout):
    proof = date(2019, 10, 25)  # `25/10/2019`: only a British reading exists
    raws = [_write(layout, day) for day in [proof, *days]]
    assert _read_column([f"export.csv#{n}" for n in range(len(raws))], raws) == [
        _at(day, layout) for day in [proof, *days]
    ]


@settings(deadline=None, max_examples=40)
@given(st.lists(_TWO_DIGIT_SAFE, min_size=1, max_size=20), st.sampled_from(sorted(_LAYOUTS)))
def test_a_source_that_writes_a_day_over_12_second_is_read_month_first(days, layout):
    proof = date(2019, 10, 25)  # `10/25/2019`: only an American reading exists
    raws = [_write(_LAYOUTS[layout], day) for day in [proof, *days]]
    assert _read_column([f"export.csv#{n}" for n in range(len(raws))], raws) == [
        _at(day, layout) for day in [proof, *days]
    ]


def test_each_source_has_its_own_order():
    raws = ["25/10/2019", "03/11/2019 14:05", "10/25/2019", "03/11/2019 14:05"]
    uk, us = datetime(2019, 11, 3, 14, 5, tzinfo=UTC), datetime(2019, 3, 11, 14, 5, tzinfo=UTC)
    october = datetime(2019, 10, 25, tzinfo=UTC)
    # CSV / JSON Lines records: the file before the `#`
    assert _read_column(["uk.csv#2", "uk.csv#3", "us.csv#2", "us.csv#3"], raws) == [october, uk, october, us]
    # records keyed by their URL: `source_name` says which source they come from
    urls = [f"https://example.com/{n}" for n in range(4)]
    source_name = ["Guardian", "Guardian", "NYT", "NYT"]
    assert _read_column(urls, raws, source_name=source_name) == [october, uk, october, us]


def test_a_slice_is_read_in_the_order_of_its_whole_read():
    # A British export staged in slices: the slice holding only `03/11/2019` is read as the whole file proves.
    whole = pl.DataFrame({"source_uri": ["uk.csv#2", "uk.csv#3"], "published_raw": ["25/10/2019", "03/11/2019"]})
    dated = with_published_at(whole.slice(1, 1), orders=numeric_date_orders(whole))
    assert dated["published_at"].to_list() == [datetime(2019, 11, 3, tzinfo=UTC)]
    # On its own the slice proves nothing and keeps the English month-first reading.
    assert with_published_at(whole.slice(1, 1))["published_at"].to_list() == [datetime(2019, 3, 11, tzinfo=UTC)]


def test_a_source_that_writes_both_orders_leaves_its_ambiguous_dates_null():
    frame = pl.DataFrame(
        {
            "source_uri": [f"mixed.csv#{n}" for n in range(6)],
            "published_raw": ["25/10/2019", "10/25/2019", "03/11/2019", "03/03/2019", "2019-11-03", None],
        }
    )
    assert_frame_equal(
        with_published_at(frame, now=NOW),
        frame.with_columns(
            published_at=pl.Series(
                [
                    datetime(2019, 10, 25, tzinfo=UTC),
                    datetime(2019, 10, 25, tzinfo=UTC),
                    None,
                    datetime(2019, 3, 3, tzinfo=UTC),  # the same either way
                    datetime(2019, 11, 3, tzinfo=UTC),  # ISO: year, month, day
                    None,
                ],
                dtype=pl.Datetime("us", "UTC"),
            ),
            published_problem=pl.Series(
                [
                    None,
                    None,
                    "ambiguous date: '03/11/2019' could be 3 November or 11 March, and the source writes both orders",
                    None,
                    None,
                    None,
                ],
                dtype=pl.String,
            ),
        ),
    )


def test_an_unproven_source_keeps_the_english_month_first_reading():
    assert _read_column(["a.csv#1", "a.csv#2"], ["03/11/2019", "2019-11-04"]) == [
        datetime(2019, 3, 11, tzinfo=UTC),
        datetime(2019, 11, 4, tzinfo=UTC),
    ]


def test_empty_frame_with_sources():
    frame = pl.DataFrame(schema={"source_uri": pl.String, "source_name": pl.String, "published_raw": pl.String})
    assert with_published_at(frame, now=NOW).schema == {
        "source_uri": pl.String,
        "source_name": pl.String,
        "published_raw": pl.String,
        "published_at": pl.Datetime("us", "UTC"),
        "published_problem": pl.String,
    }


@settings(deadline=None, max_examples=40)
@given(st.lists(st.tuples(st.sampled_from(["a.csv#1", "b.csv#1", "https://x.org/1"]), st.text(max_size=20))))
def test_any_column_gives_a_date_or_a_reason_for_each_present_text(rows):
    frame = pl.DataFrame(rows, schema={"source_uri": pl.String, "published_raw": pl.String}, orient="row")
    read = with_published_at(frame, now=NOW)
    assert read.select("source_uri", "published_raw").equals(frame)
    for raw, value, problem in read.select("published_raw", "published_at", "published_problem").iter_rows():
        assert (value is None and problem is None) == (not raw.strip())
        assert value is None or problem is None
