from transforms.entities.mentions import Mention
from transforms.entities.possessives import split_possessives


def split(body: str, surface: str, label: str = "ORG") -> list[tuple[str, str]]:
    start = body.index(surface)
    mentions = [Mention("body", start, start + len(surface), surface, label)]
    return [(m.surface, m.label) for m in split_possessives({"body": body}, mentions)]


def test_an_owner_the_article_names_alone_is_a_name_of_its_own() -> None:
    body = "Zentrix's Cloud Services Group grew. Zentrix said so."
    assert split(body, "Zentrix's Cloud Services Group") == [("Zentrix", "ORG"), ("Cloud Services Group", "ORG")]


def test_the_owner_takes_the_label_the_model_gave_it_alone() -> None:
    body = "Ms Okafor said so. Okafor's Lagos Holdings grew."
    start = body.index("Okafor's")
    mentions = [
        Mention("body", 3, 9, "Okafor", "PERSON"),
        Mention("body", start, start + len("Okafor's Lagos Holdings"), "Okafor's Lagos Holdings", "ORG"),
    ]
    found = [(m.surface, m.label) for m in split_possessives({"body": body}, mentions)]
    assert found == [("Okafor", "PERSON"), ("Okafor", "PERSON"), ("Lagos Holdings", "ORG")]


def test_a_possessive_name_stays_whole_where_the_owner_is_never_written_alone() -> None:
    # `King` is written only in the possessive or as part of a longer name
    body = "King's Lynn won. King's Lynn lost to King Edward School."
    assert split(body, "King's Lynn") == [("King's Lynn", "ORG")]


def test_no_mentions() -> None:
    assert split_possessives({"body": ""}, []) == []
