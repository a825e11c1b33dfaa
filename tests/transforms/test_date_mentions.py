from datetime import UTC, date, datetime

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.date_mentions import (
    DATE_MENTIONS,
    DateMention,
    date_mentions,
    dates_mentioned,
    published_from_text,
)


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("", []),  # an empty body
        ("We met on December 31, 2017.", [("December 31, 2017", "day", date(2017, 12, 31))]),
        ("Signed on 3 March 2018 in Bamako.", [("3 March 2018", "day", date(2018, 3, 3))]),
        ("Signed on 3rd of March, 2018.", [("3rd of March, 2018", "day", date(2018, 3, 3))]),
        ("Filed Sept. 23, 2022 by AP.", [("Sept. 23, 2022", "day", date(2022, 9, 23))]),
        ("The 2017-12-31 report.", [("2017-12-31", "day", date(2017, 12, 31))]),
        ("Sales rose by May 2020.", [("May 2020", "month", date(2020, 5, 1))]),
        (
            "In 2019 sales fell; since 1998 they rose.",
            [("2019", "year", date(2019, 1, 1)), ("1998", "year", date(1998, 1, 1))],
        ),
        # What search_dates mistakes for dates, and numbers that are no years in context
        ("We may 2019 people; 1,500 died; room 2019; the 2019-20 season; in 2019-20.", []),
        ("On February 30, 2019 nothing happened.", []),  # no such day
        ("The 03/04/2017 file.", []),  # day and month cannot be told apart
    ],
)
def test_dates_in_text(text, mentions):
    found = dates_mentioned(text)
    assert [(m.date_text, m.resolution, m.value) for m in found] == mentions
    assert all(text[m.start : m.end] == m.date_text for m in found)


def test_spans_never_overlap():
    (mention,) = dates_mentioned("in December 2017")  # a month, not also the year after `in`... of December
    assert mention == DateMention("December 2017", 3, 16, "month", date(2017, 12, 1))


def test_frame_of_mentions():
    articles = pl.DataFrame({"article_id": ["a", "b", "c"], "body": ["Since 1998, yes.", None, "Nothing."]})
    assert date_mentions(articles).to_dicts() == [
        {
            "article_id": "a",
            "date_text": "1998",
            "start": 6,
            "end": 10,
            "resolution": "year",
            "value": date(1998, 1, 1),
        }
    ]
    assert date_mentions(articles.head(0)).schema == DATE_MENTIONS


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("SALVADOR, Feb 26 (Reuters) - Brazil's ...", None, None),  # Reuters dateline, no year
        ("SALVADOR, Feb 26 (Reuters) - Brazil's ...", 1997, datetime(1997, 2, 26, tzinfo=UTC)),
        (
            "BRUSSELS 1996-08-22\nThe European Commission ...",
            None,
            datetime(1996, 8, 22, tzinfo=UTC),
        ),  # CoNLL
        ("WASHINGTON, March 3, 2020 (AP) - ...", None, datetime(2020, 3, 3, tzinfo=UTC)),
        ("The president said on Friday ...", 2020, None),  # no dateline
        ("", None, None),
    ],
)
def test_dateline_dates(text, year, expected):
    assert published_from_text(text, year=year) == expected


@given(st.text(max_size=200))
def test_any_text_gives_consistent_spans(text):
    for mention in dates_mentioned(text):
        assert text[mention.start : mention.end] == mention.date_text
        assert mention.resolution in ("day", "month", "year")
