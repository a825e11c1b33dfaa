"""A load's cost against the size of the warehouse it loads into: 1,000 new articles into an empty warehouse and
into one that already holds 200,000 (synthetic, built here), in one sitting.

The goal: at most 1.3× the time into a warehouse of 200,000 articles, so that a batch's cost follows the batch, not
the warehouse. The large warehouse is built directly in SQL (articles with MinHash signatures, sources, dates,
entities and mentions shaped as real loads leave them) as a warehouse made before the near-duplicate band index
(migration 0011), then migrated, which fills the index from its articles (timed apart). Then the same 1,000 AG
News articles are loaded into each warehouse by `broadsheet run`, reporting to one Prefect server, each timed by
the flow (`etl_run`) and the wall clock.

Run: `.venv/bin/python bench/large_warehouse.py [--articles 200000] [--new 1000]`
"""

import argparse
import csv
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, REPO, broadsheet_run, in_flow_seconds

sys.path.insert(0, str(REPO))
from flows.runtime.prefect_server import LocalPrefectServer
from warehouse.connection import DuckDBFile
from warehouse.migrate import migrate

# Shaped like a real load: about 10 entities an article, drawn from 20,000 entities, 50 sources, 3 years of days.
MENTIONS_PER_ARTICLE = 10
ENTITIES = 20_000
SOURCES = 50


# The last migration before the band index, which the large warehouse is filled under.
BEFORE_BAND_INDEX = 10


def build(path: Path, articles: int) -> tuple[float, float]:
    """A warehouse holding `articles` published synthetic articles; returns the seconds it took, and those of them
    that migrating it to the band index took."""
    started = time.perf_counter()
    with DuckDBFile(path).connect() as con:
        migrate(con, through=BEFORE_BAND_INDEX)
        fill(con, articles)
        indexed = time.perf_counter()
        migrate(con)
        indexed = time.perf_counter() - indexed
        con.execute("CHECKPOINT")
    return time.perf_counter() - started, indexed


def fill(con: duckdb.DuckDBPyConnection, articles: int) -> None:
    """Publish `articles` synthetic articles into a migrated, empty warehouse (`con`'s default catalog)."""
    con.execute(
        "INSERT INTO etl_run (load_id, started_at, finished_at, status, sources, records_read, published,"
        " duplicates, quarantined, blocked) VALUES (1, now(), now(), 'published', ['synthetic'], ?, ?, 0, 0, 0)",
        [articles, articles],
    )
    con.execute("INSERT INTO dim_source SELECT 'src-' || i, 'source ' || i, 1 FROM range(?) AS t(i)", [SOURCES])
    con.execute(
        "INSERT INTO dim_date SELECT strftime(d, '%Y%m%d')::INTEGER, d, year(d), quarter(d), month(d),"
        " monthname(d), day(d), isodow(d), dayname(d), isoyear(d), week(d), date_trunc('week', d)::DATE,"
        " isodow(d) >= 6, 1 FROM (SELECT DATE '2022-01-01' + INTERVAL (i) DAY AS d FROM range(1100) t(i))"
        " AS days(d)"
    )
    con.execute(
        "INSERT INTO dim_entity (entity_id, entity_name, entity_type, load_id, country_inferred)"
        " SELECT 'ent-' || i, 'Entity ' || i, ['person', 'organization', 'location', 'other'][1 + i % 4], 1, false"
        " FROM range(?) AS t(i)",
        [ENTITIES],
    )
    con.execute(
        "INSERT INTO fct_article (article_key, article_id, source_uri, source_key, source_kind,"
        " published_date_key, ingested_date_key, published_at, ingested_at, title, body, word_count,"
        " paragraph_count, is_duplicate, content_hash, version, valid_from, is_current, load_id, cluster_id,"
        " minhash)"
        " SELECT 'key-' || i, 'art-' || i, '/synthetic/' || i || '.txt', 'src-' || (i % ?), 'text',"
        " strftime(DATE '2022-01-01' + INTERVAL (i % 1100) DAY, '%Y%m%d')::INTEGER,"
        " strftime(DATE '2022-01-01' + INTERVAL (i % 1100) DAY, '%Y%m%d')::INTEGER,"
        " TIMESTAMPTZ '2022-01-01' + INTERVAL (i % 1100) DAY, now(), 'Synthetic story ' || i,"
        " 'A synthetic body of story ' || i, 6, 1, false, md5(i::VARCHAR), 1, now(), true, 1, 'art-' || i,"
        " list_transform(range(128), x -> hash(i, x)::UBIGINT)"
        " FROM range(?) AS t(i)",
        [SOURCES, articles],
    )
    for table in ("fct_entity_mention", "fct_entity_occurrence"):
        columns = (
            "'key-' || a, 'art-' || a, 'ent-' || ((a * 7919 + m * 104729) % ?), 1, m * 10, 0.1, 1"
            if table == "fct_entity_mention"
            else "'key-' || a, 'art-' || a, 'ent-' || ((a * 7919 + m * 104729) % ?), 'Entity', 'body', m * 10,"
            " m * 10 + 6, false, 1"
        )
        con.execute(
            f"INSERT INTO {table} SELECT {columns} FROM range(?) AS t(a), range(?) AS u(m)",  # noqa: S608
            [ENTITIES, articles, MENTIONS_PER_ARTICLE],
        )


