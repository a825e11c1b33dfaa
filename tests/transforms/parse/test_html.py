import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.parse.html import parse_html, word_count
from transforms.schema import RAW_ARTICLES

# A news page as sites serve it: Open Graph and article meta, a canonical link, navigation and a footer of
# links, a link inside a sentence, and an article of some 200 words
PARAGRAPHS = [
    "BAMAKO (AFP) - Fifty-three soldiers and one civilian were killed in an attack on a military base in "
    "northern Mali on Friday, the government said, one of the deadliest assaults on the army in years.",
    "The attack in Indelimane, in the Menaka region near the border with Niger, began at midday when gunmen "
    "on motorbikes and in pick-up trucks overran the outpost, according to two security sources.",
    "Turner #39;s government said it would send reinforcements to the region on Saturday and declared three "
    "days of national mourning. Ten survivors were found by a patrol sent from the regional capital.",
    "No group has yet claimed responsibility, but jihadists linked to al Qaeda and the Islamic State operate "
    "across the region, where attacks have grown more frequent since 2015 despite the presence of thousands "
    "of United Nations peacekeepers and French troops.",
    "The base had been attacked before, in September, when a coordinated assault on two posts killed 38 "
    "soldiers. Analysts say the army is stretched thin across a vast desert territory with few roads.",
]
PAGE = f"""<!doctype html><html lang="en"><head><title>Mali army base attack kills 53 | Wire</title>
<meta property="og:title" content="Mali army base attack kills 53">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-04T10:00:00+01:00">
<link rel="canonical" href="https://example.com/mali"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Mali army base attack kills 53</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1].replace("Menaka region", '<a href="/menaka">Menaka region</a>')}</p>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
<p>{PARAGRAPHS[4]}</p></article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> Copyright Wire</footer></body></html>"""
BODY = "\n\n".join(PARAGRAPHS).replace("Turner #39;s", "Turner's")


def parse(data: bytes, source_uri: str = "/in/page.html", named: bool = False) -> dict:
    (record,) = parse_html(data, source_uri=source_uri, source_name="wire", named=named)
    return record


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


def test_latin_1_page_is_decoded():
    # An old CMS page in windows-1252 (pound sign, curly quotes)
    page = PAGE.replace("reinforcements", "\u201creinforcements\u201d worth \u00a35m")
    assert "\u201creinforcements\u201d worth \u00a35m" in parse(page.encode("cp1252"))["body"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),  # an empty file
        (b"\x00\x01\x02\xff", "NUL"),  # binary bytes
        (b"<html><head><title>Login</title></head><body></body></html>", "no article text"),  # a bare shell
        # HTML nested 10,000 deep: libxml2 and trafilatura must not exhaust the stack
        (
            b"<html><body>" + b"<div>" * 10_000 + b"<p>deep</p>" + b"</div>" * 10_000 + b"</body></html>",
            "no article",
        ),
    ],
)
def test_unreadable_pages_carry_a_read_error(data, reason):
    record = parse(data)
    assert reason in record["read_error"]
    assert record["payload"] is not None


def test_emoji_and_right_to_left_text():
    body = (
        "هذا نص عربي طويل بما يكفي ليكون مقالا حقيقيا عن الأخبار اليوم في المدينة 🎉 والناس سعداء جدا.\n\n"
        "قال رئيس البلدية إن المهرجان السنوي سيقام في الساحة الرئيسية يوم الجمعة المقبل بمشاركة فرق من عدة مدن.\n\n"
        "وأضاف أن الاستعدادات بدأت منذ شهرين وأن البلدية خصصت ميزانية إضافية لتحسين الطرق والإنارة في وسط المدينة.\n\n"
        "ويتوقع المنظمون حضور آلاف الزوار من داخل البلاد وخارجها خلال أيام المهرجان الثلاثة."
    )
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))
    record = parse(f"<html><body><article><h1>عنوان 🎉</h1>{paragraphs}</article></body></html>".encode())
    assert (record["title"], record["body"], record["read_error"]) == ("عنوان 🎉", body, None)


