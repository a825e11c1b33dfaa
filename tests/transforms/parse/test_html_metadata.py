"""An HTML page's metadata: the URL that keys it, its title, publication time and publisher."""

import pytest

from tests.transforms.parse.html_samples import BODY, PAGE, parse


def test_main_text_and_metadata_are_extracted():
    record = parse(PAGE.encode())
    assert record == {
        "source_uri": "https://example.com/mali",  # the URL the page declares, its natural key
        "source_name": "wire",
        "source_kind": "html",
        "url": "https://example.com/mali",
        "title": "Mali army base attack kills 53",
        "body": BODY,
        "category": None,
        "published_raw": "2019-11-04T10:00:00+0100",
        "authors": "Jane Doe",
        "external_id": None,
        "payload": PAGE,
        "read_error": None,
    }


def test_a_fetched_page_is_keyed_by_the_url_it_declares_else_the_url_it_came_from():
    record = parse(PAGE.encode(), source_uri="https://example.com/mali?utm=x")
    assert record["source_uri"] == record["url"] == "https://example.com/mali"
    undeclared = PAGE.replace('<link rel="canonical" href="https://example.com/mali">', "")
    record = parse(undeclared.encode(), source_uri="https://example.com/mali?utm=x")
    assert record["source_uri"] == record["url"] == "https://example.com/mali?utm=x"
    # A link followed from a newsletter: its campaign tags and fragment name no other page
    record = parse(undeclared.encode(), source_uri="https://example.com/mali?id=7&utm_source=nl&mc_cid=1#top")
    assert record["source_uri"] == record["url"] == "https://example.com/mali?id=7"


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="https://example.com/c">', "https://example.com/c"),  # WordPress, most CMSs
        ('<meta property="og:url" content="https://example.com/og">', "https://example.com/og"),  # Open Graph only
        # Both: the canonical link is the one meant for deduplication
        (
            '<meta property="og:url" content="https://example.com/og"><link rel="canonical" href="https://example.com/c">',
            "https://example.com/c",
        ),
        ('<link rel="canonical" href="/relative">', None),  # a relative link: no key for a saved page
        ("", None),  # a page that declares nothing
        # A CMS that writes its share tracking into the canonical link
        ('<link rel="canonical" href="https://example.com/c?utm_source=share&fbclid=x">', "https://example.com/c"),
        # No canonical link: the NewsArticle's `mainEntityOfPage`, a WebPage node (Reuters, most news CMSs)
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.com/ld"}}</script>',
            "https://example.com/ld",
        ),
        # `mainEntityOfPage` as a plain URL, in a list of objects
        (
            '<script type="application/ld+json">[{"@type": "BreadcrumbList"}, {"@type": "ReportageNewsArticle",'
            ' "mainEntityOfPage": "https://example.com/ld2"}]</script>',
            "https://example.com/ld2",
        ),
        # Only the article's `url`, and a first block that is no valid JSON (a template's stray comma)
        (
            '<script type="application/ld+json">{"@type": "Article",}</script>'
            '<script type="application/ld+json">{"@type": ["Article"], "url": "https://example.com/ld3"}</script>',
            "https://example.com/ld3",
        ),
        # JSON-LD that describes something else (the site's search box): no key
        ('<script type="application/ld+json">{"@type": "WebSite", "url": "https://example.com/"}</script>', None),
        # A canonical link and JSON-LD: the canonical link
        (
            '<link rel="canonical" href="https://example.com/c"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "url": "https://example.com/ld"}</script>',
            "https://example.com/c",
        ),
    ],
)
def test_a_saved_page_is_keyed_by_the_url_it_declares(head, url):
    page = PAGE.replace('<link rel="canonical" href="https://example.com/mali">', head)
    record = parse(page.encode())
    assert (record["source_uri"], record["url"]) == (url or "/in/page.html", url)


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://example.com/mali", "2019-11-04T06:45:00+0000"),
        # A date in the URL, as most news sites write one: the meta tag's time still wins over its midnight
        ("https://example.com/2019/11/04/mali", "2019-11-04T06:45:00+0000"),
    ],
)
def test_the_publication_time_is_kept(url, published):
    page = PAGE.replace("2019-11-04T10:00:00+01:00", "2019-11-04T06:45:00+00:00").replace(
        "https://example.com/mali", url
    )
    assert parse(page.encode())["published_raw"] == published


def test_og_site_name_is_the_source_unless_the_user_named_one():
    page = PAGE.replace("</head>", '<meta property="og:site_name" content="Le Monde &amp; Co"></head>')
    assert parse(page.encode())["source_name"] == "Le Monde & Co"
    assert parse(page.encode(), named=True)["source_name"] == "wire"
    assert parse(PAGE.encode())["source_name"] == "wire"  # no og:site_name: the folder's name


# Yoast SEO (most WordPress news sites): a @graph whose article names its page and publisher by reference
YOAST = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "@id": "https://post.example/cafe/#article", "headline": "Cafe wins award",
  "mainEntityOfPage": {"@id": "https://post.example/cafe/"}, "publisher": {"@id": "https://post.example/#org"}},
 {"@type": "WebPage", "@id": "https://post.example/cafe/", "url": "https://post.example/cafe/"},
 {"@type": "Organization", "@id": "https://post.example/#org", "name": "Borough Post"}]}</script>"""


@pytest.mark.parametrize(
    ("head", "url", "source_name"),
    [
        (YOAST, "https://post.example/cafe/", "Borough Post"),
        # A publisher written in place, beside an og:site_name, which is the page's own word for its site
        (
            '<meta property="og:site_name" content="The Post"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "url": "https://post.example/a", "publisher": {"@type": "Organization",'
            ' "name": "Post Media Group"}}</script>',
            "https://post.example/a",
            "The Post",
        ),
        # A publisher as a list of organisations
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": [{"name": "Wire Ltd"}]}</script>',
            None,
            "Wire Ltd",
        ),
    ],
)
def test_json_ld_gives_the_page_url_and_the_publisher(head, url, source_name):
    page = PAGE.replace('<link rel="canonical" href="https://example.com/mali">', head)
    record = parse(page.encode())
    assert (record["url"], record["source_name"]) == (url, source_name)
    assert parse(page.encode(), named=True)["source_name"] == "wire"


def test_a_day_without_time_stays_a_day():
    page = PAGE.replace('content="2019-11-04T10:00:00+01:00"', 'content="2019-11-04"')
    assert parse(page.encode())["published_raw"] == "2019-11-04"
