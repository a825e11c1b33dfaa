"""The expectation suites, one per published table, kept as Great Expectations suite JSON in `suites/`.

Each expectation's `meta.level` says what a failure means: `row` quarantines the failing rows' articles (and blocks
the batch only when more than the tolerated share fails), `batch` blocks the whole batch.
"""

import json
from functools import cache
from importlib.resources import files
from typing import Any

_ROOT = files("expectations") / "suites"


@cache
def suite_definition(table: str) -> dict[str, Any]:
    """The suite JSON of one published table."""
    return json.loads((_ROOT / f"{table}.json").read_text(encoding="utf-8"))


def suite_tables() -> list[str]:
    """Every table that has a suite."""
    return sorted(entry.name.removesuffix(".json") for entry in _ROOT.iterdir() if entry.name.endswith(".json"))
