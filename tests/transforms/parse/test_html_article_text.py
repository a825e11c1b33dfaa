"""An HTML page's article text: decoded, in any script, counted in words; pages that are no articles quarantined."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.parse.html_samples import PAGE, parse
from transforms.parse.html import word_count
from transforms.schema import RAW_ARTICLES


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
