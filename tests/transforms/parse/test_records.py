import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.records import decode_records, natural_key, pick_source_name, record_from_fields
from transforms.schema import RAW_ARTICLES


@pytest.mark.parametrize(
    ("url", "external_id", "key"),
    [
        ("https://x.com/a", "17", "https://x.com/a"),  # a URL is the key, whatever else the record has
        ("https://x.com/a?utm_source=rss#top", "17", "https://x.com/a"),  # without its tracking and fragment
        (None, "17", "/in/e.csv#id=17"),  # an export's numeric id column
        ("/relative/a", " urn:a#b ", "/in/e.csv#id=urn:a#b"),  # a relative link; an id with `#`, padded
        ("", "", "/in/e.csv#3"),  # neither: the record's position
        (None, None, "/in/e.csv#3"),
    ],
)
def test_natural_key_is_the_url_else_the_id_else_the_position(url, external_id, key):
    assert natural_key("/in/e.csv", url, external_id, 3) == key


@given(st.text(min_size=1).filter(str.strip), st.integers(min_value=1))
def test_an_id_key_does_not_depend_on_position(external_id, number):
    # Any id a source writes (Kaggle row ids, feed guids, UUIDs): the key survives rows inserted before it
    key = natural_key("/in/e.csv", None, external_id, number)
    assert key == natural_key("/in/e.csv", None, external_id, number + 1)
    assert key == f"/in/e.csv#id={external_id.strip()}"


@pytest.mark.parametrize(
    ("own", "named", "name"),
    [
        ("Breitbart", False, "Breitbart"),  # the record's own beats the folder's name
        ("Breitbart", True, "folder"),  # the user's `--source-name` beats the record's own
        (None, False, "folder"),
        ("", False, "folder"),
    ],
)
def test_source_name_precedence(own, named, name):
    assert pick_source_name("folder", own, named) == name


def test_record_from_fields_decodes_entities_in_every_text_field():
    fields = {"title": "A &amp; B", "body": "x", "authors": "Liam O&#8217;Connor", "category": "Arts &amp; Culture"}
    record = record_from_fields(
        fields, source_uri="/in/e.jsonl", source_name="e", source_kind="jsonl", number=1, payload=""
    )
    assert set(record) == set(RAW_ARTICLES)
    assert (record["title"], record["authors"], record["category"]) == ("A & B", "Liam O\u2019Connor", "Arts & Culture")


def test_record_from_fields_keeps_the_url_without_tracking_parameters():
    # An export of links copied from a newsletter
    fields = {"url": "https://x.com/a?id=4&utm_medium=email", "body": "x"}
    record = record_from_fields(
        fields, source_uri="/in/e.csv", source_name="e", source_kind="csv", number=2, payload=""
    )
    assert (record["source_uri"], record["url"]) == ("https://x.com/a?id=4", "https://x.com/a?id=4")
    relative = record_from_fields(
        {"url": "/a?utm_source=x", "body": "x"},
        source_uri="/in/e.csv",
        source_name="e",
        source_kind="csv",
        number=2,
        payload="",
    )
    assert (relative["source_uri"], relative["url"]) == ("/in/e.csv#2", "/a?utm_source=x")  # no web URL: as written


@pytest.mark.parametrize(
    ("data", "text"),
    [
        # UTF-16 without a mark: its NUL bytes are valid UTF-8 too, which must not win
        ('{"title": "T"}\n'.encode("utf-16-le"), '{"title": "T"}\n'),
        (b"\xff\xfe" + "a\x00b\n".encode("utf-16-le"), "a\x00b\n"),  # a NUL character in one record of UTF-16
        (b'{"title": "T"}\n{"title": "\x00"}\n', '{"title": "T"}\n{"title": "\x00"}\n'),  # ... of UTF-8
    ],
)
def test_records_decode_wide_encodings_first_and_keep_nul_characters(data, text):
    assert decode_records(data).text == text
