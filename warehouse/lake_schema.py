"""Bringing a DuckLake to the current schema: the same migrations as a DuckDB file, applied as their result.

DuckLake takes no primary keys, unique or check constraints, indexes, sequences or computed defaults, so the
migrations' SQL cannot run on a lake as it is. Instead they run on an empty in-memory DuckDB, and the lake is
given what they produce there: every table it lacks, every column a table lacks (with its type and NOT NULL),
and the views. Versions are recorded in the lake's `schema_migration`, as in a file. Run it holding the lake's
publish lock (`Lake.exclusive`): two runs that open a new lake at once then migrate it once.

Data steps of past migrations (e.g. 0005's backfill) concern rows written before them, which a lake never had. The
near-duplicate band index (0011), which lakes made before it lack, is filled as in a file: `article_bands.refresh`
rebuilds it whenever it was made otherwise than now.
"""

from dataclasses import dataclass
from functools import cache

import duckdb

from transforms.published import PUBLISHED_TABLES
from warehouse import article_bands, identifiers
from warehouse.migrate import migrate as migrate_file
from warehouse.sql_files import migrations, sql
from warehouse.transaction import transaction


@dataclass(frozen=True)
class Column:
    """A column as the migrations leave it: its name, DuckDB type and whether it may be NULL."""

    name: str
    data_type: str
    nullable: bool

    def ddl(self) -> str:
        return f"{identifiers.column(self.name)} {self.data_type}" + ("" if self.nullable else " NOT NULL")


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Give the lake (`con`'s default catalog) the current schema and views; return the versions applied now."""
    target = current_schema()
    existing = _tables(con, con.execute("SELECT current_database()").fetchall()[0][0])
    applied = set()
    if "schema_migration" in existing:
        applied = {row[0] for row in con.execute("SELECT version FROM schema_migration").fetchall()}
    now_applied = [(version, name) for version, name, _ in migrations() if version not in applied]
    with transaction(con):
        for table, columns in target.items():
            # Table and column names and types are the migrations' own, read from DuckDB's catalog, quoted.
            if table not in existing:
                con.execute(f"CREATE TABLE {identifiers.column(table)} ({', '.join(c.ddl() for c in columns)})")
                continue
            present = {column.name for column in existing[table]}
            for column in columns:
                if column.name not in present:
                    # A column added to a table with rows can't be NOT NULL at once (the migration that added it
                    # on a file also filled it); the gate checks the published ones.
                    con.execute(
                        f"ALTER TABLE {identifiers.column(table)}"
                        f" ADD COLUMN {identifiers.column(column.name)} {column.data_type}"
                    )
        for version, name in now_applied:
            con.execute(
                "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, now())", [version, name]
            )
        con.execute(sql("views"))
    article_bands.refresh(con)
    return [version for version, _ in now_applied]


def create_staging(con: duckdb.DuckDBPyConnection) -> None:
    """Give the connection's in-memory `staging` database a twin of every published table (no keys: the gate
    checks them)."""
    for table in PUBLISHED_TABLES:
        staged = f"staging.main.{identifiers.column(table)}"
        con.execute(f"CREATE TABLE IF NOT EXISTS {staged} AS FROM {identifiers.table('main', table)} LIMIT 0")


@cache
def current_schema() -> dict[str, tuple[Column, ...]]:
    """Every table the migrations create (views and staging aside), with its columns in order."""
    with duckdb.connect() as reference:
        migrate_file(reference)
        return {table: tuple(columns) for table, columns in _tables(reference, "memory").items()}


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, list[Column]]:
    rows = con.execute(
        "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable"
        " FROM duckdb_columns() AS c JOIN duckdb_tables() AS t"
        " ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name"
        " WHERE c.database_name = ? AND c.schema_name = 'main' ORDER BY c.table_name, c.column_index",
        [database],
    ).fetchall()
    tables: dict[str, list[Column]] = {}
    for table, column, data_type, nullable in rows:
        tables.setdefault(table, []).append(Column(column, data_type, nullable))
    return tables
