import pytest

from transforms.entities.mentions import Mention
from transforms.entities.place_cues import is_place_mention
from transforms.entities.resolve import resolve_article


def mention(surface: str, before: str, label: str = "ORG", start: int = 0) -> Mention:
    return Mention("body", start, start + len(surface), surface, label, before=before)


@pytest.mark.parametrize(
    ("before", "cue"),
    [
        ("rival Kurds for the city of ", True),
        ("in the western coastal town of ", True),
        ("east of the capital ", True),
        ("on the Arctic island of ", True),
        ("a market in district ", True),
        # a capitalised noun is part of a name, and other words say nothing of a place
        ("a spokesman for the Port of ", False),
        ("a statement from ", False),
        ("the attack on ", False),
    ],
)
def test_a_lower_case_noun_of_settlement_before_a_name_says_it_is_a_place(before: str, cue: bool) -> None:
    assert is_place_mention(mention("Arbil", before)) is cue


def test_one_mention_that_says_what_kind_of_place_a_name_is_speaks_for_the_article() -> None:
    resolved = resolve_article(
        [
            mention("Arbil", "the attack on ", "ORG"),
            mention("Arbil", "forces overran the city of ", "ORG", 40),
            mention("Arbil", "tanks advancing on ", "PERSON", 80),
        ]
    )
    assert {r.entity_type for r in resolved} == {"location"}
