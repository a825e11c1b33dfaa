"""Single HTML pages: the article's main text and metadata, found by trafilatura among menus and footers.

A page is not always an article: a section front is a list of headline links, a paywall or error page a few
sentences. trafilatura gives them a "main text" all the same, so a page is read as an article only when
that text is long enough (`_MIN_WORDS`) and not mostly link text (`MAX_LINK_SHARE`).
"""

import re

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from transforms.parse.encoding import decode
from transforms.parse.jsonld import declared_article
from transforms.parse.markup import MAX_LINK_SHARE
from transforms.parse.records import describe_bytes, error_record, is_web_url, pick_source_name
from transforms.parse.urls import clean_url
from transforms.text_cleanup import repair_entities, repair_entities_or_none

_KIND = "html"
# The shortest main text read as an article. A news brief runs to 100 words and more; a paywall stub
# ("Subscribe to continue reading… 9.99 per month"), a 404 page or a cookie wall to some 30.
_MIN_WORDS = 60
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Japanese kana, CJK ideographs),
# where a word is about two characters.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# htmldate, through trafilatura: the publication date rather than the last modification, read from the page's
# markup only (`extensive_search` would guess from any date in the text), kept with its time and zone. A date
# in the URL (`/2019/11/04/`) is a day without a time, so it is read only when the markup has none
# (`deferred_url_extractor`): read first, it would turn `article:published_time` into midnight.
_DATE_PARAMS = {
    "original_date": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "deferred_url_extractor": True,
}


def parse_html(data: bytes, *, source_uri: str, source_name: str, named: bool = False) -> list[dict[str, str | None]]:
    """One raw record for one page (`source_uri` its URL when it was fetched, else its path), keyed by its URL.

    `url` is the URL the page declares (canonical link, else `og:url`, else its JSON-LD article's
    `mainEntityOfPage` or `url`), else the URL it was fetched from, without tracking parameters; its source
    is the page's `og:site_name`, else its JSON-LD `publisher.name`, unless the user `named` one. A page
    with no findable article text, one that is no article (`not_an_article`), or markup no parser can hold
    (nested thousands deep) comes back with `read_error`.
    """
    decoded = decode(data)
    if decoded.text is None:
        reason = decoded.error or "undecodable bytes: no text encoding fits"
        return [_error(reason, source_uri, source_name, describe_bytes(data))]
    page = decoded.text
    if not page.strip():
        return [_error("empty: the file holds no HTML", source_uri, source_name, page)]
    given_url = clean_url(source_uri) if is_web_url(source_uri) else None
    try:
        tree = trafilatura.load_html(page)
        declared_url, site_name = _declared(tree)
        links = _link_texts(tree)
        document = trafilatura.bare_extraction(
            tree if tree is not None else page,
            url=declared_url or given_url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # RecursionError included: lxml and trafilatura recurse over the tree
        return [_error(f"unreadable HTML: {error!r}", source_uri, source_name, page)]
    # Without `as_dict`, trafilatura 2 returns a Document, or None when it finds no main text.
    blocks = _blocks(document.text, document.title) if isinstance(document, Document) else []
    if not isinstance(document, Document) or not blocks:
        return [_error("no article text: no main text found in the page", source_uri, source_name, page)]
    problem = not_an_article(blocks, links)
    if problem is not None:
        return [_error(problem, source_uri, source_name, page)]
    text = "\n\n".join(blocks)
    url = declared_url or given_url
    return [
        {
            "source_uri": url or source_uri,  # a URL is the natural key, as for every other record
            "source_name": pick_source_name(source_name, repair_entities_or_none(site_name), named),
            "source_kind": _KIND,
            "url": url,
            "title": repair_entities(document.title) if document.title else None,
            "body": repair_entities(text),
            "category": document.categories[0] if document.categories else None,  # the first, as for feeds
            "published_raw": _published_raw(document.date),
            "authors": repair_entities_or_none(document.author),
            "external_id": None,
            "payload": page,
            "read_error": None,
        }
    ]


def _declared(tree: HtmlElement | None) -> tuple[str | None, str | None]:
    """(the URL the page declares for itself, without tracking parameters; its site's name), None where it
    declares none."""
    if tree is None:
        return None, None
    article = declared_article(tree)
    urls = [
        *tree.xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'),
        *tree.xpath('//meta[@property="og:url"]/@content'),
        article.url,
    ]
    site_names = [*tree.xpath('//meta[@property="og:site_name"]/@content'), article.publisher]
    url = next((clean_url(str(u).strip()) for u in urls if is_web_url(str(u).strip())), None)
    site_name = next((str(n).strip() for n in site_names if n and str(n).strip()), None)
    return url, site_name


def _link_texts(tree: HtmlElement | None) -> frozenset[str]:
    """The text of every link on the page, spaces collapsed."""
    if tree is None:
        return frozenset()
    return frozenset(" ".join(link.text_content().split()) for link in tree.iter("a"))


def _blocks(text: str | None, title: str | None) -> list[str]:
    """trafilatura's text (a block a line) as paragraphs, without a repeated title."""
    blocks = [line.strip() for line in (text or "").split("\n") if line.strip()]
    if blocks and title and blocks[0] == title.strip():
        blocks = blocks[1:]  # the page's headline, already the record's title
    return blocks


def not_an_article(blocks: list[str], links: frozenset[str]) -> str | None:
    """Why a page's main text (`blocks`, its paragraphs) is no article, given the texts of the page's links;
    None for an article."""
    words = sum(word_count(block) for block in blocks)
    if words < _MIN_WORDS:
        return f"not an article: the page's main text is {words} words (a paywall, index or error page?)"
    linked = sum(len(block) for block in blocks if " ".join(block.split()) in links)
    share = linked / sum(len(block) for block in blocks)
    if share > MAX_LINK_SHARE:
        return f"not an article: {share:.0%} of the page's main text is link text (an index page?)"
    return None


def word_count(text: str) -> int:
    """Words separated by spaces, and in scripts written without them (Chinese, Japanese, Thai) one per two
    characters."""
    unspaced = len(_UNSPACED.findall(text))
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


def _published_raw(date: str | None) -> str | None:
    """htmldate's date; a day with no time comes back as midnight with no zone, and the time is dropped."""
    if not date:
        return None
    return date.removesuffix("T00:00:00")


def _error(reason: str, source_uri: str, source_name: str, payload: str) -> dict[str, str | None]:
    return error_record(reason, source_uri=source_uri, source_name=source_name, source_kind=_KIND, payload=payload)
