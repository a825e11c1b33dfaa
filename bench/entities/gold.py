"""Gold sets for entity extraction: document texts by name and the gold mentions, offsets checked on load.

Two gold sets share one record format (`gold.jsonl`: `{doc, title, entities: [{type, start, end, text}]}`, types
PER/ORG/LOC/MISC, character offsets into the document's text):
- CoNLL-2003 English dev (`../shared/corpora/conll2003-dev`): the text is the document's `.txt` file;
- news60 (`bench/gold/news60`): BBC and AG News articles annotated for this project. The records hold only
  references (`corpus` with `path_or_row`), never the texts, which are re-read from `../shared/corpora`:
  a BBC text is the file as decoded (UTF-8, else Latin-1), an AG News text is `title + "\n\n" + description`
  of the CSV row (0-based, headerless) with the field values exactly as the csv module reads them.
"""

import csv
import json
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
CONLL = CORPORA / "conll2003-dev"
NEWS60 = REPO / "bench" / "gold" / "news60" / "gold.jsonl"
TYPES = ("PER", "ORG", "LOC", "MISC")

# (document, start, end, type, surface): one gold or predicted mention, offsets into the document's text.
Entity = tuple[str, int, int, str, str]


class GoldMismatch(ValueError):
    """A gold record whose surface string is not the text at its offsets, or whose type is not a gold type."""


def bbc_text(corpora: Path, relative: str) -> str:
    """A BBC article as its file decodes: title line, blank line, paragraphs (one file is Latin-1)."""
    raw = (corpora / relative).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


@cache
def _agnews_rows(path: Path) -> tuple[tuple[str, ...], ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(tuple(row) for row in csv.reader(handle))


def agnews_text(corpora: Path, row: int) -> str:
    """An AG News test row (0-based) as `title + "\\n\\n" + description`, fields as the csv module reads them."""
    _, title, description = _agnews_rows(corpora / "agnews" / "test.csv")[row]
    return f"{title}\n\n{description}"


def record_text(record: dict, corpora: Path) -> str:
    """The text a news60 record's offsets point into, re-read from the corpora."""
    if record["corpus"] == "bbc":
        return bbc_text(corpora, record["path_or_row"])
    if record["corpus"] == "agnews":
        return agnews_text(corpora, int(record["path_or_row"]))
    raise GoldMismatch(f"{record['doc']}: unknown corpus {record['corpus']!r}")


def check(doc: str, text: str, entities: list[dict]) -> list[Entity]:
    """The record's entities as tuples, raising GoldMismatch when a surface or type is wrong."""
    found = []
    for e in entities:
        if e["type"] not in TYPES:
            raise GoldMismatch(f"{doc}: type {e['type']!r} of {e['text']!r} is not one of {TYPES}")
        if not 0 <= e["start"] < e["end"] <= len(text) or text[e["start"] : e["end"]] != e["text"]:
            actual = text[e["start"] : e["end"]]
            raise GoldMismatch(f"{doc}: {e['text']!r} at {e['start']}:{e['end']} reads {actual!r} in the text")
        found.append((doc, e["start"], e["end"], e["type"], e["text"]))
    return found


def load_conll(corpus: Path = CONLL) -> tuple[dict[str, str], list[Entity]]:
    """CoNLL-2003 dev: document texts by name, and the gold entities."""
    texts: dict[str, str] = {}
    gold: list[Entity] = []
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["doc"]] = (corpus / record["doc"]).read_text(encoding="utf-8")
        gold += check(record["doc"], texts[record["doc"]], record["entities"])
    return texts, gold


def load_news60(path: Path = NEWS60, corpora: Path = CORPORA) -> tuple[dict[str, str], list[Entity]]:
    """news60: texts re-read from the corpora by reference, and the gold entities checked against them."""
    texts: dict[str, str] = {}
    gold: list[Entity] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record_text(record, corpora)
        if not text.startswith(record["title"]):
            raise GoldMismatch(f"{record['doc']}: the text no longer starts with its title {record['title']!r}")
        texts[record["doc"]] = text
        gold += check(record["doc"], text, record["entities"])
    return texts, gold
