"""What a name's neighbours say about it: hyphenated modifiers, codes before a region, operations."""

import pytest

from transforms.entities.mentions import trimmed


def mention(text: str, name: str, label: str):
    start = text.index(name)
    return trimmed("body", text, start, start + len(name), label)


@pytest.mark.parametrize(
    ("text", "span", "label", "surface", "kind"),
    [
        # A hyphenated modifier is no part of the name (AFP, Reuters wire style).
        ("a Mali-based group claimed it", "Mali-based", "GPE", "Mali", "GPE"),
        ("the Kremlin-backed separatists", "Kremlin-backed", "ORG", "Kremlin", "ORG"),
        ("Saudi-led coalition strikes", "Saudi-led", "NORP", "Saudi", "NORP"),
        # The model stopped at the first word of a two-word name before the modifier.
        ("Islamic State-allied militants claimed it", "Islamic", "NORP", "Islamic State", "ORG"),
        # A group of states named by a code and a region.
        ("the G5 Sahel, a five-nation taskforce", "Sahel", "LOC", "G5 Sahel", "ORG"),
        ("ministers of the G7 Europe group", "Europe", "LOC", "G7 Europe", "ORG"),
        # Operations named after places or animals are events, not places.
        ("France's Barkhane operation in the region", "Barkhane", "GPE", "Barkhane", "EVENT"),
        ("launched Operation Serval in 2013", "Serval", "ORG", "Serval", "EVENT"),
        ("the Kursk operations ended", "Kursk", "GPE", "Kursk", "EVENT"),
    ],
)  # fmt: skip
def test_a_names_context_shapes_it(text, span, label, surface, kind):
    found = mention(text, span, label)
    assert found is not None and (found.surface, found.label) == (surface, kind)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("France's operations in Mali continue", "France", "GPE"),  # a country's operations: still a country
        ("Stratford-upon-Avon council", "Stratford-upon-Avon", "GPE"),  # a capitalised end: a name, not a modifier
        ("The Hague ruled on Monday", "Hague", "GPE"),  # no code before it
        ("Paris officials said", "Paris", "GPE"),
    ],
)
def test_names_without_such_context_stay_as_they_are(text, span, label):
    found = mention(text, span, label)
    assert found is not None and (found.surface, found.label) == (span, label)
