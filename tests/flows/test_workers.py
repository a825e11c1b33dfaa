"""Enrichment on Dask workers: a local cluster, an existing one started by hand, and one that is not there.

Every way publishes the same articles, entities and mentions, with the same keys."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from flows.pipeline import run_pipeline
from flows.runtime.cluster import QUIET_LOCAL_CLUSTER, task_runner
from flows.settings import RunOptions, sample_folder

pytestmark = [pytest.mark.e2e]

STORIES = {
    "mali.txt": "Mali attack\n\nGunmen attacked an army base in Mali near Niger, officials in Bamako said.",
    "markets.txt": "Markets rally\n\nShares rose in London and Paris as the Bank of England held rates.",
    "cup.txt": "Cup final\n\nManchester United beat Chelsea at Wembley, with Marcus Rashford scoring twice.",
    "summit.txt": "Summit\n\nAngela Merkel met Emmanuel Macron in Berlin to discuss the European Union budget.",
    "copy.txt": "Mali attack again\n\nGunmen attacked an army base in Mali near Niger, officials in Bamako said.",
}

# What a run publishes, without what depends on when it ran.
PUBLISHED = {
    "articles": "SELECT article_id, source_uri, title, word_count, category, language, sentiment, is_duplicate,"
    " cluster_id FROM v_articles ORDER BY article_id",
    "entities": "SELECT entity_id, entity_name, entity_type, country_code, latitude, longitude, articles, mentions"
    " FROM v_entities ORDER BY entity_id",
    "mentions": "SELECT article_id, entity_id, surface, mention_count, weight FROM v_entity_mentions"
    " ORDER BY article_id, entity_id, surface",
}


def stories(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in STORIES.items():
        (root / name).write_text(text + "\n")
    return root


def published(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in PUBLISHED.items()}


@pytest.mark.usefixtures("prefect_harness")
def test_two_local_workers_publish_what_one_process_does(tmp_path):
    source = stories(tmp_path / "news")
    alone, workers = tmp_path / "alone.duckdb", tmp_path / "workers.duckdb"
    run_pipeline([str(source)], str(alone), options=RunOptions(workers=1))
    options = RunOptions(workers=2, sub_batch_records=2)  # three sub-batches over two worker processes
    summary = run_pipeline.with_options(task_runner=task_runner(2, None))([str(source)], str(workers), options=options)
    assert (summary.published, summary.records_read) == (5, 5)
    assert published(workers) == published(alone)
    assert any(row[1] == "Bamako" for row in published(workers)["entities"])


def _worker_setting(name: str) -> object:
    import dask

    return dask.config.get(name)


def test_local_workers_keep_glibcs_own_memory_trimming_and_skip_dasks_upkeep():
    # Dask's default (MALLOC_TRIM_THRESHOLD_=65536 in its workers' environment) tripled their system time under spaCy.
    runner = task_runner(2, None)
    with runner:
        values = runner.client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
        upkeep = {name: runner.client.run(_worker_setting, name) for name in QUIET_LOCAL_CLUSTER}
    assert len(values) == 2
    assert set(values.values()) == {None}
    # The workers' profiler and monitors run as the flow set them, not at Dask's defaults (profile on, 20 ms ticks).
    for name, value in QUIET_LOCAL_CLUSTER.items():
        assert list(upkeep[name].values()) == [value, value], name


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def hand_started_cluster(tmp_path):
    """A `dask scheduler` and two `dask worker`s started by hand on localhost, with no Prefect API configured:
    (scheduler address, the workers' Prefect home, the `dask worker` processes)."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_HOME": str(tmp_path / "worker-prefect-home"),
        "DASK_LOGGING__DISTRIBUTED": "warning",
    }
    dask = str(Path(sys.executable).parent / "dask")
    processes = [
        subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], env=env)
    ]
    time.sleep(2)
    processes += [
        subprocess.Popen(
            [
                dask,
                "worker",
                address,
                "--nthreads",
                "1",
                "--no-dashboard",
                "--local-directory",
                str(tmp_path / f"worker-{i}"),
            ],
            env=env,
        )
        for i in range(2)
    ]
    try:
        yield address, tmp_path / "worker-prefect-home", processes[1:]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)


