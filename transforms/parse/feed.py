"""RSS and Atom feeds: one article per item, read with feedparser after a safety check of the XML.

XML can declare entities that expand to gigabytes (billion laughs) or pull in local files
(`<!ENTITY x SYSTEM "file:///etc/passwd">`). A feed declaring any entity is refused before feedparser sees
it; a bare DOCTYPE (RSS 0.91 feeds carry one) is accepted, because neither defusedxml nor feedparser ever
loads the DTD it names. feedparser reads from an in-memory stream, so the bytes are never taken for a path
or URL, and no link in the feed is ever followed.

A feed that is not well-formed XML is still given to feedparser's lenient parser (real feeds carry a stray
`&` or an unclosed tag), unless it is not markup at all or over 2 MB: that parser reads about 0.3 MB a second.
"""

import io
import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

from transforms.parse import wordpress
from transforms.parse.encoding import decode
from transforms.parse.fields import title_without_source
from transforms.parse.markup import MAX_LINK_SHARE, html_to_text, link_share
from transforms.parse.records import describe_bytes, error_record, is_web_url, natural_key, pick_source_name
from transforms.parse.urls import clean_url
from transforms.text_cleanup import repair_entities, repair_entities_or_none

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Entity declarations found by a plain byte search, for documents expat gives up on before reaching them.
_ENTITY_DECLARATION = b"<!entity"
# The largest malformed document worth the lenient parser's time; real feeds are far smaller.
_LENIENT_MAX_BYTES = 2 * 1024 * 1024
# RSS 2.0 `<author>` is an e-mail address, most often followed by the name: `news@post.example (Dafydd
# Jones)`; some write `Dafydd Jones <dj@post.example>`. Any domain: feedparser's own split stops at a
# four-letter TLD and leaves `ple (Dafydd Jones` of `.example`.
_EMAIL = r"(?:mailto:)?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL_THEN_NAME = re.compile(rf"{_EMAIL}\s*\(([^()]*)\)")
_NAME_THEN_EMAIL = re.compile(rf"<\s*{_EMAIL}\s*>|\(\s*{_EMAIL}\s*\)|{_EMAIL}")
_LIST_OF_LINKS = "not an article: the item's text is a list of links"


@dataclass(frozen=True)
class _Channel:
    """What a feed's items share: where it was read, its names for their source, and its WordPress authors."""

    source_uri: str
    source_name: str  # the user's (`named`) or the folder's
    named: bool
    title: str | None  # the channel's own title
    kind: str
    shared: set[str]  # the cleaned links that several items of the feed have
    authors: dict[str, str]  # WordPress login → display name


def parse_feed(data: bytes, *, source_uri: str, source_name: str, named: bool = False) -> list[dict[str, str | None]]:
    """One raw record per item, keyed by the item's link, else its guid (`source_uri#id=GUID`), else
    `source_uri#N` (N the 1-based item number); its source is the feed's title unless the user `named` one.

    A link loses its tracking parameters and its fragment (`clean_url`), unless the fragment is what tells
    two items of the feed apart (a live blog's posts, `live#post-2`): feedparser takes a permalink guid
    (`isPermaLink` true or absent) for the link of an item that has none. An item's own `<source>` (Google
    News: the publisher of the story) names its source instead of the channel, and its title loses a
    ` - Publisher` suffix naming that source.

    A feed that is unsafe, not a feed, or holds no items comes back as one record with `read_error`; an item
    whose text is a list of links (Google News), or a WordPress export's page or draft, comes back with one.
    """
    kind = "atom" if b"<feed" in data[:4096].lower() else "rss"
    root, well_formed, unsafe = _check_xml(data)
    if unsafe is not None:
        return [_feed_error(f"unsafe XML: {unsafe}", data, source_uri, source_name, kind)]
    if well_formed is not None and (len(data) > _LENIENT_MAX_BYTES or not _looks_like_markup(data)):
        return [_feed_error(f"not a well-formed feed: {well_formed}", data, source_uri, source_name, kind)]
    # feedparser catches most errors itself (setting `bozo`); none, RecursionError included, may get out.
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as error:
        return [_feed_error(f"unreadable feed: {error!r}", data, source_uri, source_name, kind)]
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = f"not a well-formed feed: {parsed.get('bozo_exception')}"
        elif parsed.get("version"):
            reason = "empty feed: it holds no items"
        else:
            reason = "not a feed: no RSS or Atom items found"
        return [_feed_error(reason, data, source_uri, source_name, kind)]
    feed = parsed.get("feed", {})
    pages = Counter(clean_url(link) for entry in parsed.entries if is_web_url(link := entry.get("link")))
    channel = _Channel(
        source_uri=source_uri,
        source_name=source_name,
        named=named,
        title=_text(feed.get("title"), feed.get("title_detail")),
        kind="atom" if str(parsed.get("version", "")).startswith("atom") else "rss",
        shared={page for page, items in pages.items() if items > 1},
        authors=wordpress.author_names(root),
    )
    return [_item(entry, n, channel) for n, entry in enumerate(parsed.entries, start=1)]


def _check_xml(data: bytes) -> tuple[Element | None, str | None, str | None]:
    """(the document's root, why the XML is not well-formed, why it must not be parsed at all); None where it
    does not apply."""
    try:
        root = defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException as error:
        return None, None, f"it declares entities or external references ({error!r}), which are never resolved"
    except Exception as error:  # expat stops at the first error, possibly before a declaration further on
        if _ENTITY_DECLARATION in data.lower():
            return None, str(error), "it declares entities, which are never resolved"
        return None, str(error) or type(error).__name__, None
    return root, None, None


