import pytest

from transforms.parse.fields import MAPPABLE_FIELDS, map_fields, parse_mapping


def test_huffpost_names_are_recognised():
    # HuffPost News Category: link, headline, category, short_description, authors, date
    record = {
        "link": "https://www.huffpost.com/entry/x",
        "headline": "Headline",
        "category": "U.S. NEWS",
        "short_description": "Short text.",
        "authors": "Carla K. Johnson, AP",
        "date": "2022-09-23",
    }
    assert map_fields(record) == {
        "title": "Headline",
        "body": "Short text.",
        "url": "https://www.huffpost.com/entry/x",
        "published_raw": "2022-09-23",
        "category": "U.S. NEWS",
        "authors": "Carla K. Johnson, AP",
        "external_id": None,
    }


def test_names_match_whatever_their_case_and_the_first_non_empty_body_wins():
    # A Kaggle-style export: capitalised names, an empty `Text`, the article in `Content`
    record = {"Title": "T", "Text": " ", "Content": "The body", "pubDate": "Tue, 10 Jun 2003", "GUID": 7}
    fields = map_fields(record)
    assert (fields["title"], fields["body"], fields["published_raw"], fields["external_id"]) == (
        "T",
        "The body",
        "Tue, 10 Jun 2003",
        "7",
    )


def test_explicit_mapping_overrides_the_common_names():
    record = {"title": "auto", "summary_line": "mapped", "body": "auto body"}
    fields = map_fields(record, {"title": "summary_line", "body": "Missing"})
    assert fields["title"] == "mapped"
    assert fields["body"] is None  # a mapped column the record lacks is missing, not replaced by a guess


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (["Ann Lee", "Bo Ng"], "Ann Lee, Bo Ng"),  # a JSON author list
        ([{"name": "Ann Lee"}, {"name": "Bo Ng"}], "Ann Lee, Bo Ng"),  # schema.org-style author objects
        (3, "3"),  # AG News class numbers stay as given
        ("", None),  # HuffPost: `authors` empty in 105 records
        (None, None),
        ({"first": "Ann"}, '{"first": "Ann"}'),  # anything else, kept readable
    ],
)
def test_values_become_text(value, text):
    assert map_fields({"authors": value})["authors"] == text


def test_record_with_no_known_field_still_maps_to_all_fields():
    assert map_fields({"foo": "bar"}) == dict.fromkeys(MAPPABLE_FIELDS)


def test_command_line_pairs_become_a_mapping():
    assert parse_mapping(["title=headline", " body = short_description "]) == {
        "title": "headline",
        "body": "short_description",
    }


@pytest.mark.parametrize("pair", ["title", "=headline", "title=", "heading=headline"])
def test_bad_pairs_are_refused_with_the_pair_named(pair):
    with pytest.raises(ValueError, match="--map"):
        parse_mapping([pair])
