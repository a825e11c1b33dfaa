import pytest

from transforms.entities.context_country import context_country, main_country
from transforms.entities.mentions import Mention


def place(after: str) -> Mention:
    return Mention("body", 0, 10, "Indelimane", "GPE", after=after)


@pytest.mark.parametrize(
    ("after", "code"),
    [
        # AFP and Reuters place a village the way an address does: the place, then its country.
        (", Mali, last week", "ML"),
        (" in northern Mali.", "ML"),
        (", northeastern Mali, and", "ML"),
        (", in the north of Burkina Faso", "BF"),
        # AP places a US town by its state, often abbreviated: the state says the country.
        (", Calif. - Fans", "US"),
        (", Texas, where", "US"),
        # A capitalised word after a country is no part of it.
        (", Mali The army said", "ML"),
        # What follows is no country: a neighbouring place, a region, nothing.
        (", near the border", None),
        (", Gao and Timbuktu", None),
        (" in the Menaka region", None),
        # Letters that abbreviate a state only with their dot.
        (", LA officials", None),
        ("", None),
    ],
)
def test_a_country_named_right_after_the_place(after: str, code: str | None) -> None:
    assert context_country([place(after)], near={}) == code


@pytest.mark.parametrize(
    "after",
    [", the northeast of the country, near", ", in the centre of the country", " in the country's far north"],
)
def test_the_country_is_the_one_the_story_is_about(after: str) -> None:
    assert context_country([place(after)], near={"ML": 106, "NE": 2}) == "ML"
    # a story about two countries says nothing about which `the country` is
    assert context_country([place(after)], near={"ML": 3, "FR": 3}) is None
    assert context_country([place(after)], near={}) is None


def test_any_mention_of_the_place_may_say_its_country() -> None:
    mentions = [place(" was attacked."), place(", northeastern Niger, is remote")]
    assert context_country(mentions, near={"ML": 5}) == "NE"


@pytest.mark.parametrize(
    ("near", "main"),
    [
        ({"ML": 106, "FR": 4}, "ML"),  # a dateline's country outweighs the rest
        ({"ML": 4, "FR": 2}, "ML"),  # twice the next one's mentions
        ({"ML": 3, "FR": 2}, None),  # a story about both
        ({"ML": 1}, "ML"),
        ({}, None),
    ],
)
def test_the_main_country_clearly_leads_the_others(near: dict[str, float], main: str | None) -> None:
    assert main_country(near) == main
