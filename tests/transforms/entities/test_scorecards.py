from transforms.entities.extract import article_mentions
from transforms.entities.scorecards import scorecard_mentions

# A one-day scoreboard as staging stores it: the card's line breaks folded into spaces.
CARD = (
    "Scoreboard of the second one-day match on Saturday: Pakistan Saeed Anwar c Stewart b Gough 33 "
    "Moin Khan lbw b Mullally 0 Ijaz Ahmed b Croft 79 Mushtaq Ahmed not out 14 Extras (lb-2 nb-1) 3 "
    "Total (37.5 overs) 185 Fall of wickets: 1-1 2-6. Did not bat: Vaas, de Silva. "
    "Bowling: Gough 8-0-39-3, Mullally 6-0-30-1, Hollioake 6.5-1-23-4."
)


def found(text: str) -> list[tuple[str, str]]:
    players, _ = scorecard_mentions("body", text, text)
    return [(m.surface, m.label) for m in players]


def test_a_scorecard_s_fielders_bowlers_and_batsmen_are_people_and_its_side_a_country() -> None:
    assert found(CARD) == [
        ("Pakistan", "GPE"),
        ("Saeed Anwar", "PERSON"),
        ("Stewart", "PERSON"),
        ("Gough", "PERSON"),
        ("Moin Khan", "PERSON"),
        ("Mullally", "PERSON"),
        ("Ijaz Ahmed", "PERSON"),
        ("Croft", "PERSON"),
        ("Mushtaq Ahmed", "PERSON"),
        ("Vaas", "PERSON"),
        ("de Silva", "PERSON"),
        ("Gough", "PERSON"),
        ("Mullally", "PERSON"),
        ("Hollioake", "PERSON"),
    ]


def test_prose_with_a_stray_b_or_figures_is_no_scorecard() -> None:
    assert found("Plan b Smith 3 was dropped; the 1-0-2-1 vote went to Jones 1-0-2-1 in the end.") == []


def test_the_card_s_names_outrank_the_model_s_and_its_headings_name_nothing() -> None:
    # what the model reads: the bowler an organisation, the card's headings names
    spans = [(134, 139, "ORG"), (168, 174, "PERSON"), (189, 194, "ORG"), (311, 320, "ORG")]
    assert [CARD[s:e] for s, e, _ in spans] == ["Croft", "Extras", "Total", "Hollioake"]
    mentions = article_mentions({"body": CARD}, {"body": (CARD, spans)})
    by_surface = {m.surface: m.label for m in mentions}
    assert by_surface["Croft"] == "PERSON"
    assert by_surface["Hollioake"] == "PERSON"
    assert "Extras" not in by_surface
    assert "Total" not in by_surface
