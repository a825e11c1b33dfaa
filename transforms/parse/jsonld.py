"""What a page's schema.org JSON-LD says of its article: the page's URL and the publisher's name.

News sites describe an article in `<script type="application/ld+json">`: one object, a list of objects, or a
`@graph` of linked nodes (Yoast SEO, used by most WordPress sites, writes `{"@graph": [WebPage, NewsArticle,
Organization, …]}` with the publisher as a reference `{"@id": "…#organization"}` to another node).
"""

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lxml.html import HtmlElement

from transforms.parse.records import is_web_url

# The schema.org types of an article: `NewsArticle` and its kinds (`ReportageNewsArticle`, …), `Article`,
# `BlogPosting`, `LiveBlogPosting`, `Report`.
_ARTICLE_TYPE_ENDINGS = ("article", "blogposting", "report")


@dataclass(frozen=True)
class Declared:
    """The article's page URL (`mainEntityOfPage`, else `url`) and its publisher's name, None where unsaid."""

    url: str | None = None
    publisher: str | None = None


def declared_article(tree: HtmlElement) -> Declared:
    """What the page's first JSON-LD article node declares; a block that is no valid JSON is passed over."""
    nodes = list(_nodes(tree))
    by_id = {str(node["@id"]): node for node in nodes if isinstance(node.get("@id"), str)}
    for node in nodes:
        if _is_article(node):
            return Declared(_page_url(node, by_id), _publisher(node.get("publisher"), by_id))
    return Declared()


def _nodes(tree: HtmlElement) -> Iterator[Mapping[str, object]]:
    """Every object of every JSON-LD block, `@graph` members and list elements included."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            # strict=False: sites write raw line breaks into `articleBody` strings
            pending = [json.loads(script.text or "", strict=False)]
        except (ValueError, RecursionError):
            continue
        while pending:
            value = pending.pop(0)
            if isinstance(value, list):
                pending[:0] = value
            elif isinstance(value, Mapping):
                yield value
                if isinstance(value.get("@graph"), list):
                    pending[:0] = value["@graph"]


def _is_article(node: Mapping[str, object]) -> bool:
    kinds = node.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and name.lower().endswith(_ARTICLE_TYPE_ENDINGS) for name in names)


def _page_url(node: Mapping[str, object], by_id: Mapping[str, Mapping[str, object]]) -> str | None:
    """`mainEntityOfPage` (a URL, or a WebPage node: `{"@id": URL}`, maybe a reference to one in the
    `@graph` that has the `url`), else the article's `url`."""
    for value in (node.get("mainEntityOfPage"), node.get("url")):
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, Mapping):
            page = by_id.get(str(value.get("@id")), value)
            candidates = [value.get("@id"), value.get("url"), page.get("url")]
            value = next((c for c in candidates if isinstance(c, str) and is_web_url(c.strip())), None)
        if isinstance(value, str) and is_web_url(value.strip()):
            return value.strip()
    return None


def _publisher(value: object, by_id: Mapping[str, Mapping[str, object]]) -> str | None:
    """The publisher's `name`: an Organization node, a reference to one in the `@graph`, or plain text."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Mapping) and "name" not in value and isinstance(value.get("@id"), str):
        value = by_id.get(str(value["@id"]), value)
    if isinstance(value, Mapping):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None
