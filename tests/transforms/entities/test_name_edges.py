import pytest

from transforms.entities.mentions import span_mentions
from transforms.entities.name_edges import name_edges
from transforms.entities.results_tables import table_mentions


def _names(text: str, label: str = "ORG") -> list[str]:
    return [m.surface for m in span_mentions("body", text, text, 0, len(text), label)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a fixture list with its line breaks folded: the next line's date runs into the name
        ("May 18 v Worcestershire May 20 v Durham May 22 First one-day", ["Worcestershire", "Durham", "First"]),
        ("July 9 v Minor Counties XI July 12 v Scotland", ["Minor Counties XI", "Scotland"]),
        ("Surrey v Kent Saturday 14", ["Surrey", "Kent"]),
        # a month opening a name after `the`, an abbreviated month anywhere
        ("The August Chicago NAPM rose 8.8 points", ["Chicago NAPM"]),
        ("the September Federal Reserve meeting", ["Federal Reserve"]),
        ("Sept Brent crude", ["Brent"]),
        # a division's heading run into the club before or after it
        ("Queens Park Rangers v Bolton Division two Blackpool 0", ["Queens Park Rangers", "Bolton", "Blackpool"]),
        ("Division A Hajduk 2 Proleter 0", ["Hajduk", "Proleter"]),
        ("Lewis University of Division II was put on probation", ["Lewis University"]),
    ],
)
def test_dates_and_tiers_at_a_names_edges_are_cut(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # months and `Division` that belong to the name
        ("Theresa May said", ["Theresa May"]),
        ("beat Jan Kroslak ( Slovakia )", ["Jan Kroslak", "Slovakia"]),
        ("August Wilson wrote", ["August Wilson"]),
        ("June Carter sang", ["June Carter"]),
        ("won the Nationwide Division title", ["Nationwide Division"]),
        ("Mark Dornford-May directed", ["Mark Dornford-May"]),
        # a person's name ending in a month before a number; a month-named firm; abbreviations that are names
        ("Theresa May 10 days after the vote", ["Theresa May"]),
        ("the May Department Stores Co said", ["May Department Stores Co"]),
        ("Senator Mar Roxas said", ["Mar Roxas"]),
        ("Dec Alpha servers", ["Dec Alpha"]),
    ],
)
def test_names_holding_a_month_or_a_division_are_kept(text: str, names: list[str]) -> None:
    assert _names(text, "PERSON") == names


def test_a_lone_date_or_heading_is_no_name() -> None:
    text = "Division three Albion 2 Cowdenbeath 0 played Saturday 31 August"
    assert name_edges(text, 0, len("Division")) == (0, 0)
    start = text.index("Saturday")
    assert name_edges(text, start, start + len("Saturday"))[1] == start


def test_results_table_rows_lose_the_next_lines_date() -> None:
    text = (
        "May 15 v Duke of Norfolk XI May 17 v Northampton May 18 v Worcestershire May 20 v Durham "
        "May 22 First one-day international"
    )
    rows = [m.surface for m in table_mentions("body", text, text, [])]
    assert "Northampton" in rows and "Worcestershire" in rows and "Durham" in rows
    assert not any(row.endswith(" May") for row in rows)
