"""End-to-end throughput and memory of `broadsheet run` on the BBC corpus (1,781 articles).

Measures, in one process tree and one sitting (the machine is shared and noisy, so speeds are ratios to a
baseline taken in the same run):

- baseline: reading and decoding the same files in plain Python (the floor any pipeline pays);
- first run: the full pipeline into a new warehouse (Prefect, polars, DuckDB, Great Expectations);
- re-run: the same input again, which must publish nothing.

Run: `.venv/bin/python bench/pipeline_bbc.py [CORPUS_DIR]` (default ../shared/corpora/bbc).
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def baseline(corpus: Path) -> tuple[float, int]:
    started = time.perf_counter()
    files = [p for p in sorted(corpus.rglob("*.txt")) if p.stem.lower() != "readme"]
    for path in files:
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data.decode("latin-1")
    return time.perf_counter() - started, len(files)


def pipeline(corpus: Path, warehouse: Path) -> tuple[float, str]:
    env = os.environ | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    started = time.perf_counter()
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "broadsheet"), "run", str(corpus), "-w", str(warehouse)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    summary = next(line for line in result.stdout.splitlines() if line.startswith("Load "))
    return time.perf_counter() - started, summary


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "corpora" / "bbc"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}")
    base, n = baseline(corpus)
    with tempfile.TemporaryDirectory() as folder:
        warehouse = Path(folder) / "bench.duckdb"
        first, first_summary = pipeline(corpus, warehouse)
        again, again_summary = pipeline(corpus, warehouse)
        size = warehouse.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = [
        ("baseline: read + decode", f"{base:.2f}", f"{n / base:,.0f}", "1.0×", ""),
        ("first run", f"{first:.2f}", f"{n / first:,.0f}", f"{first / base:,.0f}×", first_summary),
        (
            "unchanged re-run",
            f"{again:.2f}",
            f"{n / again:,.0f}",
            f"{again / first:.0%} of first",
            again_summary,
        ),
    ]
    print(f"corpus: {corpus} ({n} files)")
    print(f"{'step':<26}{'seconds':>9}{'articles/s':>12}{'ratio':>16}  outcome")
    for step, seconds, rate, ratio, outcome in rows:
        print(f"{step:<26}{seconds:>9}{rate:>12}{ratio:>16}  {outcome}")
    print(f"peak RSS of a run: {peak_mb:,.0f} MB; warehouse file: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
