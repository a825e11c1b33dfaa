import pytest

from transforms.entities.mentions import Mention
from transforms.entities.sports_teams import is_county, is_team_mention


def mention(surface: str, before: str = "", after: str = "", *, is_dateline: bool = False) -> Mention:
    return Mention("body", 0, len(surface), surface, "GPE", is_dateline, before, after)


@pytest.mark.parametrize(
    ("before", "surface", "after"),
    [
        # a role of the club's people after the name
        ("", "Leeds", " manager Howard Wilkinson said"),
        ("said ", "Yorkshire", "'s captain, who"),
        # a result, with the verb or with the score
        ("", "Lancashire", " beat Essex by six wickets"),
        ("", "Ottawa", " 4 Montreal 2 ( overtime )"),
        ("", "Lyon", " 2-1 at half-time"),
        ("Rangers ", "Dundee", " won 3-0 on Saturday"),
        ("Everton 3, ", "Stoke", " 1"),
        ("the Giants routed ", "Denver", " on Sunday"),
        ("who once played for ", "Marseille", " and"),
        # the side a result was over or against, a transfer's club
        ("their side's 75-19 victory over ", "Gloucester", "."),
        ("after Nice's home defeat to ", "Guingamp", " 2-1"),
        ("Lentini, transferred to ", "Milan", " in 1992"),
        # either side of a fixture
        ("Postponed: Walsall v ", "Wrexham", ". Division three"),
        ("Playing Sunday: ", "Birmingham", " v Barnsley, Manchester City v Charlton"),
        ("Saturday: Sheffield Wednesday vs. ", "Bolton", "."),
    ],
)
def test_a_place_named_as_a_team(before: str, surface: str, after: str) -> None:
    assert is_team_mention(mention(surface, before, after))


@pytest.mark.parametrize(
    ("before", "surface", "after"),
    [
        ("", "Tokyo", " edged higher on Friday"),
        ("", "Washington", " beat back the proposal"),
        # what a town or its people do is no team's
        ("", "Texas", " beat expectations"),
        ("", "Chicago", " fans of jazz gathered"),
        ("talks held on May 3 ", "Geneva", " were"),
        # cities join and lead each other in political and market news
        ("Paris joined ", "Berlin", " in condemning the attack"),
        ("London extended its lead over ", "Frankfurt", " as a trading centre"),
        # the venue of a game, and a town's dateline
        ("Spain beat Malta in ", "Valletta", " 3-2"),
        ("a flight to ", "Rome", " on Monday"),
        # a word starting with `v` is no fixture
        ("", "Boston", " via New York"),
        ("the road from Dover ", "Calais", " visitors took"),
        # a court case cites its parties with `v.`
        ("the Supreme Court's ruling in Kansas v. ", "Glover", " last year"),
        ("", "Miranda", " v. Arizona requires"),
        ("", "", ""),
    ],
)
def test_a_place_named_as_a_place(before: str, surface: str, after: str) -> None:
    assert not is_team_mention(mention(surface, before, after))


def test_a_dateline_s_town_is_a_place() -> None:
    assert not is_team_mention(mention("LEEDS", "", " 4 Bolton 1", is_dateline=True))


@pytest.mark.parametrize(
    ("name", "county"),
    [("Derbyshire", True), ("Kent", True), ("Yorkshire", True), ("Hampshire", True), ("Leeds", False)],
)
def test_a_county_is_a_second_level_region_or_a_shire(name: str, county: bool) -> None:
    assert is_county(name) is county
