"""Unchanged re-run of the HuffPost and BBC corpora against the first run, in one sitting.

The goal: an unchanged re-run costs at most 5 % of the first. Both the wall time of the command and the flow's
own time (from `etl_run`) are reported: the wall time includes Python start-up and Prefect's temporary API
(about 6-10 s here), which a Prefect server (`PREFECT_API_URL`) removes.

Run: `.venv/bin/python bench/incremental.py`
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, broadsheet_run, in_flow_seconds


def main() -> None:
    sources = [str(CORPORA / "huffpost"), str(CORPORA / "bbc")]
    with tempfile.TemporaryDirectory() as folder:
        warehouse = Path(folder) / "bench.duckdb"
        first_wall, _, first = broadsheet_run(*sources, "-w", str(warehouse))
        again_wall, _, again = broadsheet_run(*sources, "-w", str(warehouse))
        first_flow, again_flow = in_flow_seconds(warehouse, 1), in_flow_seconds(warehouse, 2)
    print(f"{'run':<18}{'wall s':>9}{'flow s':>9}  outcome")
    print(f"{'first':<18}{first_wall:>9.2f}{first_flow:>9.2f}  {first}")
    print(f"{'unchanged re-run':<18}{again_wall:>9.2f}{again_flow:>9.2f}  {again}")
    print(f"re-run / first: wall {again_wall / first_wall:.1%}, flow {again_flow / first_flow:.1%} (goal <= 5%)")


if __name__ == "__main__":
    main()
