"""HTML fragments (a feed item's summary or content) turned into plain text with paragraph breaks."""

import re

import lxml.etree
import lxml.html

# Elements that start a new paragraph in the text; `br` starts a new line.
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
# fmt: on
# Characters XML cannot hold; lxml refuses strings that contain them.
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
# Runs to collapse: two or more spaces, or any other horizontal white space (a lone space is left alone,
# which keeps a 50 MB body from costing 10 million no-op replacements).
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v\u00a0]")
_PARAGRAPH_BREAK = "\x1d"  # a placeholder no text holds once `_NOT_XML` characters are gone


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment: paragraphs separated by a blank line, spaces collapsed.

    Scripts, styles, captions and page chrome (`_SKIPPED`) are dropped, entities decoded. Text nested deeper
    than libxml2's cap of 2,048 levels is dropped: no article is marked up that deep.
    """
    cleaned = fragment.translate(_NOT_XML)
    if not cleaned.strip():
        return ""
    try:
        # huge_tree lifts libxml2's 10 MB cap on one text node (it would drop a long body silently); nesting
        # stays capped, at 2,048 levels, and the walk below is iterative.
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.fragment_fromstring(cleaned, create_parent="div", parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return _normalise(cleaned)
    parts: list[str] = []
    walk = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        if event in ("comment", "pi"):
            parts.append(element.tail or "")
            continue
        tag = str(element.tag).lower()
        if event == "start":
            if tag in _SKIPPED:
                walk.skip_subtree()  # its end event still comes, and adds the text after it
            elif tag in _BLOCKS:
                parts.append(_PARAGRAPH_BREAK)
            elif tag == "br":
                parts.append("\n")
            if tag not in _SKIPPED:
                parts.append(element.text or "")
            continue
        if tag in _BLOCKS:
            parts.append(_PARAGRAPH_BREAK)
        if element is not root:
            parts.append(element.tail or "")
    return _normalise("".join(parts))


def _normalise(text: str) -> str:
    """Collapse runs of spaces, trim lines, and keep one blank line between paragraphs."""
    paragraphs = []
    for block in text.split(_PARAGRAPH_BREAK):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