def new_articles(folder: Path, count: int) -> Path:
    """The first `count` AG News articles, as a headerless CSV (class, title, description)."""
    source = CORPORA / "agnews" / "test.csv"
    target = folder / "agnews-slice.csv"
    with source.open(newline="", encoding="utf-8") as given, target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_ALL)
        for i, row in enumerate(csv.reader(given)):
            if i == count:
                break
            writer.writerow(row)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--new", type=int, default=1_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        large = root / "large.duckdb"
        # Built in a process of its own: a run's process started from this one would otherwise report this one's
        # peak memory (DuckDB's, building) as its own, since a child's peak RSS starts from its parent's.
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            built, indexed = pool.apply(build, (large, arguments.articles))
        print(
            f"built a warehouse of {arguments.articles:,} articles in {built:.1f} s ({large.stat().st_size >> 20} MB),"
            f" {indexed:.1f} s of them migrating it to the band index"
        )
        source = new_articles(root, arguments.new)
        server = LocalPrefectServer(scheduler=False)
        try:
            env = {"PREFECT_API_URL": server.wait_until_healthy()}
            args = ("--columns", "category,title,body", "--batch-records", str(arguments.new))
            results = {}
            # Empty, large, then each again: medians of two, in alternating order.
            for i, name in enumerate(("empty", "large", "large", "empty")):
                target = root / f"{name}-{i}.duckdb"  # each run into a fresh copy
                if name == "large":
                    shutil.copyfile(large, target)  # streamed: this process's memory stays out of the run's
                wall, peak, summary = broadsheet_run(str(source), "-w", str(target), *args, extra_env=env)
                load_id = 2 if name == "large" else 1
                results.setdefault(name, []).append((wall, in_flow_seconds(target, load_id), peak, summary))
        finally:
            server.stop()
    print(f"{'warehouse':<12}{'wall s':>9}{'flow s':>9}{'peak MB':>9}  outcome")
    for name, runs in results.items():
        for wall, flow, peak, summary in runs:
            print(f"{name:<12}{wall:>9.2f}{flow:>9.2f}{peak:>9}  {summary}")
    flow = {name: sorted(r[1] for r in runs)[0] for name, runs in results.items()}
    wall = {name: sorted(r[0] for r in runs)[0] for name, runs in results.items()}
    print(
        f"large / empty ({arguments.articles:,} articles held): flow {flow['large'] / flow['empty']:.2f}×, "
        f"wall {wall['large'] / wall['empty']:.2f}× (best of two each; goal <= 1.3×)"
    )


if __name__ == "__main__":
    main()
