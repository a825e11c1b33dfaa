"""Build news60's gold set: choose its documents, expand `annotations.txt` into offsets, compare two passes.

    .venv/bin/python bench/gold/news60/make.py choose            # the documents, one `== doc corpus ref` line each
    .venv/bin/python bench/gold/news60/make.py build             # annotations.txt -> gold.jsonl (offsets checked)
    .venv/bin/python bench/gold/news60/make.py compare OLD NEW   # per document: changes between two gold files

`annotations.txt` holds, under each document's `== doc corpus path_or_row` line, one `TYPE surface` line per
entity named in it. A surface stands for every occurrence of it as a whole word (no letter or digit
either side), longer surfaces first, so `New York Times` wins over `New York` inside it. `TYPE surface@N`
annotates only its N-th (0-based) whole-word occurrence, and `- surface@N` leaves that occurrence out (a
surface that names different things in one text, or a common word). Offsets are computed, never typed.
"""

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from bench.entities.gold import CORPORA, NEWS60, TYPES, _agnews_rows, bbc_text, check, record_text

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations.txt"
SEED = 60
BBC_PER_CATEGORY, BBC_MAX_WORDS = 6, 350
AGNEWS_PER_CLASS = 8


def choose(corpora: Path = CORPORA) -> list[tuple[str, str, str]]:
    """(doc, corpus, path_or_row): 6 BBC articles per category under 350 words, distinct texts; 8 AG News
    rows per class; each a seeded sample of its folder's or class's candidates in sorted order."""
    rng = random.Random(SEED)
    chosen = []
    for category in sorted(p.name for p in (corpora / "bbc").iterdir() if p.is_dir()):
        seen, candidates = set(), []
        for path in sorted((corpora / "bbc" / category).glob("*.txt")):
            text = bbc_text(corpora, str(path.relative_to(corpora)))
            digest = hashlib.sha256(text.encode()).hexdigest()
            if len(text.split()) < BBC_MAX_WORDS and digest not in seen:
                candidates.append(path.relative_to(corpora))
            seen.add(digest)
        for relative in sorted(rng.sample(candidates, BBC_PER_CATEGORY)):
            chosen.append((f"bbc-{category}-{relative.stem}", "bbc", str(relative)))
    rows = _agnews_rows(corpora / "agnews" / "test.csv")
    for label in ("1", "2", "3", "4"):
        candidates_rows = [i for i, row in enumerate(rows) if row[0] == label]
        for row in sorted(rng.sample(candidates_rows, AGNEWS_PER_CLASS)):
            chosen.append((f"agnews-{row}", "agnews", str(row)))
    return chosen


def _occurrences(text: str, surface: str) -> list[int]:
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text)]


def expand(doc: str, text: str, lines: list[str]) -> list[dict]:
    """The entities of one document's annotation lines, sorted by offset; raises on a surface not found."""
    claimed: list[tuple[int, int]] = []
    entities = []

    def claim(start: int, end: int, kind: str, surface: str) -> None:
        if any(s < end and start < e for s, e in claimed):
            return
        claimed.append((start, end))
        if kind != "-":
            entities.append({"type": kind, "start": start, "end": end, "text": surface})

    parsed = []
    for line in lines:
        kind, _, surface = line.partition(" ")
        surface, at, index = surface.strip().rpartition("@") if re.search(r"@\d+$", surface) else (surface, "", "")
        surface = surface.strip()
        if kind not in (*TYPES, "-"):
            raise ValueError(f"{doc}: bad type in {line!r}")
        found = _occurrences(text, surface)
        if not found:
            raise ValueError(f"{doc}: {surface!r} not found as a whole word")
        if at and int(index) >= len(found):
            raise ValueError(f"{doc}: {surface!r} has {len(found)} occurrences, not @{index}")
        parsed.append((kind, surface, [found[int(index)]] if at else found, bool(at)))
    for kind, surface, starts, _ in sorted(parsed, key=lambda p: (not p[3], -len(p[1]))):
        for start in starts:
            claim(start, start + len(surface), kind, surface)
    return sorted(entities, key=lambda e: e["start"])


def build(annotations: Path = ANNOTATIONS, out: Path = NEWS60, corpora: Path = CORPORA) -> None:
    """Write gold.jsonl from the annotations, every surface checked against its offsets."""
    records = []
    header: tuple[str, ...] | None = None
    lines: list[str] = []
    for raw in [*annotations.read_text(encoding="utf-8").splitlines(), "== end"]:
        line = raw.strip()
        if line.startswith("=="):
            if header is not None:
                doc, corpus, ref = header
                record = {"doc": doc, "corpus": corpus, "path_or_row": ref}
                text = record_text(record, corpora)
                entities = expand(doc, text, lines)
                check(doc, text, entities)
                records.append({**record, "title": text.partition("\n\n")[0], "entities": entities})
            header, lines = tuple(line[2:].split()) if line != "== end" else None, []
        elif line and not line.startswith("#"):
            lines.append(line)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} documents, {sum(len(r['entities']) for r in records)} entities -> {out}")


def compare(old: Path, new: Path) -> dict[str, dict[str, int]]:
    """Per document: mentions added, removed, retyped (same span) and re-bounded (overlapping, other extent)."""
    spans: dict[str, dict[str, dict[tuple[int, int], str]]] = defaultdict(lambda: defaultdict(dict))
    for name, path in (("old", old), ("new", new)):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            spans[record["doc"]][name] = {(e["start"], e["end"]): e["type"] for e in record["entities"]}
    changes = {}
    for doc, sides in spans.items():
        before, after = sides.get("old", {}), sides.get("new", {})
        retyped = sum(1 for s in before.keys() & after.keys() if before[s] != after[s])
        gone = [s for s in before.keys() - after.keys()]
        came = [s for s in after.keys() - before.keys()]
        rebounded = sum(1 for s in gone if any(s[0] < c[1] and c[0] < s[1] for c in came))
        changes[doc] = {
            "added": len(came) - rebounded,
            "removed": len(gone) - rebounded,
            "retyped": retyped,
            "rebounded": rebounded,
        }
    return changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("choose", "build", "compare"))
    parser.add_argument("files", nargs="*", type=Path, help="compare: the older and the newer gold.jsonl")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora (default ../shared/corpora)")
    args = parser.parse_args()
    if args.command == "choose":
        for doc, corpus, ref in choose(args.corpora):
            print(f"== {doc} {corpus} {ref}")
    elif args.command == "build":
        build(corpora=args.corpora)
    else:
        print(json.dumps(compare(*args.files), indent=1))


if __name__ == "__main__":
    main()
