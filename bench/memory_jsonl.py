"""Peak memory of JSON Lines loads of 1,000, 5,000 and 10,000 records: it should not grow with the record count.

Records are HuffPost's (../shared/corpora/huffpost), repeated with distinct URLs and a varied line so each is a
new article. The pipeline works in bounded chunks, so peak RSS should stay roughly flat; each size runs with
1,000-record chunks (1k records is one chunk, 10k is ten). Run: `.venv/bin/python bench/memory_jsonl.py`
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA


def make_jsonl(path: Path, n: int) -> None:
    records = [json.loads(line) for line in (CORPORA / "huffpost" / "news_category_sample.jsonl").open()]
    with path.open("w") as out:
        for i in range(n):
            record = dict(records[i % len(records)])
            record["link"] = f"{record['link']}?copy={i}"
            record["short_description"] = f"{record['short_description']} (Edition {i}: {i * 7919 % 104729}.)"
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
    """One run in a fresh interpreter, with 1,000-record chunks, so that each size's peak RSS is its own."""
    env = os.environ | {"BROADSHEET_CHUNK_RECORDS": "1000"}
    command = [sys.executable, str(Path(__file__).parent / "common.py"), str(source), "-w", str(warehouse)]
    result = json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    return result["wall"], result["peak_mb"], result["summary"]


if __name__ == "__main__":
    main()
