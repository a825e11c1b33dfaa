"""Scores of predicted mentions against gold mentions: P/R/F1 per type, and the errors sorted into families.

Two ways to count a hit:
- bag of entities: per document, the set of (normalised surface, type), a surface normalised as `name_key`
  does (repaired, casefolded; no accents, dots, leading `the` or possessive);
- exact spans: (document, start, end, type) against the gold character offsets.
Micro-averages go over PER, ORG and LOC; MISC is reported apart (the warehouse's `other` has no exact
counterpart in CoNLL's MISC).

Error families, over exact spans, each gold mention in exactly one of the first four:
- type: a prediction with the same span and another type (counted per gold→predicted pair);
- boundary: an overlapping prediction of the same type and another extent;
- boundary+type: only overlapping predictions of another type and another extent;
- missing: no overlapping prediction;
- spurious: a prediction overlapping no gold mention.
"""

from collections import Counter
from typing import Any

from bench.entities.gold import Entity
from transforms.entities.countries import name_key
from transforms.repair import repair_text

SCORED = ("PER", "ORG", "LOC")
ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    *((t, (t,)) for t in SCORED),
    ("PER+ORG+LOC", SCORED),
    ("MISC (apart)", ("MISC",)),
)


def prf(predicted: set[Any], gold: set[Any], types: tuple[str, ...]) -> dict[str, float]:
    """Precision, recall and F1 over the items whose type (last element) is in `types`."""
    p = {x for x in predicted if x[-1] in types}
    g = {x for x in gold if x[-1] in types}
    hits = len(p & g)
    precision = hits / len(p) if p else 0.0
    recall = hits / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def bag(entities: list[Entity]) -> set[tuple[str, str, str]]:
    """Per document, the distinct (normalised surface, type) pairs."""
    return {(doc, name_key(repair_text(surface)), kind) for doc, _, _, kind, surface in entities}


def spans(entities: list[Entity]) -> set[tuple[str, int, int, str]]:
    """(document, start, end, type) of every mention."""
    return {(doc, start, end, kind) for doc, start, end, kind, _ in entities}


def metrics(predicted: list[Entity], gold: list[Entity]) -> dict[str, dict[str, dict[str, float]]]:
    """{bag|exact: {row label: {precision, recall, f1}}}, rows PER, ORG, LOC, PER+ORG+LOC, MISC."""
    return {
        "bag": {label: prf(bag(predicted), bag(gold), types) for label, types in ROWS},
        "exact": {label: prf(spans(predicted), spans(gold), types) for label, types in ROWS},
    }


def errors(predicted: list[Entity], gold: list[Entity]) -> dict[str, Counter[str]]:
    """Counts per error family (all four types), type confusions keyed `gold→predicted`."""
    by_doc: dict[str, list[Entity]] = {}
    for p in predicted:
        by_doc.setdefault(p[0], []).append(p)
    families: dict[str, Counter[str]] = {f: Counter() for f in ("type", "boundary", "boundary+type", "missing")}
    families["spurious"] = Counter()
    gold_by_doc: dict[str, list[Entity]] = {}
    for g in gold:
        gold_by_doc.setdefault(g[0], []).append(g)
    for doc, start, end, kind, _ in gold:
        overlapping = [p for p in by_doc.get(doc, []) if p[1] < end and start < p[2]]
        same_span = {p[3] for p in overlapping if (p[1], p[2]) == (start, end)}
        if kind in same_span:
            continue
        if same_span:
            families["type"][f"{kind}→{sorted(same_span)[0]}"] += 1
        elif any(p[3] == kind for p in overlapping):
            families["boundary"][kind] += 1
        elif overlapping:
            families["boundary+type"][f"{kind}→{overlapping[0][3]}"] += 1
        else:
            families["missing"][kind] += 1
    for doc, start, end, kind, _ in predicted:
        if not any(g[1] < end and start < g[2] for g in gold_by_doc.get(doc, [])):
            families["spurious"][kind] += 1
    return families


def table(results: dict[str, dict[str, dict[str, dict[str, float]]]]) -> str:
    """P/R/F1 per row, bag and exact, one column group per system."""
    names = list(results)
    header = f"{'type':<14}" + "".join(f"{metric + ' ' + n:>21}" for metric in ("bag", "exact") for n in names)
    lines = [header, f"{'':<14}" + "       P     R    F1  " * 2 * len(names)]
    for label, _ in ROWS:
        cells = ""
        for metric in ("bag", "exact"):
            for n in names:
                s = results[n][metric][label]
                cells += f"  {s['precision']:6.3f}{s['recall']:6.3f}{s['f1']:6.3f}  "
        lines.append(f"{label:<14}{cells}")
    return "\n".join(lines)


def error_lines(families: dict[str, Counter[str]]) -> list[str]:
    """One line per family: its total, then its keys by count."""
    return [
        f"  {family:<14}{sum(counts.values()):>5}  " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        for family, counts in families.items()
    ]
