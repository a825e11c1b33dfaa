import pytest

from transforms.entities.caps_places import caps_place_pieces
from transforms.entities.mentions import span_mentions


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # a byline run into a dateline, and a dateline run into a company's name
        ("Maria Lopez MADRID", [("Maria Lopez ", False), ("MADRID", True)]),
        ("PARIS Acme Widgets", [("PARIS", True), (" Acme Widgets", False)]),
        ("Tom Reed NEW ZEALAND", [("Tom Reed ", False), ("NEW ZEALAND", True)]),
        # capitals that are no place, abbreviations, and capitals alone are left whole
        ("NASA Ames Research Center", [("NASA Ames Research Center", False)]),
        ("U.S. Treasury", [("U.S. Treasury", False)]),
        ("UK Border Agency", [("UK Border Agency", False)]),
        ("NEW ZEALAND", [("NEW ZEALAND", False)]),
    ],
)
def test_an_all_caps_place_run_into_a_mixed_case_name_is_split_off(text: str, pieces: list[tuple[str, bool]]) -> None:
    assert [(text[s:e], p) for s, e, p in caps_place_pieces(text, 0, len(text))] == pieces


def test_a_model_span_across_a_byline_and_a_dateline_is_a_person_and_a_place() -> None:
    text = "Maria Lopez MADRID 2001-03-04 Prices rose"
    assert [(m.surface, m.label) for m in span_mentions("body", text, text, 0, 18, "PERSON")] == [
        ("Maria Lopez", "PERSON"),
        ("MADRID", "GPE"),
    ]
