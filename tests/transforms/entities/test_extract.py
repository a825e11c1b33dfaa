import pytest

from transforms.entities.extract import article_mentions


def title_mentions(title: str, spans: list[tuple[int, int, str]]) -> list[str]:
    mentions = article_mentions({"title": title}, {"title": (title, spans)})
    return [m.surface for m in mentions]


@pytest.mark.parametrize(
    ("title", "spans", "surfaces"),
    [
        # a wire's topic slug names nothing; the names after it are names
        ("CURLING - SWEDEN TOP GROUP", [(0, 7, "ORG"), (10, 16, "GPE")], ["SWEDEN"]),
        ("ICE HOCKEY - OILERS WIN", [(0, 10, "ORG"), (13, 19, "ORG")], ["OILERS"]),
        # a slug that is a place is kept, and so is a headline that is not all caps
        ("PERU - TALKS RESUME", [(0, 4, "GPE")], ["PERU"]),
        ("Curling - Sweden top group", [(0, 7, "ORG")], ["Curling", "Sweden"]),
        # a clause before a dash is no slug: Reuters-21578 names its source after it
        ("CHINA'S WHEAT IMPORTS SEEN HIGHER - USDA", [(0, 5, "GPE")], ["CHINA"]),
        ("", [], []),
    ],
)
def test_a_headline_s_topic_slug_is_no_name(title: str, spans: list[tuple[int, int, str]], surfaces: list[str]) -> None:
    assert title_mentions(title, spans) == surfaces


def test_an_owner_named_alone_elsewhere_is_split_from_what_it_owns() -> None:
    body = "Zentrix's Cloud Services Group grew. Zentrix said so."
    mentions = article_mentions({"body": body}, {"body": (body, [(0, 30, "ORG"), (37, 44, "ORG")])})
    assert [m.surface for m in mentions] == ["Zentrix", "Cloud Services Group", "Zentrix"]
