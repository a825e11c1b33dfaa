"""Kill a real `broadsheet run` with SIGKILL at each halt point: published data is untouched, a re-run completes."""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from flows.settings import sample_folder
from tests import faults
from tests.faults import POINTS

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


def broadsheet(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [*faults.command(), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def halted(point: str, source: Path, warehouse: Path, marker: Path, env: dict[str, str]) -> subprocess.Popen:
    """A `broadsheet run` of `source` that has reached the halt point `point` (`enrich`, `enrich:2`) and waits there."""
    run = broadsheet(
        "run",
        str(source),
        "-w",
        str(warehouse),
        env=env | faults.halted_env(point, marker),
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert run.poll() is None, f"run ended before reaching {point}: {run.stderr.read()}"
        assert time.monotonic() < deadline, f"never reached {point}"
        time.sleep(0.05)
    return run


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            view: con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()  # noqa: S608 - fixed names
            for view in ("v_articles", "fct_article", "dim_source", "dim_category", "dim_date")
        }


def articles(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "news" / "world"
    root.mkdir(parents=True)
    for i in range(n):
        (root / f"{i:03}.txt").write_text(f"Story {i}\n\nWords of story number {i} for the record.\n")
    return root.parent


def test_a_run_killed_at_any_point_leaves_published_data_as_it_was(tmp_path, cli_env):
    warehouse = tmp_path / "w.duckdb"
    first = broadsheet("run", str(sample_folder()), "-w", str(warehouse), env=cli_env)
    assert first.wait(120) == 0, first.stderr.read()
    before = snapshot(warehouse)
    source = articles(tmp_path, 5)

    for point in POINTS:
        run = halted(point, source, warehouse, tmp_path / f"halted-{point}", cli_env)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(30)
        assert snapshot(warehouse) == before, f"published tables changed by a run killed at {point}"

    done = broadsheet("run", str(source), "-w", str(warehouse), env=cli_env)
    assert done.wait(120) == 0, done.stderr.read()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statuses = con.execute("SELECT status FROM v_runs ORDER BY load_id").fetchall()
        assert [s for (s,) in statuses] == ["published"] + ["failed"] * len(POINTS) + ["published"]
        assert con.execute("SELECT count(*) FROM v_articles").fetchone() == (6,)
        assert con.execute(
            "SELECT count(*) FROM v_runs WHERE status = 'published' "
            "AND records_read != published + duplicates + quarantined + blocked"
        ).fetchone() == (0,)
        for table in ("fct_article", "dim_source", "dim_date", "dim_category"):
            leftover = con.execute(f"SELECT count(*) FROM staging.{table}").fetchone()  # noqa: S608
            assert leftover == (0,), f"staging.{table} still holds rows of dead runs"


def test_a_run_killed_in_its_second_batch_keeps_the_first_and_a_rerun_completes_it(tmp_path, cli_env):
    warehouse = tmp_path / "w.duckdb"
    source = articles(tmp_path, 5)
    env = cli_env | {"BROADSHEET_BATCH_RECORDS": "2"}  # batches of two records: 000-001, 002-003, 004
    run = halted("enrich:2", source, warehouse, tmp_path / "halted", env)  # in the second batch
    os.kill(run.pid, signal.SIGKILL)
    run.wait(30)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        titles = con.execute("SELECT title FROM v_articles ORDER BY title").fetchall()
        assert titles == [("Story 0",), ("Story 1",)], "the first batch was published before the kill"
        assert con.execute("SELECT status, published FROM v_runs").fetchall() == [("running", 2)]

    done = broadsheet("run", str(source), "-w", str(warehouse), env=env)
    assert done.wait(120) == 0, done.stderr.read()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        runs = con.execute("SELECT status, published, duplicates, message FROM v_runs ORDER BY load_id").fetchall()
        assert [run[:3] for run in runs] == [("failed", 2, 0), ("published", 3, 2)]
        assert "the 2 articles of its completed batches stay published" in runs[0][3]
        assert con.execute("SELECT count(*), count(DISTINCT title) FROM v_articles").fetchone() == (5, 5)


def test_a_second_run_waits_for_the_first_or_fails_naming_it(tmp_path, cli_env):
    warehouse = tmp_path / "w.duckdb"
    first = halted("enrich", articles(tmp_path, 2), warehouse, tmp_path / "halted", cli_env)
    try:
        second = broadsheet("run", "-w", str(warehouse), "--wait", "1", env=cli_env)
        assert second.wait(120) == 4
        message = second.stderr.read()
        assert "load 1" in message and "is loading" in message
        assert "Traceback" not in message  # one clear message, not Prefect's traceback before it

        reader = broadsheet("sql", "SELECT count(*) FROM v_runs", "-w", str(warehouse), "-f", "csv", env=cli_env)
        assert reader.wait(60) == 0, reader.stderr.read()  # between writes, readers see a consistent snapshot
        assert reader.stdout.read().splitlines() == ["count_star()", "1"]
    finally:
        first.kill()
        first.wait(30)


def test_a_blocked_run_says_why_in_one_message_without_a_traceback(tmp_path, cli_env):
    source = tmp_path / "scraped"
    source.mkdir()
    # Two articles that fail the same row-level expectation (a 400-character title): more than the tolerated
    # share, so the batch blocks.
    for i in range(2):
        (source / f"{i}.json").write_text(json.dumps({"title": f"{'word ' * 80}{i}", "body": "A body paragraph."}))
    blocked = broadsheet("run", str(source), "-w", str(tmp_path / "w.duckdb"), env=cli_env)
    assert blocked.wait(120) == 3
    stdout, stderr = blocked.stdout.read(), blocked.stderr.read()
    assert stdout.startswith("Load 1 blocked: read 2, published 0, duplicates 0, quarantined 0, blocked 2")
    assert "Blocked: blocked by the quality gate" in stderr
    assert "Traceback" not in stderr
