"""Peak memory of JSON Lines loads of 1,000, 5,000 and 10,000 records: it should not grow with the record count.

The records are 10,000 distinct real articles: AG News, BBC and HuffPost (../shared/corpora) interleaved so that every
stretch of the file has the same mix of short and long texts, as JSON Lines with the field names of HuffPost's
export. The pipeline works in bounded batches, each published on its own, so peak RSS should stay roughly flat; each
size runs with 1,000-record batches (1k records is one batch, 10k is ten). Run: `.venv/bin/python bench/memory_jsonl.py`

Distinct articles matter: a record repeated ten times is a near copy of each earlier repetition, and the memory of
near-duplicate detection follows how many earlier copies an article has, not how many records a run reads.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA


def real_articles() -> list[list[dict[str, str]]]:
    """The three corpora's articles, each a list of records with HuffPost's field names."""
    labels = (CORPORA / "agnews" / "classes.txt").read_text().split()
    with (CORPORA / "agnews" / "test.csv").open(newline="") as handle:
        agnews = [
            {"headline": title, "short_description": body, "category": labels[int(label) - 1]}
            for label, title, body in csv.reader(handle)
        ]
    bbc = []
    for path in sorted((CORPORA / "bbc").glob("*/*.txt")):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        bbc.append({"headline": title.strip(), "short_description": body.strip(), "category": path.parent.name})
    huffpost = [json.loads(line) for line in (CORPORA / "huffpost" / "news_category_sample.jsonl").open()]
    return [agnews, bbc, huffpost]


def make_jsonl(path: Path, n: int) -> None:
    """The first `n` of the interleaved articles: record i of a corpus of size m sits at position i / m."""
    corpora = real_articles()
    ordered = sorted(
        ((i / len(records), c, record) for c, records in enumerate(corpora) for i, record in enumerate(records)),
        key=lambda item: item[:2],
    )
    if len(ordered) < n:
        raise SystemExit(f"only {len(ordered)} distinct articles in {CORPORA}; asked for {n}")
    with path.open("w") as out:
        for _, _, record in ordered[:n]:
            out.write(json.dumps(record) + "\n")


def main() -> None:
    print("peak RSS: the largest process of the run (the pipeline's own peak is in brackets)")
    print(f"{'records':>8}{'wall s':>9}{'peak RSS MB':>13}  outcome")
    for n in (1_000, 5_000, 10_000):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / f"news-{n}.jsonl"
            make_jsonl(source, n)
            # A fresh interpreter per size: ru_maxrss of children only ever grows within this process, so each size
            # runs under its own python to read its own peak.
            wall, peak, summary = _isolated(source, Path(folder) / "w.duckdb")
            print(f"{n:>8,}{wall:>9.1f}{peak:>13,}  {summary}")


def _isolated(source: Path, warehouse: Path) -> tuple[float, int, str]:
    """One run in a fresh interpreter, with 1,000-record batches, so that each size's peak RSS is its own."""
    env = os.environ | {"BROADSHEET_BATCH_RECORDS": "1000"}
    command = [sys.executable, str(Path(__file__).parent / "common.py"), str(source), "-w", str(warehouse)]
    result = json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    return result["wall"], result["peak_mb"], result["summary"]


if __name__ == "__main__":
    main()
