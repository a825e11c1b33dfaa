import pytest

from transforms.entities.name_kinds import (
    is_body_name,
    is_event_name,
    is_facility_name,
    is_market_index,
    is_misspelt_month,
    is_time_zone,
)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        # Bodies named after the places they serve (Reuters, AFP, BBC usage).
        ("African Union", True),
        ("Sahel Alliance", True),
        ("Arab League", True),
        ("Kenya Airways", True),
        ("Gulf Cooperation Council", True),
        ("Ivory Coast Football Federation", True),
        # Sports clubs named after their towns, which the model reads as people or places.
        ("Leeds United", True),
        ("Bristol Rovers", True),
        ("Wigan Athletic", True),
        ("Stoke City", False),
        # A wire's signoff names its newsroom (`-- Warsaw Newsroom +48 22 653 9700`), which the model reads as a person.
        ("Warsaw Newsroom", True),
        # Leagues that are bodies, and leagues that are competitions.
        ("Awami League", True),
        ("National League for Democracy", False),
        ("American League", False),
        ("Champions League", False),
        # Places whose last word also heads bodies' names, or that a compass word makes a region.
        ("West Bank", False),
        ("Mexico City", False),
        ("Western Front", False),
        ("Dominican Republic", False),
        # One word is no body's name on its own.
        ("Union", False),
        ("Sahel", False),
        ("", False),
    ],
)
def test_bodies_are_named_by_their_head_noun(name: str, body: bool) -> None:
    assert is_body_name(name) is body


@pytest.mark.parametrize(
    ("word", "month"),
    [
        # Misspellings seen in wire copy and user-written articles.
        ("Feburary", True),
        ("Febuary", True),
        ("Septmber", True),
        ("Novmber", True),
        ("Janury", True),
        ("FEBURARY", True),
        # The months themselves, in any case, are dates the model usually knows.
        ("February", False),
        ("NOVEMBER", False),
        # Names that look like months: a month with letters added, and names near a month.
        ("Augusta", False),
        ("Augustine", False),
        ("Octavia", False),
        ("Marcus", False),
        ("Decker", False),
        ("November Group", False),
        ("", False),
    ],
)
def test_misspelt_months(word: str, month: bool) -> None:
    assert is_misspelt_month(word) is month


@pytest.mark.parametrize(
    "surface",
    [
        "Davis Cup",
        "US Masters",
        "Venice Film Festival",
        "Boxing Day",
        "ICC TROPHY",
        "Hong Kong Open",
        "American League",
        "Major League Baseball",
        "English National League",
        "Champions League",
    ],
)
def test_names_of_events(surface: str) -> None:
    assert is_event_name(surface)


@pytest.mark.parametrize(
    "surface",
    ["Cup", "Arab League", "Rockstar Games", "United Nations", "Tour Operators", "Open University", "Muslim League"],
)
def test_names_that_are_no_events(surface: str) -> None:
    assert not is_event_name(surface)


@pytest.mark.parametrize(
    ("surface", "event"),
    [("Italian Grand Prix", True), ("British Open", True), ("Doris Day", False), ("Davis Cup", False)],
)
def test_events_whose_last_word_is_nobodys_surname(surface: str, event: bool) -> None:
    assert is_event_name(surface, even_for_a_person=True) is event


@pytest.mark.parametrize(("surface", "zone"), [("GMT", True), ("EDT", True), ("GM", False), ("Gmt", False)])
def test_time_zones(surface: str, zone: bool) -> None:
    assert is_time_zone(surface) is zone


@pytest.mark.parametrize(
    ("surface", "facility"),
    [
        ("Abbey Road", True),
        ("Hoover Dam", True),
        ("Wembley Stadium", True),
        ("PENNSYLVANIA AVENUE", True),
        ("Road", False),
        ("Random House", False),
        ("", False),
    ],
)
def test_names_of_streets_buildings_and_works(surface: str, facility: bool) -> None:
    assert is_facility_name(surface) is facility


@pytest.mark.parametrize(
    ("surface", "index"),
    [
        ("Dow Jones", True),
        ("NY Dow", True),
        ("FTSE 100", True),
        ("Nikkei", True),
        ("CAC-40", True),
        ("Hang Seng", True),
        # the publisher and the exchange are bodies
        ("Dow Jones & Co", False),
        ("Dow Chemical", False),
        ("Nasdaq", False),
    ],
)
def test_market_indices(surface: str, index: bool) -> None:
    assert is_market_index(surface) is index


@pytest.mark.parametrize(
    ("surface", "after", "index"),
    [
        ("Nikkei", " rose 1.2 percent", True),
        ("Dow Jones", " industrial average fell", True),
        # Reuters' standard phrase for the newspaper; the publisher speaking
        ("Nikkei", " business daily reported on Tuesday", False),
        ("Dow Jones", " said in a statement", False),
    ],
)
def test_a_market_index_s_name_followed_by_what_a_publisher_does_is_the_publisher(
    surface: str, after: str, index: bool
) -> None:
    assert is_market_index(surface, after) is index
