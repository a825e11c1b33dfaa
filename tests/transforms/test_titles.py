"""Titles: telling a title line from a first paragraph, and deriving a title from a body's first sentence."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.titles import DERIVED_TITLE_CHARS, derived_title, first_sentence, is_title_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The seed's and BBC's form: a headline, a blank line, the story.
        ("Mali's president says stability is at stake\n\nBAMAKO Mali The president ...", True),
        # A CoNLL headline, all caps with a spaced full stop.
        ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\n\nNadim Ladki\nAL-AIN ...", True),
        # A page saved without its headline: the first line is already the first paragraph.
        ("Shares rose on Monday as investors cheered the figures, and analysts said the rally would last.\n"
         "Trading was heavy.", False),
        # A first line that breaks off mid-sentence, even with a blank line after it.
        ("The government said on Tuesday that the talks with the\n\nunions had failed.", False),
        # A first paragraph far longer than any headline.
        ("word " * 60 + "\n\nMore.", False),
        # A lone short line: a headline with no story (staging quarantines it: no body).
        ("Only a headline", True),
        # A lone long line: a one-paragraph story.
        ("The central bank held rates on Thursday, saying inflation had eased faster than it expected " * 3, False),
    ],
)  # fmt: skip
def test_a_title_line_is_told_from_a_first_paragraph(text, expected):
    assert is_title_line(text.strip().split("\n")) is expected


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Shares rose on Monday. Analysts agreed.", "Shares rose on Monday"),
        # Abbreviations and initials do not end the sentence.
        ("The U.S. Army said Mr. Keita left on Jan. 5. He returned.", "The U.S. Army said Mr. Keita left on Jan. 5"),
        ("Is the rally over? Traders think not.", "Is the rally over?"),
        # Only the first paragraph is looked at.
        ("A short opening line without a full stop\n\nA second paragraph.", "A short opening line without a full stop"),
        ("", ""),
    ],
)  # fmt: skip
def test_the_title_is_the_first_sentence(body, title):
    assert derived_title(body) == title


def test_a_long_first_sentence_is_cut_at_a_word_boundary_with_an_ellipsis():
    body = "The minister " + "said that the long negotiations " * 10 + "had failed."
    title = derived_title(body)
    assert len(title) <= DERIVED_TITLE_CHARS and title.endswith("…")
    assert body.startswith(title.removesuffix("…")) and body[len(title) - 1] == " "


def first_paragraph_folded(text: str) -> str:
    return " ".join(re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0].split())


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=2000))
def test_a_derived_title_is_never_longer_than_the_limit_and_starts_the_body(body):
    title = derived_title(body)
    assert len(title) <= DERIVED_TITLE_CHARS
    assert first_paragraph_folded(body).startswith(title.removesuffix("…"))


@given(st.text(max_size=500))
def test_the_first_sentence_is_a_prefix_of_the_folded_first_paragraph(text):
    assert first_paragraph_folded(text).startswith(first_sentence(text))
