import pytest

from transforms.entities.company_cues import is_company_mention
from transforms.entities.mentions import Mention


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
        ("", "", False),
    ],
)
def test_shares_officers_and_deals_around_a_name_say_it_is_a_company(before: str, after: str, company: bool) -> None:
    mention = Mention("body", 30, 35, "Jones", "PERSON", before=before, after=after)
    assert is_company_mention(mention) is company


def test_a_dateline_is_no_company() -> None:
    assert not is_company_mention(Mention("body", 0, 5, "JONES", "GPE", is_dateline=True, after=" shares rose"))
