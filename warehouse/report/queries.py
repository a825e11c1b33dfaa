"""The report's SQL, kept in `warehouse/report/sql/*.sql` and run with bound parameters, never formatted in."""

from functools import cache
from importlib.resources import files
from typing import Any

import duckdb

Row = dict[str, Any]

_ROOT = files("warehouse.report") / "sql"


@cache
def query_text(name: str) -> str:
    """The text of `warehouse/report/sql/<name>.sql`."""
    return (_ROOT / f"{name}.sql").read_text(encoding="utf-8")


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[Row]:
    """The result of query `name` as one dict per row, with `$param` values bound from `params`."""
    cursor = con.execute(query_text(name), params or None)
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def one(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> Row:
    """The single row of query `name` (totals and the like)."""
    (row,) = rows(con, name, **params)
    return row
