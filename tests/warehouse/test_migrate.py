import duckdb

from transforms.published import PUBLISHED_TABLES
from warehouse.migrate import migrate
from warehouse.sql_files import migrations

VIEW_COLUMNS = {
    "v_articles": [
        "article_id",
        "source_uri",
        "title",
        "published_at",
        "source_name",
        "category",
        "language",
        "word_count",
        "sentiment",
        "is_duplicate",
        "load_id",
    ],
    "v_runs": [
        "load_id",
        "flow_run_id",
        "started_at",
        "finished_at",
        "status",
        "records_read",
        "published",
        "duplicates",
        "quarantined",
    ],
    "v_quarantine": ["load_id", "source_uri", "stage", "reason", "payload"],
}


def columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]


def test_migrations_apply_once_and_are_recorded():
    con = duckdb.connect()
    applied = migrate(con)
    assert applied == [v for v, _, _ in migrations()] and applied[0] == 1
    assert migrate(con) == []
    recorded = [r[0] for r in con.execute("SELECT version FROM schema_migration ORDER BY 1").fetchall()]
    assert recorded == applied


def test_published_views_keep_their_contract_columns_in_order():
    con = duckdb.connect()
    migrate(con)
    for view, expected in VIEW_COLUMNS.items():
        assert columns(con, "main", view)[: len(expected)] == expected


def test_every_published_table_has_a_staging_twin_with_the_same_columns():
    con = duckdb.connect()
    migrate(con)
    con.execute("ALTER TABLE main.dim_source ADD COLUMN homepage VARCHAR")  # a later migration adds a column
    migrate(con)
    for table in PUBLISHED_TABLES:
        assert columns(con, "staging", table) == columns(con, "main", table)