def test_an_article_in_a_script_without_spaces_is_long_enough():
    # A Chinese news item of 150 characters: no spaces between words, yet an article
    body = (
        "市政府周五宣布，将在明年春季开放一座新的公共图书馆。这座图书馆位于市中心，占地约一万平方米，藏书超过五十万册。"
        "市长在新闻发布会上表示，图书馆将免费向所有市民开放，并提供儿童阅读区、自习室和数字资源中心。"
        "工程于三年前开工，总投资约为八亿元。市民对这一消息普遍表示欢迎，许多家长说孩子们终于有了一个安静的学习场所。"
    )
    record = parse(f"<html><body><article><h1>新图书馆明年开放</h1><p>{body}</p></article></body></html>".encode())
    assert (record["body"], record["read_error"]) == (body, None)


# A paywall stub as regional papers serve it: the opening sentence, then the offer
PAYWALL = """<!doctype html><html><head><title>Cafe wins national award | Borough Post</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Cafe wins national award</h1>
<p>The owners of a small cafe on the high street were celebrating this week after...</p>
<div class="paywall"><p>Subscribe to continue reading. Get unlimited digital access for just 9.99 per month.</p>
<a href="/subscribe">Subscribe now</a> <a href="/login">Already a subscriber? Log in</a></div></article>
</body></html>"""
# A section front: the site's navigation, then headline links
HEADLINES = [
    "Council approves new budget for road repairs",
    "Cafe on the high street wins national award",
    "Police appeal after burglary at corner shop",
    "School inspection rates primary as outstanding",
    "New bus route to link estate with hospital",
    "Local runner sets record at city half marathon",
    "Library to extend opening hours this winter",
    "Residents object to plans for tower block",
    "Flood defences finished ahead of schedule",
    "Theatre reopens after two-year restoration",
]
INDEX = (
    '<!doctype html><html><head><title>News | Borough Post</title></head><body><header><nav><a href="/">Home</a>'
    ' <a href="/news">News</a> <a href="/sport">Sport</a></nav></header><main><h1>Latest news</h1>'
    + "".join(
        f'<article><h2><a href="/news/{n}">{h}</a></h2><time>2 hours ago</time></article>'
        for n, h in enumerate(HEADLINES)
    )
    + '</main><footer><a href="/about">About us</a></footer></body></html>'
)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (PAYWALL, "not an article: the page's main text is 35 words (a paywall, index or error page?)"),
        # A 404 page dressed in the site's template
        (
            "<html><body><nav><a href='/'>Home</a></nav><main><h1>Page not found</h1><p>Sorry, the page you"
            " were looking for does not exist or has been moved.</p></main></body></html>",
            "not an article: the page's main text is 18 words (a paywall, index or error page?)",
        ),
        (INDEX, "not an article: 79% of the page's main text is link text (an index page?)"),
    ],
)
def test_pages_that_are_no_articles_are_quarantined_with_the_reason(page, reason):
    record = parse(page.encode())
    assert (record["read_error"], record["body"], record["payload"]) == (reason, None, page)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),  # an empty page
        ("Fifty-three soldiers were killed.", 4),  # English: words between spaces
        ("市政府周五宣布", 3),  # Chinese: a word per two characters
        ("東京都は金曜日 発表した", 5),  # Japanese kanji and kana beside a space: 11 characters
        ("รัฐบาลประกาศ", 6),  # Thai, written without spaces
    ],
)
def test_word_count(text, words):
    assert word_count(text) == words


@given(st.lists(st.text(alphabet="abcdefghij'-", min_size=1, max_size=8), max_size=80))
def test_word_count_counts_words_between_spaces(words):
    # Any run of space-separated words, as a Latin-script article writes them
    assert word_count(" ".join(words)) == len(words)


def test_a_50_mb_page_is_quarantined_not_crashed():
    page = b"<html><body><article><p>" + b"word " * 10_000_000 + b"</p></article></body></html>"
    record = parse(page)
    assert record["read_error"] is not None or len(record["body"]) > 1_000_000


@settings(deadline=None, max_examples=50)
@given(st.binary(max_size=300) | st.text(alphabet="<>/=\"' htmlbodyparticle", max_size=200).map(str.encode))
def test_any_bytes_give_one_record_and_never_raise(data):
    record = parse(data)
    assert set(record) == set(RAW_ARTICLES)
    assert record["read_error"] is not None or record["body"]
