import pytest

from transforms.entities.extract import article_mentions
from transforms.entities.source_tags import source_mentions, source_name


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("Bush enforces new US diplomacy (AFP)", "AFP"),
        ("Nigerian army kills 24 Islamic militants near Cameroon border (AFP)", "AFP"),
        ("Oilers sign Smyth to one-year deal (Canadian Press)", "Canadian Press"),
        ("Microsoft readies new search engine (washingtonpost.com)", "washingtonpost.com"),
        ("Oil Hits $53 on Winter Worries (Reuters) ", "Reuters"),
        # a story's update number, a time zone, a bracket inside the headline, a lower-case aside
        ("US Files WTO Case Against Europe Over Airbus Aid (Update3)", None),
        ("Launch delayed to 10 a.m. (PDT)", None),
        ("Sony (SNE) profit rises", None),
        ("Red Sox win in 12 (and survived)", None),
        # HuffPost-style asides and kinds of content: no source
        ("Why Your Phone Is Slowing Down (And What To Do About It)", None),
        ("The Best Moments From The Oscars (PHOTOS)", None),
        ("Watch The Eclipse (Video)", None),
        ("Quake Rattles Tokyo (Japan)", None),
        ("Scores from the weekend (Sports Network)", "Sports Network"),
    ],
)
def test_a_headline_ends_with_its_source(title: str, source: str | None) -> None:
    span = source_name(title)
    assert (title[span[0] : span[1]] if span else None) == source


def test_the_source_is_an_organisation_in_the_headline_and_opening_the_text() -> None:
    fields = {
        "title": "Bush enforces new US diplomacy (AFP)",
        "body": "AFP - President George W. Bush enforced a new diplomacy.",
    }
    found = source_mentions(fields)
    assert [(m.field, m.surface, m.label) for m in found] == [("title", "AFP", "ORG"), ("body", "AFP", "ORG")]
    assert fields["title"][found[0].start : found[0].end] == "AFP"
    # the model's own reading of the source gives way to it
    mentions = article_mentions(fields, {"title": (fields["title"], [(32, 35, "GPE")])})
    assert [(m.surface, m.label) for m in mentions if m.field == "title"] == [("AFP", "ORG")]
