"""Feed links: keys without tracking, Google News items that are lists of links, summaries linking to the story."""

import pytest

from tests.transforms.parse.feed_samples import parse, rss_item

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
