"""Fixtures of the flow tests that start `broadsheet` as a user does, in a process of its own."""

import os
from pathlib import Path

import pytest


@pytest.fixture
def cli_env(prefect_harness: None, tmp_path: Path) -> dict[str, str]:
    """The environment of a CLI subprocess, pointed at the session's Prefect API (runs start in ~1 s)."""
    from prefect.settings import PREFECT_API_URL

    return os.environ | {
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "PREFECT_HOME": str(tmp_path / "ph"),
        # Enrichment in the run's own process: tests/flows/test_workers.py runs clusters.
        "BROADSHEET_WORKERS": "1",
    }
