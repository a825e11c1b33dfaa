"""Repair of the artefacts that scraping and aggregators leave in text.

`repair_text` is what staging stores; entity extraction reads the repaired text, so offsets point into it.
"""

import re

_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def repair_text(text: str) -> str:
    """Collapse runs of spaces and blank lines; paragraphs stay separated by one blank line."""
    paragraphs = _BLANK_LINES.split(text.strip())
    return "\n\n".join(_SPACES.sub(" ", p.replace("\n", " ")).strip() for p in paragraphs if p.strip())
