import re

import pytest

from transforms.entities.headlines import is_place, place_words, slug_end


@pytest.mark.parametrize(
    ("title", "end"),
    [
        # CoNLL-2003 sports headlines open with a topic slug of a word or two
        ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT", 6),
        ("MOTOR RACING -- LEADING QUALIFIERS", 12),
        # a place, a demonym or a clause before the dash is no slug; nor is a headline in mixed case
        ("BAGHDAD - IRAQ SAYS", 0),
        ("ENGLISH SOCCER - RESULTS", 0),
        ("CHINA'S WHEAT IMPORTS SEEN HIGHER - USDA", 0),
        ("BRAZIL COFFEE EXPORTS SEEN LOWER - IBC", 0),
        # a headline and its source: fewer words after the dash than before it
        ("OBAMA BACKS CLINTON - AIDES", 0),
        ("Soccer - Japan win", 0),
        ("", 0),
    ],
)
def test_a_topic_slug_is_a_few_words_that_name_no_place(title: str, end: int) -> None:
    assert slug_end(title) == end


@pytest.mark.parametrize(
    ("name", "words", "place"),
    [
        ("BRAZILIAN", 1, True),
        ("GEORGIA", 1, True),
        ("EUROPE", 1, True),
        ("VOLGOGRAD", 1, True),
        # one-word cities that are ordinary words, or small; function words that name countries or states
        ("NICE", 1, False),
        ("DEAL", 1, False),
        ("US", 1, False),
        ("IN", 1, False),
        # a city's name of several words, of any size
        ("RIO DE JANEIRO", 3, True),
        ("ST LOUIS", 2, True),
        ("U.S", 2, True),
    ],
)
def test_a_place_is_a_name_the_gazetteers_know(name: str, words: int, place: bool) -> None:
    assert is_place(name, words) is place


def test_the_longest_place_name_takes_its_words() -> None:
    text = "FIRMS IN NEW YORK AND SOUTH KOREAN BANKS OF THE U.S."
    words = list(re.finditer(r"[A-Z]+", text))
    assert sorted(place_words(text, words)) == [2, 3, 5, 6, 10, 11]
    assert place_words("", []) == set()
