"""Records as known sources write them (HuffPost, NewsAPI, Guardian, NYT, Reddit) mapped to fields of text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.fields import MAPPABLE_FIELDS, map_fields


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
        "source_name": None,
    }


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (["Ann Lee", "Bo Ng"], "Ann Lee, Bo Ng"),  # a JSON author list
        ([{"name": "Ann Lee"}, {"name": "Bo Ng"}], "Ann Lee, Bo Ng"),  # schema.org-style author objects
        (3, "3"),  # AG News class numbers stay as given
        ("", None),  # HuffPost: `authors` empty in 105 records
        (None, None),
        ({"first": "Ann"}, None),  # an object with no text of its own is no text, never JSON
        ({"@type": "Person", "name": "Ann Lee"}, "Ann Lee"),  # a schema.org author object
        ({"original": "By Ann Lee and Bo Ng"}, "Ann Lee and Bo Ng"),  # NYT `byline`, its `By ` dropped
        ("by Ann Lee", "Ann Lee"),  # a byline column
    ],
)
def test_values_become_text(value, text):
    assert map_fields({"authors": value})["authors"] == text


def test_record_with_no_known_field_still_maps_to_all_fields():
    assert map_fields({"foo": "bar"}) == dict.fromkeys(MAPPABLE_FIELDS)


@pytest.mark.parametrize(
    ("record", "title", "body"),
    [
        # NewsAPI: `content` cut at about 200 characters with a marker, the source appended to the title
        (
            {
                "source": {"id": "bbc-news", "name": "BBC News"},
                "title": "Mali attack kills 53 - BBC News",
                "description": "Fifty-three soldiers and a civilian were killed in an attack on an army base.",
                "content": "Fifty-three soldiers were killed in an attack on a base in northern Mali… [+1524 chars]",
            },
            "Mali attack kills 53",
            "Fifty-three soldiers were killed in an attack on a base in northern Mali",
        ),
        # A marker without the ellipsis, and a title naming another source than the record's
        (
            {"source": {"name": "Reuters"}, "title": "Talks - what next", "content": "Talks resumed. [+12 chars]"},
            "Talks - what next",
            "Talks resumed.",
        ),
        # Content that is nothing but the marker: the description is the body
        ({"title": "T", "description": "The teaser.", "content": "[+2000 chars]"}, "T", "The teaser."),
        # A source name in another case, after an en dash
        ({"title": "Budget passed – the guardian", "source": "The Guardian", "text": "B"}, "Budget passed", "B"),
        # A title that is only the source's name stays
        ({"title": "Reuters", "source": "Reuters", "text": "B"}, "Reuters", "B"),
    ],
)
def test_newsapi_truncation_marker_and_source_suffix_are_dropped(record, title, body):
    fields = map_fields(record)
    assert (fields["title"], fields["body"]) == (title, body)


@given(st.text(max_size=200), st.integers(min_value=0, max_value=10**6), st.sampled_from(["…", "...", " …", ""]))
def test_any_truncated_content_loses_only_the_marker(text, cut, ellipsis):
    # NewsAPI `content` of any text
    body = map_fields({"content": f"{text}{ellipsis} [+{cut} chars]"})["body"]
    assert body is None or text.strip().startswith(body)
    assert body is not None or not any(character.isalnum() for character in text)


def test_a_full_text_column_beats_a_short_description():
    # NewsAPI `description` (a teaser) beside the article's text; HuffPost has `short_description` only
    record = {"description": "Teaser.", "short_description": "Shorter.", "Article Text": "The whole article."}
    assert map_fields(record)["body"] == "The whole article."
    assert map_fields({"short_description": "Shorter.", "abstract": "An abstract."})["body"] == "An abstract."


def test_guardian_api_result_is_read_one_level_into_fields():
    # Guardian Content API `show-fields=headline,byline,body,bodyText`: `body` is HTML, `bodyText` plain
    result = {
        "id": "world/2019/nov/04/mali-attack",
        "sectionName": "World news",
        "webPublicationDate": "2019-11-04T06:45:00Z",
        "webTitle": "Mali attack",
        "webUrl": "https://www.theguardian.com/world/2019/nov/04/mali-attack",
        "fields": {"headline": "Mali attack", "byline": "Jason Burke", "body": "<p>Text.</p>", "bodyText": "Text."},
    }
    assert map_fields(result) == {
        "title": "Mali attack",
        "body": "Text.",
        "url": "https://www.theguardian.com/world/2019/nov/04/mali-attack",
        "published_raw": "2019-11-04T06:45:00Z",
        "category": "World news",
        "authors": "Jason Burke",
        "external_id": "world/2019/nov/04/mali-attack",
        "source_name": None,
    }


def test_nyt_archive_objects_give_their_own_text_never_json():
    # NYT Archive API doc: `headline` and `byline` are objects; `_id` a URI; `source` the paper
    doc = {
        "abstract": "Soldiers were killed.",
        "web_url": "https://www.nytimes.com/2019/11/04/world/africa/mali-attack.html",
        "lead_paragraph": "BAMAKO, Mali - Fifty-three soldiers were killed.",
        "source": "The New York Times",
        "headline": {"main": "Attack Kills 53 in Mali", "kicker": None, "print_headline": "53 Die"},
        "pub_date": "2019-11-04T06:45:00+0000",
        "news_desk": "Foreign",
        "section_name": "World",
        "byline": {"original": "By Ruth Maclean", "person": [{"firstname": "Ruth"}]},
        "_id": "nyt://article/1",
    }
    fields = map_fields(doc)
    assert (fields["title"], fields["body"], fields["authors"], fields["category"]) == (
        "Attack Kills 53 in Mali",
        "Soldiers were killed.",
        "Ruth Maclean",
        "World",
    )
    assert (fields["published_raw"], fields["source_name"]) == ("2019-11-04T06:45:00+0000", "The New York Times")


def test_an_object_under_a_field_name_without_text_of_its_own_is_looked_into():
    # Reddit's API: each post is `{"kind": "t3", "data": {...}}`, and `data` is also Portuguese for date
    fields = map_fields({"kind": "t3", "data": {"title": "T", "selftext": "x", "url": "https://r.example/1"}})
    assert (fields["title"], fields["url"], fields["published_raw"]) == ("T", "https://r.example/1", None)


def test_an_object_that_is_a_field_is_not_looked_into():
    # NewsAPI: `source: {"id": "bbc-news", "name": ...}`; its `id` is the outlet's, not the article's
    record = {"source": {"id": "bbc-news", "name": "BBC News"}, "title": "T", "url": "https://bbc.co.uk/1"}
    fields = map_fields(record)
    assert (fields["source_name"], fields["external_id"]) == ("BBC News", None)
