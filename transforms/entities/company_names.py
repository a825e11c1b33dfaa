"""Company names by their legal suffix: `Lear Corp.`, `Jeans Mate Corp`, `Deutsche Bank AG`, `Tesco plc`.

A legal form written after a name says the name is a company's, whatever place or person the rest of it names
(`IBM Corp.`, `Dow Chemical Co`). It also ends the name: the model sometimes runs a span on past it into the
next words (`Computer Systems Inc Q2`, `Daniels Pharmaceuticals Inc of St. Petersburg`). And a company named
with its suffix is a name even where the model found none.
"""

import re

# Legal forms of companies. `Co` is left out where a name could go on after it: Irish and British counties are
# written `Co Cork`, `Co Durham`.
_SUFFIXES = r"Inc|Corp|Corporation|Ltd|Limited|Co|plc|PLC|Plc|LLC|LLP|GmbH|AG|SA|NV|BV|SpA|Bancorp|Bancshares"
_SUFFIX = re.compile(rf"(?:{_SUFFIXES})\.?")
# A suffix with the words a span runs on into after it: ` Q2`, ` of St. Petersburg`, ` Underwriters`.
_RUN_ON = re.compile(rf"\b(?:{_SUFFIXES.replace('|Co|', '|')})\.?(?=\s+(?:of\s+)?[A-Z])(?!\s+(?:{_SUFFIXES})\b)")
_WORD = r"[A-Z][\w'’&.-]*"
# Capitalised words on one line (and `&`) ending in a suffix: `Bear Stearns & Co Inc`, `Apic Yamada Corp`. Found
# alone, only the suffixes that are no other abbreviation (`US AG` is the Attorney General).
_UNAMBIGUOUS = r"Inc|Corp|Corporation|Ltd|Co|plc|PLC|Plc|LLC|GmbH"
_COMPANY = re.compile(rf"(?<![\w.'’-]){_WORD}(?: (?:& )?{_WORD})*? (?:& )?(?:{_UNAMBIGUOUS})(?![\w'’-])\.?")
# A company found after `Name of` or `Name and` may be the tail of a longer name (`Gold Fields of South Africa
# Ltd`) or of a phrase (`Shares of Acme Corp`): left to the model.
_TAIL_OF = re.compile(r"[A-Z][\w'’.-]* (?:of|and) $")
# `The`, a sentence's first word, is no part of a company's name (`The Dow Chemical Co`).
_LEADING_THE = re.compile(r"(?:The|THE)\s+")


def is_company_name(surface: str) -> bool:
    """Whether a name of several words ends with a company's legal form (`IBM Corp.`)."""
    words = surface.split()
    return len(words) > 1 and _SUFFIX.fullmatch(words[-1]) is not None


def name_end(text: str, start: int, end: int) -> int:
    """Where a name in `text[start:end]` ends: right after a company suffix the span runs on past, else `end`."""
    found = _RUN_ON.search(text, start, end)
    return found.end() if found else end


def company_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every name written with a company suffix in `text`."""
    spans = []
    for match in _COMPANY.finditer(text):
        start = match.start()
        if _TAIL_OF.search(text, max(0, start - 40), start):
            continue
        if the := _LEADING_THE.match(text, start, match.end()):
            start = the.end()
        spans.append((start, match.end()))
    return spans
