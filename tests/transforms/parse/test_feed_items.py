"""RSS, Atom and WordPress RSS items become raw article records."""

from tests.transforms.parse.feed_samples import ATOM, parse

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
