import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.parse.html import parse_html
from transforms.schema import RAW_ARTICLES

# A news page as sites serve it: Open Graph and article meta, a canonical link, navigation and a footer
PAGE = """<!doctype html><html lang="en"><head><title>Mali army base attack kills 53 | Wire</title>
<meta property="og:title" content="Mali army base attack kills 53">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-04T10:00:00+01:00">
<link rel="canonical" href="https://example.com/mali"></head>
<body><nav>Home | World | Sport</nav><article><h1>Mali army base attack kills 53</h1>
<p>BAMAKO (AFP) - Fifty-three soldiers were killed in an attack on a military base in northern Mali.</p>
<p>The attack in Indelimane, in the Menaka region, was one of the deadliest for years.</p>
<p>Turner #39;s government said it would send reinforcements to the region on Saturday.</p></article>
<footer>Copyright Wire</footer></body></html>"""


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
        "body": (
            "BAMAKO (AFP) - Fifty-three soldiers were killed in an attack on a military base in northern "
            "Mali.\n\n"
            "The attack in Indelimane, in the Menaka region, was one of the deadliest for years.\n\n"
            "Turner's government said it would send reinforcements to the region on Saturday."
        ),
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
    body = "هذا نص عربي طويل بما يكفي ليكون مقالا حقيقيا عن الأخبار اليوم في المدينة 🎉 والناس سعداء جدا."
    page = f"<html><body><article><h1>عنوان 🎉</h1><p>{body}</p></article></body></html>"
    record = parse(page.encode())
    assert (record["title"], record["body"]) == ("عنوان 🎉", body)


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
