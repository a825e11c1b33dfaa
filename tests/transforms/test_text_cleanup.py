import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.text_cleanup import repair_entities, repair_entities_or_none


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("", ""),  # an empty field
        # AG News: the `&` of `&#39;` became a space, which belongs to the remnant
        ("Turner #39;s pension", "Turner's pension"),
        # AG News: `&#36;` (dollar) after a space of its own
        ("competing for the  #36;10 million Ansari X Prize", "competing for the $10 million Ansari X Prize"),
        # AG News: named remnants
        ("In  quot;helping themselves, quot; Rick", 'In "helping themselves," Rick'),
        ("Johnson  amp; Johnson", "Johnson & Johnson"),
        # AG News: windows-1252 code points written as numeric remnants (em dash, curly quote)
        ("their convention  #151; California", "their convention — California"),
        ("Newsday #146;s Stephen Williams", "Newsday’s Stephen Williams"),
        # AG News: a backslash where the text had a line break
        ("A second\\team of rocketeers", "A second\nteam of rocketeers"),
        # Reuters in AG News: real entities around a ticker
        ("Texas Instruments Inc. &lt;TXN.N&gt;", "Texas Instruments Inc. <TXN.N>"),
        # An RSS title escaped twice by a CMS
        ("Tom &amp;amp; Jerry &amp;#39;s", "Tom & Jerry 's"),
        # Prose that looks like a remnant but is not one
        ("ranked #1; then second", "ranked #1; then second"),
        ("AT&T and Smith&notes", "AT&T and Smith&notes"),
        ("&notanentity; stays", "&notanentity; stays"),
        ("we won; they lost; a year; no", "we won; they lost; a year; no"),
    ],
)
def test_entities_and_remnants_are_repaired(text, repaired):
    assert repair_entities(text) == repaired


def test_missing_field_stays_missing():
    assert repair_entities_or_none(None) is None


# Text built from the characters remnants are made of, so that hypothesis finds the awkward overlaps.
remnant_soup = st.text(
    alphabet=st.sampled_from(list("&#;\\ amplqutg0123469xX")) | st.characters(),
    max_size=80,
)


@given(remnant_soup)
def test_repair_is_idempotent(text):
    once = repair_entities(text)
    assert repair_entities(once) == once


@given(st.text(alphabet=st.characters(blacklist_characters="&#\\;")))
def test_text_without_remnants_is_unchanged(text):
    assert repair_entities(text) == text


def test_cost_is_linear_in_a_50_mb_field():
    text = "word #39;s and &amp; more\\" * 2_000_000  # 52 MB
    repaired = repair_entities(text)
    assert repaired.startswith("word's and & more\nword's")
