import pytest

from transforms.entities.mentions import span_mentions
from transforms.entities.person_titles import person_name_start


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # forms of address and offices, one or several words
        ("Mrs Thatcher", "Thatcher"),
        ("Dr. Jane Goodall", "Jane Goodall"),
        ("Home Secretary Priti Patel", "Priti Patel"),
        ("Princess Anne", "Anne"),
        # a role capitalised at the start of a sentence
        ("Goalkeeper Petr Cech", "Petr Cech"),
        ("Economist Paul Krugman", "Paul Krugman"),
        # all-caps headlines
        ("PRESIDENT OBAMA", "OBAMA"),
        # nothing to cut, or nothing left after the cut
        ("Kevin King", "Kevin King"),
        ("Queen", "Queen"),
        ("Father Christmas", "Father Christmas"),
        ("", ""),
    ],
)
def test_titles_and_roles_are_no_part_of_a_person_s_name(text: str, name: str) -> None:
    start, nationalities = person_name_start(text, 0, len(text))
    assert (text[start:], nationalities) == (name, [])


def test_a_nationality_before_a_name_stands_apart() -> None:
    text = "Kenyan sprinter... Brazilian Coach Tite"
    start, nationalities = person_name_start(text, 19, len(text))
    assert (text[start:], [text[s:e] for s, e in nationalities]) == ("Tite", ["Brazilian"])


def test_a_person_span_loses_its_title_and_keeps_its_nationality_as_another_mention() -> None:
    text = "said Canadian Mr Justin Trudeau"
    found = span_mentions("body", text, text, 5, len(text), "PERSON")
    assert [(m.surface, m.label) for m in found] == [("Canadian", "NORP"), ("Justin Trudeau", "PERSON")]


@pytest.mark.parametrize(("surface", "label"), [("American Home Products", "ORG"), ("General Motors", "ORG")])
def test_only_person_spans_are_cut(surface: str, label: str) -> None:
    assert [m.surface for m in span_mentions("body", surface, surface, 0, len(surface), label)] == [surface]
