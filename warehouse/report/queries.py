"""The report's SQL, kept in `warehouse/sql/report/*.sql` and run with bound parameters, never formatted in."""

from typing import Any

import duckdb

from warehouse.sql_files import sql

Row = dict[str, Any]


def query_text(name: str) -> str:
    """The text of `warehouse/sql/report/<name>.sql`."""
    return sql(f"report/{name}")


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[Row]:
    """The result of query `name` as one dict per row, with `$param` values bound from `params`."""
    cursor = con.execute(query_text(name), params or None)
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def one(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> Row:
    """The single row of query `name` (totals and the like)."""
    (row,) = rows(con, name, **params)
    return row
