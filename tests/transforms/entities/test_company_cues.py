import pytest

from transforms.entities.company_cues import is_company_mention
from transforms.entities.mentions import Mention
from transforms.entities.resolve import resolve_article


@pytest.mark.parametrize(
    ("before", "after", "company"),
    [
        # Reuters and AG News business copy
        ("", " stock closed down 1/8 at 40", True),
        ("", "'s shares rose 5 percent", True),
        (" the third quarter. ", " shares dropped 5.9% to 20.7", True),
        ("a deal to buy out its stake in ", ".", True),
        ("", " chairman Augusto Lendoiro said", True),
        # words persons share: a spokesman, the verb `shares`, an office a person is named to
        ("", " spokesman Sergei Yastrzhembsky said", False),
        ("", " shares the lead at 12 under", False),
        ("the bank named ", " chief financial officer and head", False),
        # a person holds shares too; only shares that trade say a company
        ("", "'s shares in Apple", False),
        ("", "", False),
    ],
)
def test_shares_officers_and_deals_around_a_name_say_it_is_a_company(before: str, after: str, company: bool) -> None:
    mention = Mention("body", 30, 35, "Jones", "PERSON", before=before, after=after)
    assert is_company_mention(mention) is company


def test_a_dateline_is_no_company() -> None:
    assert not is_company_mention(Mention("body", 0, 5, "JONES", "GPE", is_dateline=True, after=" shares rose"))


@pytest.mark.parametrize(
    ("before", "after", "company"),
    [
        # a noun in apposition before the name, a newspaper's after it
        ("shares of printed packaging company ", " plunged", True),
        ("its own publisher, mineral water firm ", ", and", True),
        ("a report in the news weekly ", ", which said", True),
        ("the acquisition will beef up Markham, Ontario-based ", "'s North American", True),
        ("distribution chain Ruch SA, ", " daily said on Saturday", True),
        ("Spanish first division team ", " will be without", True),
        # nouns persons share
        ('under growing pressure," said broker ', ".", False),
        ("13 Going on 30 film-maker ", ".", False),
        ("on the aircraft carrier ", ", were", False),
    ],
)
def test_a_noun_in_apposition_says_a_name_is_a_body(before: str, after: str, company: bool) -> None:
    mention = Mention("body", 40, 45, "Jones", "PERSON", before=before, after=after)
    assert is_company_mention(mention) is company


def test_a_town_s_club_named_with_its_kind_is_an_organisation() -> None:
    resolved = resolve_article(
        [
            Mention("body", 0, 4, "Nice", "GPE", before="French first division side ", after=", the club"),
            Mention("body", 40, 44, "Nice", "GPE", before="who played for ", after=" and Paris"),
            Mention("body", 80, 85, "Paris", "GPE", before="the country's other side, ", after=" said"),
        ]
    )
    assert [r.entity_type for r in resolved] == ["organization", "organization", "location"]


def test_a_person_s_full_name_after_a_body_s_noun_opens_a_relative_clause_and_stays_a_person() -> None:
    # `the company Elon Musk bought`: the name is the clause's subject, not the company
    musk = Mention("body", 12, 21, "Elon Musk", "PERSON", before="the company ", after=" bought")
    assert not is_company_mention(musk)
    # `packaging company Cofinec`: one word in apposition is the company
    cofinec = Mention("body", 18, 25, "Cofinec", "PERSON", before="packaging company ", after=" said")
    assert is_company_mention(cofinec)
