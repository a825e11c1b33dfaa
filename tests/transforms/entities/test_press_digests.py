import pytest

from transforms.entities.extract import article_mentions
from transforms.entities.press_digests import is_press_digest, newspaper_mentions

# A Reuters press digest as staging stores it, its line breaks folded into spaces.
DIGEST = (
    "Following is a summary of major stories in leading newspapers , prepared by Reuters in Nairobi . "
    "Reuters has not checked the stories . - - - - DAILY NATION Kenya 's President Daniel arap Moi has asked "
    "donors to resume aid . - - - - EAST AFRICAN STANDARD The Kenya Ports Authority ( KPA ) said on Tuesday "
    "that exports rose . THE PEOPLE - Opposition leaders met in Mombasa . NATO said so ."
)


def test_the_papers_heading_a_digest_s_items_are_organisations() -> None:
    found = newspaper_mentions("body", DIGEST)
    assert [(m.surface, m.label) for m in found] == [
        ("DAILY NATION", "ORG"),
        ("EAST AFRICAN STANDARD", "ORG"),
        ("THE PEOPLE", "ORG"),
    ]
    assert all(DIGEST[m.start : m.end] == m.surface for m in found)


@pytest.mark.parametrize(
    "text",
    [
        # a dateline, an abbreviation in brackets or opening a sentence, a sentence in capitals
        "NAIROBI 1996-08-30 The shilling rose .",
        "The Kenya Ports Authority ( KPA ) said . KPA Chairman spoke .",
        "THE SHILLING ROSE ON TUESDAY .",
    ],
)
def test_capitals_that_head_no_item_are_no_newspaper(text: str) -> None:
    assert newspaper_mentions("body", text) == []


def test_only_a_digest_s_body_is_read_for_newspapers() -> None:
    assert is_press_digest("PRESS DIGEST - Kenya - Sept 3 .")
    assert is_press_digest("Press digest - Bulgaria")
    assert not is_press_digest("Kenya press freedom under threat")
    for title, papers in (("PRESS DIGEST - Kenya - Sept 3 .", ["DAILY NATION"]), ("Kenya aid talks", [])):
        body = "- - - - DAILY NATION Kenya 's President spoke ."
        mentions = article_mentions({"title": title, "body": body}, {"body": (body, [])})
        assert [m.surface for m in mentions if m.label == "ORG"] == papers