def _looks_like_markup(data: bytes) -> bool:
    """Whether the document starts with a tag (after a byte-order mark and whitespace), as any feed does."""
    return data.lstrip(b"\xef\xbb\xbf").lstrip()[:1] == b"<"


def _item(entry: Any, number: int, channel: _Channel) -> dict[str, str | None]:
    """The record of one item, with `read_error` when it is no article."""
    link = entry.get("link")
    url = None
    if is_web_url(link):
        url = clean_url(link)
        if url in channel.shared:  # its fragment tells it from the feed's other items on that page
            url = clean_url(link, keep_fragment=True)
    external_id = entry.get("id") or None
    source = entry.get("source") or {}
    own = _text(source.get("title"), source.get("title_detail")) or channel.title
    body, links_only = _body(entry)
    return {
        "source_uri": url or natural_key(channel.source_uri, None, external_id, number),
        "source_name": pick_source_name(channel.source_name, own, channel.named),
        "source_kind": channel.kind,
        "url": url,
        "title": title_without_source(_text(entry.get("title"), entry.get("title_detail")), own),
        "body": body,
        "category": _category(entry),
        "published_raw": _published_raw(entry),
        "authors": _authors(entry, channel.authors),
        "external_id": external_id,
        "payload": _payload(entry),
        "read_error": wordpress.not_a_post(entry) or (_LIST_OF_LINKS if links_only else None),
    }


def _body(entry: Any) -> tuple[str | None, bool]:
    """(the item's fullest text: the longest `content` (Atom, `content:encoded`), else the summary; whether
    that text is mostly link text, as a news aggregator's list of headlines is)."""
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        longest = max(contents, key=lambda c: len(c["value"]))
        value, detail = longest["value"], longest
    else:
        value, detail = entry.get("summary"), entry.get("summary_detail")
    text = _text(value, detail)
    links_only = text is not None and _is_html(detail) and link_share(value) > MAX_LINK_SHARE
    return text, links_only


def _text(value: str | None, detail: Any) -> str | None:
    """A feed field as plain text: HTML (most RSS descriptions) rendered, then entity debris repaired."""
    if not value or not value.strip():
        return None
    text = repair_entities(html_to_text(value) if _is_html(detail) else value.strip())
    return text or None


def _is_html(detail: Any) -> bool:
    return (detail or {}).get("type", "text/html") in _HTML_TYPES


def _published_raw(entry: Any) -> str | None:
    """The date as the feed wrote it, else a WordPress export's UTC date; ISO 8601 UTC when feedparser kept
    only its parsed form. WordPress's zero date (`30 Nov -0001`, a post never published) is no date."""
    if entry.get("published") and not wordpress.is_zero_date(str(entry["published"])):
        return str(entry["published"])
    gmt = wordpress.published_gmt(entry)
    if gmt is not None:
        return gmt
    # `dict.get`, not `entry.get`: feedparser would answer `updated` with `published`, and warn.
    for name in ("updated", "created"):
        value = dict.get(entry, name)
        if value and not wordpress.is_zero_date(str(value)):
            return str(value)
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := dict.get(entry, name):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return None


def _category(entry: Any) -> str | None:
    """The item's first category: WordPress lists the section first, then tags (`environment`, `science`)."""
    terms = (repair_entities((tag.get("term") or "").strip()) for tag in entry.get("tags", []))
    return next((term for term in terms if term), None)


def _authors(entry: Any, logins: dict[str, str]) -> str | None:
    """The item's authors' names, entities decoded: feedparser leaves a CDATA `dc:creator` (`O&#8217;Connor`)
    as is. One author is read from the text as the feed wrote it (`author_name`); of several, those
    feedparser split from an e-mail address lose what its split left of the domain. A WordPress login
    (`logins`: a WordPress export's `dc:creator`) gives the author's display name."""
    details = [a for a in entry.get("authors", []) if isinstance(a, dict)]
    if len(details) <= 1 and entry.get("author"):
        names = [author_name(str(entry["author"]))]
    else:
        names = [author_name(_split_name(detail)) for detail in details]
    names = [logins.get(name, name) if name else None for name in names]
    return repair_entities_or_none(", ".join(name for name in names if name) or None)


def author_name(text: str) -> str | None:
    """The name in an author field: `news@post.example (Dafydd Jones)`, `Dafydd Jones <dj@post.example>`
    and `Dafydd Jones (dj@post.example)` → `Dafydd Jones`; a bare address names nobody (its local part is
    most often a desk: `news@`, `editor@`), so → None."""
    text = _EMAIL_THEN_NAME.sub(r"\1", text)
    text = _NAME_THEN_EMAIL.sub(" ", text)
    text = " ".join(text.split()).strip(" ,;")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text or None


def _split_name(detail: Any) -> str:
    """The name feedparser split from `email (Name)`: `ple (Dafydd Jones` when the domain outran its pattern."""
    name = str(detail.get("name") or "")
    if detail.get("email") and "(" in name and ")" not in name.rpartition("(")[2]:
        return name.rpartition("(")[2]
    return name


def _payload(entry: Any) -> str:
    """The item as read, for the quarantine: its fields as feedparser gave them."""
    fields = (
        "id",
        "link",
        "title",
        "published",
        "updated",
        "author",
        "tags",
        "source",
        "summary",
        "content",
        "wp_status",
        "wp_post_type",
        "wp_post_date_gmt",
    )
    return json.dumps({name: entry[name] for name in fields if name in entry}, ensure_ascii=False, default=str)


def _feed_error(reason: str, data: bytes, source_uri: str, source_name: str, kind: str) -> dict[str, str | None]:
    decoded = decode(data)
    payload = decoded.text if decoded.text is not None else describe_bytes(data)
    return error_record(reason, source_uri=source_uri, source_name=source_name, source_kind=kind, payload=payload)
