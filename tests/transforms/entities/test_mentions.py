import pytest

from transforms.entities.mentions import Mention, country_mentions, span_mentions, trimmed
from transforms.entities.results_tables import list_mentions, table_mentions


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("the Federal Reserve", "Federal Reserve"),
        ("Mali's", "Mali"),
        ("Barkhane's", "Barkhane"),
        ('"Sahel', "Sahel"),
        # `Northern Mali` names Mali, while North Korea is a country of its own
        ("Northern Mali", "Mali"),
        ("North Korea", "North Korea"),
        # a region named with a direction is the region, not the country in its name; a demonym loses it
        ("Northern Ireland", "Northern Ireland"),
        ("NORTHERN IRELAND", "NORTHERN IRELAND"),
        ("West German", "German"),
        # a lower-case word the model ran into the name
        ("defeats Bailey", "Bailey"),
        ("Danie van Schalkwyk", "Danie van Schalkwyk"),
    ],
)
def test_mentions_are_trimmed_to_the_name(text: str, surface: str) -> None:
    mention = trimmed("body", text, 0, len(text), "ORG")
    assert mention is not None
    assert (mention.surface, text[mention.start : mention.end]) == (surface, surface)


@pytest.mark.parametrize("text", ["jihadist", "the", "'s", ""])
def test_spans_without_a_name_are_dropped(text: str) -> None:
    assert trimmed("body", text, 0, len(text), "NORP") is None


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a results table read as one span
        ("Newport 29 Caerphilly 10 Swansea 49 Cardiff", ["Newport", "Caerphilly", "Swansea", "Cardiff"]),
        # a CoNLL headline and a place with its country in brackets
        ("CRICKET - LEICESTERSHIRE", ["CRICKET", "LEICESTERSHIRE"]),
        ("Oval (London", ["Oval", "London"]),
        ("Yorkshire at Headingley", ["Yorkshire", "Headingley"]),
        ("Bank of England", ["Bank of England"]),
        # a wire's signoff: an international telephone number is no part of the newsroom's name
        ("Dublin Newsroom +353 1 676 9779", ["Dublin Newsroom"]),
    ],
)
def test_spans_are_split_where_a_name_cannot_go_on(text: str, surfaces: list[str]) -> None:
    found = span_mentions("body", text, text, 0, len(text), "ORG")
    assert [m.surface for m in found] == surfaces
    assert all(text[m.start : m.end] == m.surface for m in found)


def test_country_names_the_model_missed_are_found_standing_alone() -> None:
    text = "Red Star (Yugoslavia) beat Dinamo (Russia) in New Jersey, with Chad Smith; Mali won."
    found = country_mentions("body", text, taken=[(0, 8)])
    assert [m.surface for m in found] == ["Yugoslavia", "Russia", "Mali"]
    assert {m.label for m in found} == {"GPE"}


def test_rows_of_a_results_table_are_teams_or_people() -> None:
    # CoNLL-2003 standings and a cricket scorecard, with their line breaks folded into spaces
    text = "Division one Stoke 4 3 1 0 Barnsley 3 3 0 0 Queens Park Rangers 3 2 1 0 P. Simmons 4-38 Russia 2 1"
    found = table_mentions("body", text, text, spans=[])
    assert [(m.surface, m.label) for m in found] == [
        ("Stoke", "ORG"),
        ("Barnsley", "ORG"),
        ("Queens Park Rangers", "ORG"),
        ("P. Simmons", "PERSON"),
        ("Russia", "GPE"),
    ]


def test_a_county_heading_a_row_is_its_side_though_the_model_reads_a_person() -> None:
    # County cricket scores: the model reads the counties as people, and a batsman as one too.
    text = "Close of play: Essex 310 and 42-1 Somerset 201 Kent 188-6 Surrey 299 Jon Reed 87"
    somerset, reed = text.index("Somerset"), text.index("Jon Reed")
    spans = [(somerset, somerset + 8, "PERSON"), (reed, reed + 8, "PERSON")]
    found = {m.surface: m.label for m in table_mentions("body", text, text, spans)}
    assert found == {"Essex": "ORG", "Somerset": "ORG", "Kent": "ORG", "Surrey": "ORG", "Jon Reed": "PERSON"}
    # Surnames that some country's municipalities bear stay people (a golf leaderboard).
    text = "Leading scores: Garcia 68 Lopez 70 Santos 71 Murray 72 Young 73"
    spans = [
        (text.index(n), text.index(n) + len(n), "PERSON") for n in ("Garcia", "Lopez", "Santos", "Murray", "Young")
    ]
    assert {m.label for m in table_mentions("body", text, text, spans)} == {"PERSON"}


