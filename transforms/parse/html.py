"""Single HTML pages: the article's main text and metadata, found by trafilatura among menus and footers."""

import trafilatura
from trafilatura.settings import Document

from transforms.parse.encoding import decode
from transforms.parse.records import describe_bytes, error_record, is_web_url
from transforms.text_cleanup import repair_entities

_KIND = "html"
# htmldate, through trafilatura: the publication date rather than the last modification, read from the page's
# markup only (`extensive_search` would guess from any date in the text), kept with its time and zone.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def parse_html(data: bytes, *, source_uri: str, source_name: str) -> list[dict[str, str | None]]:
    """One raw record for one page; `source_uri` is the page's URL when it was fetched, else its path.

    `url` is that URL, else the page's own canonical URL. A page with no findable article text, or markup
    no parser can hold (nested thousands deep), comes back with `read_error`.
    """
    decoded = decode(data)
    if decoded.text is None:
        reason = decoded.error or "undecodable bytes: no text encoding fits"
        return [_error(reason, source_uri, source_name, describe_bytes(data))]
    page = decoded.text
    if not page.strip():
        return [_error("empty: the file holds no HTML", source_uri, source_name, page)]
    given_url = source_uri if is_web_url(source_uri) else None
    try:
        document = trafilatura.bare_extraction(
            page,
            url=given_url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # RecursionError included: lxml and trafilatura recurse over the tree
        return [_error(f"unreadable HTML: {error!r}", source_uri, source_name, page)]
    # Without `as_dict`, trafilatura 2 returns a Document, or None when it finds no main text.
    text = _paragraphs(document.text, document.title) if isinstance(document, Document) else None
    if not isinstance(document, Document) or not text:
        return [_error("no article text: no main text found in the page", source_uri, source_name, page)]
    canonical = document.url if is_web_url(document.url) else None
    return [
        {
            "source_uri": source_uri,
            "source_name": source_name,
            "source_kind": _KIND,
            "url": given_url or canonical,
            "title": repair_entities(document.title) if document.title else None,
            "body": repair_entities(text),
            "category": ", ".join(document.categories) if document.categories else None,
            "published_raw": _published_raw(document.date),
            "authors": document.author or None,
            "external_id": None,
            "payload": page,
            "read_error": None,
        }
    ]


def _paragraphs(text: str | None, title: str | None) -> str | None:
    """trafilatura's text (a block a line) as blank-line-separated paragraphs, without a repeated title."""
    if not text:
        return None
    blocks = [line.strip() for line in text.split("\n") if line.strip()]
    if blocks and title and blocks[0] == title.strip():
        blocks = blocks[1:]  # the page's headline, already the record's title
    return "\n\n".join(blocks) or None


def _published_raw(date: str | None) -> str | None:
    """htmldate's date; a day with no time comes back as midnight with no zone, and the time is dropped."""
    if not date:
        return None
    return date.removesuffix("T00:00:00")


def _error(reason: str, source_uri: str, source_name: str, payload: str) -> dict[str, str | None]:
    return error_record(reason, source_uri=source_uri, source_name=source_name, source_kind=_KIND, payload=payload)
