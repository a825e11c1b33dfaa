"""What the feed tests share: an Atom feed, an RSS item wrapper and the parse call with one file's names."""

from transforms.parse.feed import parse_feed

# Atom 1.0: two authors, HTML content beside a summary, an offset date in <updated> only
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:feed</id><updated>2019-11-04T10:00:00+01:00</updated>
<entry><title>Attack on base</title><link href="https://example.com/1"/><id>urn:1</id>
<updated>2019-11-04T10:00:00+01:00</updated>
<author><name>A One</name></author><author><name>B Two</name></author>
<summary>Short.</summary>
<content type="html">&lt;p&gt;Full body.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry>
</feed>"""


def parse(data: bytes, **kw) -> list[dict]:
    return parse_feed(data, source_uri="/in/feed.xml", source_name="wire", **kw)


def rss_item(inner: str) -> bytes:
    return (
        f'<rss version="2.0"><channel><title>Post</title><item><title>T</title>{inner}</item></channel></rss>'.encode()
    )
