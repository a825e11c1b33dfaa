"""Rendering query results for people (tables) and for scripts (csv with a header row, json arrays)."""

import csv
import io
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "json")

# The command line's exit codes (README, "Exit codes").
EXIT_FAILED, EXIT_USAGE, EXIT_BLOCKED, EXIT_BUSY, EXIT_ALL_QUARANTINED = 1, 2, 3, 4, 5

# Piped output is not cut to 80 columns (csv and json are the formats for scripts).
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)


def report_outcome(summary: Any) -> None:
    """A run's outcome (a `flows.pipeline.RunSummary`) on stdout, the one thing a script captures (the log is on
    stderr)."""
    s = summary
    out.print(
        f"Load {s.load_id} {s.status}: read {s.records_read}, published {s.published}, "
        f"duplicates {s.duplicates}, quarantined {s.quarantined}"
        + (f", blocked {s.blocked}" if s.blocked else "")
        + f"\nWarehouse: {s.warehouse}",
        highlight=False,
    )


def render(columns: list[str], rows: list[tuple[Any, ...]], fmt: str, console: Console) -> None:
    """Print a result set in `fmt`; csv and json go to stdout byte-exact, without terminal styling."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        console.file.write(buffer.getvalue())
    elif fmt == "json":
        names = _unique(columns)
        records = [dict(zip(names, row, strict=True)) for row in rows]
        console.file.write(json.dumps(records, default=_json_default, ensure_ascii=False, indent=2) + "\n")
    else:
        table = Table(*columns, show_lines=False, header_style="bold")
        for row in rows:
            table.add_row(*("" if v is None else _escape(str(v)) for v in row))
        console.print(table)
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")


def _unique(columns: list[str]) -> list[str]:
    """`a, a, b` → `a, a_1, b`: a join's repeated column names must not overwrite each other in an object."""
    seen: dict[str, int] = {}
    names = []
    for column in columns:
        count = seen.get(column, 0)
        seen[column] = count + 1
        names.append(column if count == 0 else f"{column}_{count}")
    return names


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else value


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _escape(text: str) -> str:
    """Article text may hold `[...]`, which rich would read as markup."""
    from rich.markup import escape

    return escape(text)
