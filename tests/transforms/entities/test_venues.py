import pytest

from transforms.entities.venues import venue_mentions

# County championship results as staging stores them: line breaks folded, CoNLL's tokenised marks repaired.
RESULTS = (
    "LONDON 1996-08-31 Results of four-day English county championship matches on Saturday: "
    "At Portsmouth: Middlesex beat Hampshire by 188 runs. Middlesex 199 and 426, Hampshire 232 and 205 "
    "(A. Fraser 5-79) At Headingley (Leeds): Yorkshire 290 and 329 (R. Kettleborough 108) "
    "London (The Oval): Warwickshire 195, Surrey 429-7. Tunbridge Wells: Nottinghamshire 214, Kent 108-3."
)


def test_the_towns_and_grounds_heading_results_are_places() -> None:
    found = venue_mentions("body", RESULTS)
    assert [(m.surface, m.label) for m in found] == [
        ("Portsmouth", "GPE"),
        ("Headingley", "GPE"),
        ("Leeds", "FAC"),
        ("London", "GPE"),
        ("Oval", "FAC"),
        ("Tunbridge Wells", "GPE"),
    ]
    assert all(RESULTS[m.start : m.end] == m.surface for m in found)


@pytest.mark.parametrize(
    "text",
    [
        # headings that are ordinary words, a line-up, a colon in prose
        "Scores: England 292-8 innings closed (N. Knight 113), Pakistan 185.",
        "Bowling: Wasim Akram 10-0-50-0, Waqar Younis 9-0-54-1.",
        "Scotland: Andrew Goram, Craig Burley, Thomas Boyd.",
        "The minister said: Parliament 2 years ago agreed.",
        # a name no gazetteer knows heading other copy
        "shares fell 4 percent. Reuters: Google 3 points behind.",
    ],
)
def test_a_colon_after_a_word_or_before_a_line_up_heads_no_result(text: str) -> None:
    assert venue_mentions("body", text) == []
