"""WordPress exports (WXR): published posts with their authors' names and UTC dates; drafts and pages quarantined."""

from tests.transforms.parse.feed_samples import parse

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
