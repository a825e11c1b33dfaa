import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from transforms.entities.casing import ner_view


@pytest.mark.parametrize(
    ("text", "reference", "view"),
    [
        # CoNLL-2003 headline: words the body writes in lower case go lower, names keep the body's case
        (
            "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
            "Leicestershire take over at the top after an innings victory .",
            "Cricket - Leicestershire take over at top after innings victory .",
        ),
        # wire headline: an acronym the body writes in capitals stays so; function words go lower
        ("MALI'S PRESIDENT SAYS UN TROOPS ARE NEEDED", "The UN said so.", "Mali's President Says UN Troops are Needed"),
        # a dateline or an acronym alone is not a headline
        ("BAMAKO Mali The president", None, "BAMAKO Mali The president"),
        ("", None, ""),
    ],
)
def test_all_caps_stretches_are_recased(text: str, reference: str | None, view: str) -> None:
    assert ner_view(text, reference) == view


@given(st.text(alphabet=st.sampled_from(list("ABCSTRAßİ abcs.'-\n")), max_size=80), st.text(max_size=40))
@example("STRASSE İSTANBUL ß ÇA VA", "")
def test_the_view_has_the_length_and_letters_of_the_text(text: str, reference: str) -> None:
    view = ner_view(text, reference)
    assert len(view) == len(text)
    assert all(a.lower() == b.lower() or a == b for a, b in zip(view, text, strict=True))
