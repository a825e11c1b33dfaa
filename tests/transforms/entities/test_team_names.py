import pytest

from transforms.entities.team_names import team_spans


def teams(text: str, spans: list[tuple[int, int, str]] | None = None) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in team_spans(text, spans or [])]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        # the model misses both, or reads the home apart from the nickname
        ("Ruben Sierra homered for a 5-4 victory over the Minnesota Twins.", "Minnesota Twins"),
        ("The Tigers blanked the Kansas City Royals 4-0.", "Kansas City Royals"),
        ("the Toronto Blue Jays won their fourth straight game", "Toronto Blue Jays"),
        ("as the Cardinals beat the Colorado Rockies 7-4.", "Colorado Rockies"),
    ],
)
def test_a_home_and_a_plural_nickname_after_the_are_one_team(text: str, team: str) -> None:
    assert teams(text) == [(team, "ORG")]


def test_the_model_s_spans_inside_the_team_give_way() -> None:
    text = "as the Florida Marlins beat the Cincinnati Reds 3-1"
    spans = [(7, 14, "GPE"), (15, 22, "PERSON"), (28, 47, "ORG")]
    assert teams(text, spans) == [("Florida Marlins", "ORG"), ("the Cincinnati Reds", "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        # a country, a landform, an event named after a place
        "the United States said",
        "the Faroe Islands voted",
        "at the Atlanta Games",
        "the Madrid Masters final",
        # a word of its own ending in s, an ordinary word some town bears, a small town's name borne by people
        "the Houston Texas office",
        "the North Africans",
        "the Liberal Democrats",
        "the Howard Hughes",
        # a longer name goes on after the nickname
        "the Ontario Securities Commission",
        # a home and a plural in a text that is no sports copy: an event, a landform
        "Candidates criss-crossed the state before the Iowa Caucuses on Monday.",
        "Security was tightened after the London Bombings.",
    ],
)
def test_no_team(text: str) -> None:
    assert teams(text) == []
