"""Repair of HTML entities and their remnants in scraped field text (titles and bodies).

Exports carry two kinds of escaping debris:

- real entities left unescaped by the exporter: `&amp;`, `&#39;`, `&lt;TXN.N&gt;`;
- remnants, where a scraper replaced the `&` of an entity with a space (AG News: `Turner #39;s`,
  `the  #36;10 million`, ` quot;phone sex quot;`, `Johnson  amp; Johnson`), and a literal backslash written
  where the text had a line break (`second\\team`).

`repair_entities` undoes both. It is idempotent (it repeats until nothing changes, so `&amp;#39;` ends as `'`
however deeply it was escaped) and leaves text without `&`, `#…;`, a remnant name or a backslash unchanged.
"""

import html
import re
from functools import lru_cache
from html.entities import html5

# Real entities need their closing `;`: `html.unescape` alone also expands bare legacy names, so that
# `Smith&notes` would become `Smith¬es`.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# A remnant is an entity whose `&` became a space, so the space belongs to it: ` #39;s` → `'s`. Numeric
# remnants need two digits or more (`ranked #1;` is prose), named ones come from this list only (a bare
# `year;` or `win;` in a body is prose too).
_NUMERIC_REMNANT = re.compile(r"(?:^| )#([0-9]{2,7});")
_NAMED_REMNANT = re.compile(
    r"(?:^| )(quot|amp|lt|gt|apos|nbsp|hellip|mdash|ndash|lsquo|rsquo|ldquo|rdquo|laquo|raquo|pound|euro);"
)

# Codes below 32 are control characters, which no exporter escapes: `#10;` stays as written. Codes 128-159
# are C1 controls in Unicode, but whoever wrote `#151;` meant windows-1252 (em dash; `#146;` a right quote),
# and `html.unescape` maps them so, following HTML5.
_LOWEST_PRINTABLE = 32


def repair_entities(text: str, *, backslash_breaks: bool = True) -> str:
    """`text` with entities decoded, AG News-style remnants restored and (unless told not to: a text file's
    backslash is a backslash) literal `\\` made line breaks."""
    while True:
        repaired = _repair_once(text, backslash_breaks)
        if repaired == text:
            return text
        text = repaired


def repair_entities_or_none(text: str | None) -> str | None:
    """`repair_entities` for a field that may be missing."""
    return None if text is None else repair_entities(text)


def _repair_once(text: str, backslash_breaks: bool) -> str:
    # Each pass shortens the text or removes a backslash, so the loop in `repair_entities` ends.
    if backslash_breaks and "\\" in text:
        text = text.replace("\\", "\n")
    if "#" in text:
        text = _NUMERIC_REMNANT.sub(_numeric_remnant, text)
    if ";" in text:
        text = _NAMED_REMNANT.sub(lambda m: _decoded(f"&{m.group(1)};"), text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text


def _entity(match: re.Match[str]) -> str:
    entity = match.group(0)
    if entity[1] != "#" and entity[1:] not in html5:
        return entity  # `&notit;` is no entity; `html.unescape` would still expand its prefix `&not`
    return _decoded(entity)


@lru_cache(maxsize=4096)
def _decoded(entity: str) -> str:
    """One entity decoded; cached, as a text repeats the same few (`&#39;`, `&quot;`) thousands of times."""
    return html.unescape(entity)


def _numeric_remnant(match: re.Match[str]) -> str:
    code = int(match.group(1))
    if code < _LOWEST_PRINTABLE or code > 0x10FFFF:
        return match.group(0)  # not a character anyone escapes: leave the text as written
    return _decoded(f"&#{code};")
