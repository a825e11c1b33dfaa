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


def test_entities_published_before_country_inferred_took_their_countries_from_gazetteers():
    con = duckdb.connect()
    migrate(con)
    # the warehouse as it was before migration 10, with an entity published
    con.execute("ALTER TABLE main.dim_entity DROP COLUMN country_inferred")
    con.execute("DELETE FROM schema_migration WHERE version = 10")
    con.execute(
        "INSERT INTO dim_entity (entity_id, entity_name, entity_type, country_code, load_id)"
        " VALUES ('e-mali', 'Mali', 'location', 'ML', 1)"
    )
    assert migrate(con) == [10]
    assert con.execute("SELECT entity_id, country_inferred FROM v_entities").fetchall() == [("e-mali", False)]
    nullable = (
        "SELECT is_nullable FROM duckdb_columns()"
        " WHERE schema_name = 'main' AND table_name = 'dim_entity' AND column_name = 'country_inferred'"
    )
    assert con.execute(nullable).fetchall() == [(False,)]
    # the view keeps its columns and order, the new one last
    assert columns(con, "main", "v_entities") == [
        "entity_id",
        "entity_name",
        "entity_type",
        "country_code",
        "latitude",
        "longitude",
        "articles",
        "mentions",
        "gazetteer_id",
        "country_inferred",
    ]
