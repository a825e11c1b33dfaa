"""How the loads went: latest runs, duplicates, quarantined records, and what the quality gate found."""

from datetime import UTC, datetime
from typing import Any

import duckdb

from warehouse.report.charts import ChartFolder, failures_by_run
from warehouse.report.queries import Row, one, rows

LATEST_RUNS = 10
TREND_RUNS = 30
MOST_COPIED = 8


def utc(moment: datetime | None) -> datetime | None:
    """A stored time in UTC (DuckDB hands TIMESTAMPTZ back in the session's time zone)."""
    return moment.astimezone(UTC) if moment else None


def latest_runs(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """The latest runs, newest first, with how long each took."""
    found = rows(con, "latest_runs", limit=LATEST_RUNS)
    for run in found:
        run["started_at"], run["finished_at"] = utc(run["started_at"]), utc(run["finished_at"])
        took = run["finished_at"] - run["started_at"] if run["finished_at"] else None
        run["seconds"] = took.total_seconds() if took else None
    return found


def duplicates(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Articles flagged as duplicates, records that copied another article, and the most copied articles."""
    return {"counts": one(con, "duplicates"), "most_copied": rows(con, "most_copied", limit=MOST_COPIED)}


def quarantine(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Quarantined records by stage and reason, largest first (each with its share of the largest, for its bar)."""
    reasons = rows(con, "quarantine_by_reason")
    top = max((row["records"] for row in reasons), default=0)
    for row in reasons:
        row["share"] = 100 * row["records"] / top if top else 0
    return {"reasons": reasons, "total": sum(row["records"] for row in reasons)}


def validations(con: duckdb.DuckDBPyConnection, charts: ChartFolder) -> dict[str, Any]:
    """The gate's latest run expectation by expectation (grouped by suite), and failures per run over time."""
    latest = rows(con, "validations_latest")
    suites: dict[str, list[Row]] = {}
    for row in latest:
        suites.setdefault(row["suite"], []).append(row)
    trend = rows(con, "validation_trend", limit=TREND_RUNS)
    chart = None
    if trend:
        loads = [run["load_id"] for run in trend]
        failed = [run["failed"] for run in trend]
        passed = [run["evaluated"] - run["failed"] for run in trend]
        failures_by_run(charts.path("failures_by_run"), loads, passed, failed)
        chart = charts.chart("failures_by_run", f"Expectations passed and failed in each of {len(trend)} runs")
    return {
        "load_id": latest[0]["load_id"] if latest else None,
        "evaluated": len(latest),
        "failed": [row for row in latest if not row["success"]],
        "suites": sorted(suites.items(), key=lambda item: (all(r["success"] for r in item[1]), item[0])),
        "trend": list(reversed(trend)),
        "chart": chart,
    }