def test_a_one_word_name_read_as_a_person_in_a_table_of_teams_is_a_team() -> None:
    # Scottish league results: the model reads two clubs as people, the other rows as places or bodies
    text = "Division two Livingston 1 Hamilton 0 Stenhousemuir 0 Stranraer 1 Berwick 2 Clyde 2 Greenock Morton 3"
    people = ("Stenhousemuir", "Berwick", "Greenock Morton")
    spans = [(text.index(n), text.index(n) + len(n), "PERSON") for n in people]
    found = {m.surface: m.label for m in table_mentions("body", text, text, spans)}
    assert found["Stenhousemuir"] == "ORG" and found["Berwick"] == "ORG" and found["Livingston"] == "ORG"
    # a name of several words the model reads as a person stays one: a full name is a person's in any table
    assert found["Greenock Morton"] == "PERSON"


def test_a_name_followed_by_a_number_in_prose_is_no_table() -> None:
    text = "Windows 95 and Boeing 747 flew to Mali."
    assert table_mentions("body", text, text, spans=[]) == []


def test_line_ups_and_competitors_are_people() -> None:
    text = (
        "15 - Andre Joubert , 14 - Justin Swart , 13 - Japie Mulder ( Joel Stransky , 48 mins ) Red Star (Yugoslavia)"
    )
    found = list_mentions("body", text, text, spans=[(85, 93, "ORG")])
    assert [(m.surface, m.label) for m in found] == [
        ("Andre Joubert", "PERSON"),
        ("Justin Swart", "PERSON"),
        ("Japie Mulder", "PERSON"),
        ("Red Star", "ORG"),
    ]
    assert found[0] == Mention("body", 5, 18, "Andre Joubert", "PERSON")


def test_a_competitor_with_an_individual_result_is_a_person_whatever_the_model_said() -> None:
    # A results list (a women's 1,500 metres; a basketball round): the model read two runners as organisations.
    text = (
        "1. Joan Parry (Ireland) 4:05.11 2. Mira Holt (Sweden) 4:06.20 3. Ana Ruiz (Spain) 4:07.01 "
        "4. Kim Doyle (Canada) 4:07.90 Green Lions (Austria) 81 Blue Stars (Poland) 77"
    )
    holt, doyle, stars = text.index("Mira Holt"), text.index("Kim Doyle"), text.index("Blue Stars")
    spans = [(holt, holt + 9, "ORG"), (doyle, doyle + 9, "ORG"), (stars, stars + 10, "ORG")]
    found = {m.surface: m.label for m in list_mentions("body", text, text, spans)}
    assert found["Mira Holt"] == found["Kim Doyle"] == found["Joan Parry"] == "PERSON"
    assert found["Blue Stars"] == "ORG"  # a team's score, not an individual's result


def test_mentions_carry_what_follows_them_for_rules_that_read_it() -> None:
    text = "an armed base in Indelimane, the northeast of the country, near the border with Niger, said the army"
    start = text.index("Indelimane")
    found = trimmed("body", text, start, start + len("Indelimane"), "GPE")
    assert (
        found is not None and found.after == ", the northeast of the country, near the border with Niger, "
    )  # 60 characters
    assert found.before == "an armed base in "
    [niger] = country_mentions("body", text, taken=[(start, start + 10)])
    assert (niger.surface, niger.after) == ("Niger", ", said the army")


def test_a_place_in_capitals_is_split_from_a_name_only_where_a_byline_opens_the_text() -> None:
    opening = "Ann Lowe WASHINGTON The Senate voted."
    assert [(m.surface, m.label) for m in span_mentions("body", opening, opening, 0, 19, "PERSON")] == [
        ("Ann Lowe", "PERSON"),
        ("WASHINGTON", "GPE"),
    ]
    # Further on, capitals open a body's name.
    text = "Sales of USA Today rose."
    start = text.index("USA")
    assert [m.surface for m in span_mentions("body", text, text, start, start + 9, "ORG")] == ["USA Today"]
