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


@pytest.mark.parametrize(
    ("place_name", "after", "code"),
    [
        # A name that is one of a list of places says nothing of the place before it.
        ("Paris", ", Washington and London agreed", None),
        ("Moscow", ", Washington and Beijing", None),
        ("Gao", ", Mali and Niamey", None),
        ("Dallas", ", Texas, Oklahoma and Kansas", None),
        # ... but an AP state abbreviation always is the place's state.
        ("Alexandria", ", Va., and Fairfax", "US"),
        # A state's name whose own reading is a big city is no state.
        ("Paris", ", Washington, said", None),
        ("Paris", ", New York, said", None),
        ("Paris", ", Texas, where", "US"),
        # Georgia, the country or the state: the one with a place of the name.
        ("Athens", ", Georgia, where", "US"),
        ("Gori", ", Georgia, where", "GE"),
        ("Indelimane", ", Georgia, where", "GE"),
        # Another country's region, when only one country has a region of the name.
        ("London", ", Ontario, said", "CA"),
        ("Lahore", ", Punjab, said", None),
        # A county names its country too.
        ("Maidstone", ", Kent, said", "GB"),
    ],
)
def test_a_name_after_a_place_in_text(place_name: str, after: str, code: str | None) -> None:
    mention = Mention("body", 0, len(place_name), place_name, "GPE", after=after)
    assert context_country([mention], near={}) == code
