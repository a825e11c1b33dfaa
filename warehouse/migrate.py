"""Bringing a warehouse file to the current schema: ordered migrations, recorded in the database.

Published views are re-created on every migration; staging tables mirror the published ones column for column; the
near-duplicate band index is rebuilt when it was made otherwise than now (`warehouse.article_bands`).
"""

import duckdb

from transforms.published import PUBLISHED_TABLES
from warehouse import article_bands, identifiers
from warehouse.sql_files import migrations, sql
from warehouse.transaction import transaction


def migrate(con: duckdb.DuckDBPyConnection, *, through: int | None = None) -> list[int]:
    """Apply the migrations not yet applied (up to version `through`, if given: a warehouse as it stood then), then
    views and staging; return the versions applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migration").fetchall()}
    now_applied = []
    for version, name, text in migrations():
        if version in applied or (through is not None and version > through):
            continue
        with transaction(con):
            con.execute(text)
            con.execute("INSERT INTO schema_migration (version, name) VALUES (?, ?)", [version, name])
        now_applied.append(version)
    with transaction(con):
        _sync_staging(con)
        con.execute(sql("views"))
    if through is None:
        article_bands.refresh(con)
    return now_applied


def _sync_staging(con: duckdb.DuckDBPyConnection) -> None:
    """Give every published table a staging twin with the same columns (no keys: the gate checks them)."""
    catalog = con.execute(
        "SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns()"
        " WHERE database_name = current_database() AND schema_name IN ('main', 'staging') ORDER BY column_index"
    ).fetchall()
    columns: dict[tuple[str, str], dict[str, str]] = {}
    for schema, table, column, data_type in catalog:
        columns.setdefault((schema, table), {})[column] = data_type
    for table in PUBLISHED_TABLES:
        staged, published = identifiers.table("staging", table), identifiers.table("main", table)
        if ("staging", table) not in columns:
            con.execute(f"CREATE TABLE {staged} AS FROM {published} LIMIT 0")
            continue
        for column, data_type in columns[("main", table)].items():
            if column not in columns[("staging", table)]:
                # The type is DuckDB's own name for it, read from the catalog with the column.
                con.execute(f"ALTER TABLE {staged} ADD COLUMN {identifiers.column(column)} {data_type}")
