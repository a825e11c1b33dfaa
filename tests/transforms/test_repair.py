import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transforms.repair import repair_text, repair_with_offsets


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        # nothing at all: an empty body after scraping
        ("", ""),
        # aggregator copy that re-joined tokens around a linked name (the seed article)
        ("Friday's assault targeted Mali 's military.", "Friday's assault targeted Mali's military."),
        (
            "support from France , Africa and the United Nations , is needed",
            "support from France, Africa and the United Nations, is needed",
        ),
        ("backed by the United Nations .", "backed by the United Nations."),
        # the same aggregator splitting a demonym from the linked country name
        ("two more Mali an soldiers were killed", "two more Malian soldiers were killed"),
        ("Chad ian troops and Sudan ese refugees", "Chadian troops and Sudanese refugees"),
        (
            "according to Mali an army sources. Mali an soldiers died",
            "according to Malian army sources. Malian soldiers died",
        ),
        # CoNLL-2003 tokenised text: punctuation, brackets and clitics as separate tokens
        ("said the U.S. , and the ( AFP ) report", "said the U.S., and the (AFP) report"),
        ("it still has n't really sunk in .", "it still hasn't really sunk in."),
        ("I 'm glad , he ca n't go", "I'm glad, he can't go"),
        ("Britain 's Sun newspaper", "Britain's Sun newspaper"),
        ("the players ' union", "the players' union"),
        # scraped text: hard-wrapped lines, runs of spaces, blank lines between paragraphs
        ("  First  line\nwraps here.\n\n\n Second\u00a0paragraph.  ", "First line wraps here.\n\nSecond paragraph."),
    ],
)
def test_artefacts_are_repaired(raw: str, repaired: str) -> None:
    assert repair_text(raw) == repaired


@pytest.mark.parametrize(
    "text",
    [
        # English where the article `an` follows a country name: not a split demonym
        "In Mali an official said so.",
        # versions, decimals and ellipses that look like spaced punctuation but are not
        "Upgrade to .NET now, at 5 .5 per cent... or not.",
        # a quotation in single quotes
        "He said 'yes' and left.",
        # a well-formed paragraph pair
        "Mali's army, France and the UN (United Nations) met.\n\nThey agreed.",
    ],
)
def test_well_formed_text_is_unchanged(text: str) -> None:
    assert repair_text(text) == text


# Words and phrases as English writes them (`an` only before a vowel, as an article).
_WORDS = st.sampled_from(
    [
        "the army",
        "Mali",
        "Malian",
        "France",
        "the United Nations",
        "an official",
        "said",
        "U.S.",
        "it",
        "won't",
        "Burkina Faso",
        "3.5 per cent",
        "(AFP)",
        "Reuters",
        "Keita's",
        "e-mail",
        "Chad",
        "in",
        "players'",
        "Iraq is",
    ]
)
_SENTENCES = (
    st.lists(_WORDS, min_size=1, max_size=12)
    .map(lambda words: " ".join(words))
    .flatmap(lambda s: st.sampled_from([s + ".", s + ",", s + "?", s]))
)
# Well-formed text: words separated by single spaces, punctuation attached, paragraphs split by one blank line.
_WELL_FORMED = st.lists(st.lists(_SENTENCES, min_size=1, max_size=4).map(" ".join), max_size=4).map("\n\n".join)


@given(_WELL_FORMED)
@example("")
def test_never_changes_text_without_artefacts(text: str) -> None:
    assert repair_text(text) == text


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from(list("Mali an s'Chad ian,.()\n\t\u00a0-xU")), max_size=60) | st.text(max_size=60)
)
@example("")
@example("Mali an soldiers")
def test_repair_is_idempotent(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("Mali an 's,.()\n -xU")), max_size=60) | st.text(max_size=40))
@example("")
@example("  ( AFP ) Mali an soldiers , Mali 's\n\n\n army .  ")
def test_offsets_point_at_the_character_repaired(text: str) -> None:
    repaired, offsets = repair_with_offsets(text)
    assert repaired == repair_text(text)
    assert len(offsets) == len(repaired) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    for index, char in enumerate(repaired):
        original = text[offsets[index]]
        assert original == char or (char.isspace() and original.isspace())


def test_a_span_maps_back_to_the_original_text() -> None:
    text = "According to Mali an army sources and the ( AFP ) , Mali an soldiers"
    repaired, offsets = repair_with_offsets(text)
    start = repaired.index("AFP")
    assert text[offsets[start] : offsets[start + 2] + 1] == "AFP"
    start = repaired.index("Malian")
    assert text[offsets[start] : offsets[start + 5] + 1] == "Mali an"
