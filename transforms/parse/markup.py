"""HTML fragments (a feed item's summary or content) turned into plain text with paragraph breaks."""

import re

import lxml.etree
import lxml.html

# Elements that start a new paragraph in the text; `br` starts a new line, and two or more in a row (with
# only white space between) a new paragraph, as feeds that write paragraphs as `text<br/><br/>text` mean.
# fmt: off
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
})
# Elements whose text is no part of the article: code, embeds, and the chrome that feeds carry inside
# `content:encoded` (WordPress figure captions and photo credits, related-story asides, share buttons).
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math",
    "figcaption", "aside", "nav", "footer", "form", "button", "select", "textarea", "audio", "video", "canvas",
})
# A table is data (election results, fixtures) unless it holds these: then it only lays out its cells, as
# old CMS and newsletter templates do, and its blocks are paragraphs like any others.
_LAYOUT = frozenset({
    "address", "article", "blockquote", "div", "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol",
    "p", "pre", "section", "table", "ul",
})
# fmt: on
_CELLS = ("td", "th")
_CELL_SEPARATOR = " | "
# Characters XML cannot hold; lxml refuses strings that contain them.
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
# Runs to collapse: two or more spaces, or any other horizontal white space (a lone space is left alone,
# which keeps a 50 MB body from costing 10 million no-op replacements).
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v\u00a0]")
_PARAGRAPH_BREAK = "\x1d"  # placeholders no text holds once `_NOT_XML` characters are gone
_LINE_BREAK = "\x1e"
_BREAKS = re.compile(r"\x1e(?:[ \t\r\n\f\v\u00a0]*\x1e)+|\x1e")
# The largest share of a text's characters that may be link text: a section front or a news aggregator's
# item is its headlines, each a link; an article's links are a few words inside its sentences.
MAX_LINK_SHARE = 0.5
_LINK = re.compile(r"<a[\s>]", re.IGNORECASE)


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment: paragraphs separated by a blank line, spaces collapsed.

    Scripts, styles, captions and page chrome (`_SKIPPED`) are dropped, entities decoded. Each row of a data
    table is a paragraph, its cells separated by ` | `. Text nested deeper than libxml2's cap of
    2,048 levels is dropped: no article is marked up that deep.
    """
    cleaned = fragment.translate(_NOT_XML)
    if not cleaned.strip():
        return ""
    root = _fragment(cleaned)
    if root is None:
        return _normalise(cleaned)
    parts: list[str] = []
    table: lxml.etree._Element | None = None  # the data table the walk is in: a row a paragraph
    cells = 0  # cells so far in the data table's current row
    walk = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        if event in ("comment", "pi"):
            parts.append(_flat(element.tail, table))
            continue
        tag = str(element.tag).lower()
        if event == "start":
            if tag in _SKIPPED:
                walk.skip_subtree()  # its end event still comes, and adds the text after it
            elif table is None and tag == "table" and _is_data(element):
                table = element
                parts.append(_PARAGRAPH_BREAK)
            elif table is not None and tag == "tr":
                cells = 0
            elif table is not None and tag in _CELLS:
                parts.append(_CELL_SEPARATOR if cells else "")
                cells += 1
            elif table is not None and (tag in _BLOCKS or tag == "br"):
                parts.append(" ")
            elif tag in _BLOCKS:
                parts.append(_PARAGRAPH_BREAK)
            elif tag == "br":
                parts.append(_LINE_BREAK)
            if tag not in _SKIPPED:
                parts.append(_flat(element.text, table))
            continue
        if element is table:
            table = None
            parts.append(_PARAGRAPH_BREAK)
        elif table is not None and tag in ("tr", "caption"):
            parts.append(_PARAGRAPH_BREAK)  # a row a paragraph: staging joins the lines of a paragraph
        elif table is not None and tag in _BLOCKS:
            parts.append(" ")
        elif tag in _BLOCKS:
            parts.append(_PARAGRAPH_BREAK)
        if element is not root:
            parts.append(_flat(element.tail, table))
    return _normalise("".join(parts))


def link_share(fragment: str) -> float:
    """The share of a fragment's visible text (its characters other than white space) that is the text of
    links: near 1 for a list of headline links (Google News: `<li><a>Headline</a> <font>Outlet</font></li>`),
    low for a text with a link or a "Read more" in its sentences. Links in skipped chrome do not count."""
    if not _LINK.search(fragment):
        return 0.0
    total = len("".join(html_to_text(fragment).split()))
    root = _fragment(fragment.translate(_NOT_XML)) if total else None
    if root is None:
        return 0.0
    linked = sum(
        len("".join(link.text_content().split()))
        for link in root.iter("a")
        if not any(str(above.tag).lower() in _SKIPPED for above in link.iterancestors())
    )
    return min(1.0, linked / total)


def _fragment(cleaned: str) -> lxml.html.HtmlElement | None:
    """The fragment parsed under a `div`, or None when lxml cannot hold it."""
    try:
        # huge_tree lifts libxml2's 10 MB cap on one text node (it would drop a long body silently); nesting
        # stays capped, at 2,048 levels, and the walk over it is iterative.
        parser = lxml.html.HTMLParser(huge_tree=True)
        return lxml.html.fragment_fromstring(cleaned, create_parent="div", parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _is_data(table: lxml.etree._Element) -> bool:
    """Whether a table holds data, not paragraphs laid out in cells (`_LAYOUT`)."""
    return not any(str(element.tag).lower() in _LAYOUT for element in table.iterdescendants())


def _flat(text: str | None, table: lxml.etree._Element | None) -> str:
    """Text as it goes into the output; in a data table a line break in the markup is a space."""
    if not text:
        return ""
    return text.replace("\n", " ") if table is not None else text


def _normalise(text: str) -> str:
    """Collapse runs of spaces, trim lines, and keep one blank line between paragraphs."""
    text = _BREAKS.sub(lambda run: _LINE_BREAK if run.group() == _LINE_BREAK else _PARAGRAPH_BREAK, text)
    paragraphs = []
    for block in text.replace(_LINE_BREAK, "\n").split(_PARAGRAPH_BREAK):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
