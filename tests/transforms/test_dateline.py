import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from transforms.dateline import Dateline, parse_dateline, split_dateline


@pytest.mark.parametrize(
    ("body", "dateline", "rest"),
    [
        # aggregator copy: the city in capitals, then the country, then the story (the seed article)
        ("BAMAKO Mali The president of Mali spoke.", "BAMAKO Mali", "The president of Mali spoke."),
        # Reuters wire copy
        ("WASHINGTON (Reuters) - The Fed held rates.", "WASHINGTON (Reuters)", "The Fed held rates."),
        # wire copy with a date and no agency
        ("SALVADOR, Feb 26 - Brazil's carnival began.", "SALVADOR, Feb 26", "Brazil's carnival began."),
        # CoNLL-2003: the `PLACE YYYY-MM-DD` line, joined to the first sentence once repaired
        (
            "LONDON 1996-08-30 West Indian all-rounder Phil Simmons",
            "LONDON 1996-08-30",
            "West Indian all-rounder Phil Simmons",
        ),
        ("BIRMINGHAM, England 1996-08-31 Rain stopped play.", "BIRMINGHAM, England 1996-08-31", "Rain stopped play."),
        # AG News / AP style with a region and a double dash
        ("TORONTO, Canada -- A second team of rocketeers", "TORONTO, Canada", "A second team of rocketeers"),
        ("NEW YORK (AP) — Stocks fell.", "NEW YORK (AP)", "Stocks fell."),
        # AG News: the feed's credit before the dateline
        (
            "Canadian Press - VANCOUVER (CP) - The Canucks won.",
            "Canadian Press - VANCOUVER (CP)",
            "The Canucks won.",
        ),
        ("AFP - BAGHDAD, Iraq - A car bomb exploded.", "AFP - BAGHDAD, Iraq", "A car bomb exploded."),
    ],
)
def test_datelines_are_split_off(body: str, dateline: str, rest: str) -> None:
    assert split_dateline(body) == (dateline, rest)


@pytest.mark.parametrize(
    "body",
    [
        # nothing at all
        "",
        # an acronym opening a sentence
        "NATO said on Monday it would stay.",
        # AG News source credits: an agency, not a place
        "AP - A company founded by a chemist won a grant.",
        "Reuters - Oil prices rose on Monday.",
        "washingtonpost.com - NASA said on Monday.",
        # a capitalised place followed by the story, with nothing that makes it a dateline
        "WASHINGTON President Obama said so.",
        # a CoNLL headline (sport - headline)
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP",
        "The president spoke in Bamako.",
    ],
)
def test_text_without_a_dateline_is_left_whole(body: str) -> None:
    assert split_dateline(body) == (None, body)


def test_the_place_and_country_are_spans_of_the_dateline() -> None:
    found = parse_dateline("BAMAKO Mali")
    assert found == Dateline("BAMAKO Mali", (0, 6), (7, 11))
    assert found is not None
    assert found.text[slice(*found.place)] == "BAMAKO"
    credited = parse_dateline("Canadian Press - VANCOUVER (CP) - The Canucks won.")
    assert credited is not None and credited.text[slice(*credited.place)] == "VANCOUVER"


@given(st.text(alphabet=st.sampled_from(list("BAMKO Mali(Reuters)-,Feb 26 1996-08-30Thep")), max_size=50) | st.text())
@example("")
@example("LONDON 1996-08-30")
def test_splitting_loses_nothing_but_the_separator(body: str) -> None:
    dateline, rest = split_dateline(body)
    if dateline is None:
        assert rest == body
    else:
        assert body.startswith(dateline)
        assert body.endswith(rest)
        separator = body[len(dateline) : len(body) - len(rest)]
        assert separator.strip(" -–—:") == ""