def test_an_existing_cluster_enriches_and_its_workers_report_to_the_runs_api(tmp_path, hand_started_cluster):
    address, worker_home, workers = hand_started_cluster
    source = stories(tmp_path / "news")
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(home)}
    command = [sys.executable, "-m", "flows.cli", "run", str(source)]
    # Two runs, each with its own temporary Prefect server: the second run's tasks must report to the second.
    for warehouse in ("earlier.duckdb", "remote.duckdb"):
        remote = subprocess.run(
            [*command, "-w", str(tmp_path / warehouse), "--dask-address", address],
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert remote.returncode == 0, remote.stderr
        assert "Enriching on Dask scheduler tcp://127.0.0.1" in remote.stderr and "with 2 workers" in remote.stderr
    alone = subprocess.run(
        [*command, "-w", str(tmp_path / "alone.duckdb"), "--workers", "1"],
        env=env | {"PREFECT_HOME": str(tmp_path / "alone-prefect-home")}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert alone.returncode == 0, alone.stderr
    assert published(tmp_path / "remote.duckdb") == published(tmp_path / "alone.duckdb")
    # The workers' task runs logged to the run's API (the local server's database), from their own processes, and
    # no worker started an API of its own.
    with sqlite3.connect(home / "prefect.db") as db:
        logged = db.execute("SELECT message FROM log WHERE message LIKE 'Enriched a sub-batch of %'").fetchall()
    pids = {int(message.rpartition(":")[2].split()[0]) for (message,) in logged}
    # `dask worker` runs its worker in a child process of its nanny. Which of the two takes a sub-batch is Dask's
    # choice (one still loading its models may get none), so each must be one of them, not both used.
    worker_pids = {child.pid for worker in workers for child in psutil.Process(worker.pid).children(recursive=True)}
    assert len(logged) >= 6  # three sub-batches a run or more
    assert pids and pids <= worker_pids, (pids, worker_pids)
    assert not (worker_home / "prefect.db").exists()


def test_an_unreachable_scheduler_is_a_clear_error_before_anything_is_read(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", str(sample_folder()), "-w", str(warehouse),
         "--dask-address", f"tcp://127.0.0.1:{_free_port()}"],
        capture_output=True, text=True, timeout=120,
        env=os.environ | {"PREFECT_HOME": str(tmp_path / "ph")},
    )  # fmt: skip
    assert result.returncode == 2
    assert "no Dask scheduler answered" in result.stderr and "Traceback" not in result.stderr
    assert not warehouse.exists()


def test_a_worker_killed_mid_run_leaves_what_a_clean_run_publishes_after_at_most_one_rerun(
    tmp_path, hand_started_cluster
):
    address, _, _ = hand_started_cluster
    source = tmp_path / "many"
    source.mkdir()
    for i in range(40):
        for name, text in STORIES.items():
            title, _, body = text.partition("\n\n")
            (source / f"{i:02}-{name}").write_text(f"{title} {i}\n\n{body} Story number {i}.\n")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "ph")}
    command = [sys.executable, "-m", "flows.cli", "run", str(source), "--batch-records", "25"]
    warehouse = tmp_path / "killed.duckdb"
    run = subprocess.Popen(
        [*command, "-w", str(warehouse), "--dask-address", address],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert run.stderr is not None
    for line in run.stderr:  # the first batch is on the workers: kill one of them, and its nanny
        if "Enriching on Dask scheduler" in line:
            break
    workers = subprocess.run(["pgrep", "-f", f"dask worker {address}"], capture_output=True, text=True)
    victim = int(workers.stdout.split()[0])
    children = subprocess.run(["pgrep", "-P", str(victim)], capture_output=True, text=True).stdout.split()
    for pid in [victim, *map(int, children)]:
        os.kill(pid, 9)
    run.communicate(timeout=600)
    if run.returncode != 0:  # the run may fail on the lost worker, with nothing half-published: a re-run completes
        again = subprocess.run([*command, "-w", str(warehouse), "--dask-address", address], env=env, timeout=600)
        assert again.returncode == 0
    clean = subprocess.run([*command, "-w", str(tmp_path / "clean.duckdb"), "--workers", "1"], env=env, timeout=600)
    assert clean.returncode == 0
    assert published(warehouse) == published(tmp_path / "clean.duckdb")


def test_a_run_imports_dask_only_once_there_is_something_to_enrich():
    # An unchanged re-run builds the task runner but submits nothing: Dask's import (0.2 s) is not paid for.
    script = (
        "import sys\n"
        "from flows.runtime.cluster import task_runner\n"
        "runner = task_runner(2, None)\n"
        "print('distributed' in sys.modules, runner is not None)"
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
