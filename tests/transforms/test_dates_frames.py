"""A frame's dates read column-wise: `published_at` and `published_problem`, each source's day-month order proven."""

from datetime import UTC, date, datetime

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from transforms.dates import numeric_date_orders, with_published_at

NOW = datetime(2022, 10, 1, 12, 0, tzinfo=UTC)


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
