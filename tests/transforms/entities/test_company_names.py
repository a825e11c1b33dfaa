import pytest

from transforms.entities.company_names import company_spans, is_company_name, name_end
from transforms.entities.extract import article_mentions
from transforms.entities.mentions import span_mentions


@pytest.mark.parametrize("surface", ["Acme Widgets Inc.", "Marks and Spencer plc", "Siemens AG", "Tata Motors Ltd"])
def test_a_legal_form_makes_a_company_s_name(surface: str) -> None:
    assert is_company_name(surface)


@pytest.mark.parametrize("surface", ["Inc", "Acme", "Corpus Christi", "Co Antrim"])
def test_names_without_a_legal_form(surface: str) -> None:
    assert not is_company_name(surface)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a span run on past the suffix, into a headline's word or a place
        ("Acme Widgets Inc Q3", "Acme Widgets Inc"),
        ("Nordic Paper Corp. of Oslo", "Nordic Paper Corp."),
        # a suffix followed by another suffix is one name, and an Irish county goes on after `Co`
        ("Smith & Co Inc", "Smith & Co Inc"),
        ("Co Antrim", "Co Antrim"),
        ("", ""),
    ],
)
def test_a_company_s_suffix_ends_its_name(text: str, name: str) -> None:
    assert text[: name_end(text, 0, len(text))] == name


def test_a_model_span_run_on_past_a_suffix_is_cut() -> None:
    text = "Acme Widgets Inc Q3 loss"
    assert [m.surface for m in span_mentions("title", text, text, 0, 19, "ORG")] == ["Acme Widgets Inc"]


def test_companies_written_with_their_suffix() -> None:
    text = "The Nordic Paper Corp rose. In June.\nCo-founders of Bank of Foo Holdings Ltd met. Smith & Co"
    assert [text[s:e] for s, e in company_spans(text)] == ["Nordic Paper Corp", "Smith & Co"]


def test_a_company_the_model_missed_is_an_organisation_s_mention() -> None:
    text = "Figures for Zorbex Plastics Corp were given."
    mentions = article_mentions({"body": text}, {"body": (text, [])})
    assert [(m.surface, m.label) for m in mentions] == [("Zorbex Plastics Corp", "ORG")]
