from transforms.entities.extract import article_mentions
from transforms.entities.goal_scorers import scorer_mentions


def scorers(text: str) -> list[str]:
    return [m.surface for m in scorer_mentions("body", text, text)]


def test_players_named_with_the_minute_are_people() -> None:
    text = (
        "Scorers: Romania - Cosmin Contra (31st), Mihai Tararache (75th) Lithuania - Danius Gleveckas (13rd). "
        "Deportivo Coruna 1 (Corentine Martins, 22nd minute). Austria: Wohlfahrt, Dieter Ramusch (Andreas Ogris 77th)"
    )
    expected = ["Cosmin Contra", "Mihai Tararache", "Danius Gleveckas", "Corentine Martins", "Andreas Ogris"]
    assert scorers(text) == expected


def test_a_national_side_and_an_ordinal_without_a_name_or_minute_are_no_scorer() -> None:
    assert scorers("Spain (3rd) beat Italy. He came 21st in the 1996 race, the 5th minute of which") == []


def test_a_scorer_outranks_the_model_s_reading() -> None:
    text = "Scorers: Romania - Cosmin Contra (31st)"
    mentions = article_mentions({"body": text}, {"body": (text, [(19, 32, "ORG")])})
    assert sorted((m.surface, m.label) for m in mentions) == [("Cosmin Contra", "PERSON"), ("Romania", "GPE")]
