"""The published tables' declaration (`transforms.published`) against the DDL a migrated warehouse has, and against
the expectation suites: a column, type, NOT NULL or key that one of them changes alone fails here."""

import dataclasses

import duckdb
import polars as pl
import pytest

from expectations.suites import DERIVED, reference_column, structural_expectations, suite_definition, value_rules
from transforms.published import BY_NAME, FCT_ARTICLE, TABLES, Table
from warehouse.migrate import migrate

# How each polars type of the declaration is stored in DuckDB.
DUCKDB_TYPES = {
    pl.String: "VARCHAR",
    pl.Int8: "TINYINT",
    pl.Int16: "SMALLINT",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Float64: "DOUBLE",
    pl.Boolean: "BOOLEAN",
    pl.Date: "DATE",
    pl.Datetime("us", "UTC"): "TIMESTAMP WITH TIME ZONE",
    pl.List(pl.UInt64): "UBIGINT[]",
}


@pytest.fixture(scope="module")
def catalog() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    migrate(con)
    return con


def ddl_drift(con: duckdb.DuckDBPyConnection, table: Table) -> list[str]:
    """How the migrated DDL of `table` differs from its declaration, in words (empty when they agree)."""
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable FROM duckdb_columns()"
        " WHERE schema_name = 'main' AND table_name = ?",
        [table.name],
    ).fetchall()
    stored = {name: (data_type, nullable) for name, data_type, nullable in rows}
    drift = [f"{table.name}.{c}: declared, not in the DDL" for c in table.columns if c not in stored]
    drift += [f"{table.name}.{c}: in the DDL, not declared" for c in stored if c not in table.columns]
    for column, dtype in table.columns.items():
        if column not in stored:
            continue
        data_type, nullable = stored[column]
        if DUCKDB_TYPES[dtype] != data_type:  # type: ignore[index]
            drift.append(f"{table.name}.{column}: declared {dtype}, stored {data_type}")
        if nullable != (column in table.nullable):
            drift.append(f"{table.name}.{column}: declared {'nullable' if column in table.nullable else 'NOT NULL'}")
    keys = con.execute(
        "SELECT constraint_column_names FROM duckdb_constraints()"
        " WHERE schema_name = 'main' AND table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [table.name],
    ).fetchall()
    # DuckDB indexes a primary key; a table whose key is only the gate's to check (many rows per article) has none.
    if keys and tuple(keys[0][0]) != table.key:
        drift.append(f"{table.name}: primary key {tuple(keys[0][0])}, declared {table.key}")
    return drift


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_ddl_has_the_declared_columns_types_nullability_and_key(catalog, table):
    assert ddl_drift(catalog, table) == []


def test_a_column_declared_but_not_migrated_is_drift(catalog):
    added = dataclasses.replace(FCT_ARTICLE, columns=FCT_ARTICLE.columns | {"byline_count": pl.Int32})
    assert ddl_drift(catalog, added) == ["fct_article.byline_count: declared, not in the DDL"]
    retyped = dataclasses.replace(FCT_ARTICLE, columns=FCT_ARTICLE.columns | {"word_count": pl.Int64})
    assert ddl_drift(catalog, retyped) == ["fct_article.word_count: declared Int64, stored INTEGER"]
    loosened = dataclasses.replace(FCT_ARTICLE, nullable=FCT_ARTICLE.nullable | {"body"})
    assert ddl_drift(catalog, loosened) == ["fct_article.body: declared nullable"]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_each_suite_checks_the_declared_structure(table):
    expectations = suite_definition(table.name)["expectations"]
    [columns] = [e["kwargs"]["column_set"] for e in expectations if e["type"] == "expect_table_columns_to_match_set"]
    flags = [reference_column(column, target) for column, target in table.references.items()]
    assert columns == [*table.columns, *DERIVED.get(table.name, {}), *flags]
    not_null = {e["kwargs"]["column"] for e in expectations if e["type"] == "expect_column_values_to_not_be_null"}
    assert not_null == set(table.columns) - table.nullable
    relationships = {
        e["kwargs"]["column"]: e["kwargs"]["value_set"]
        for e in expectations
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] in flags
    }
    assert relationships == {flag: [True] for flag in flags}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_value_rules_name_only_declared_columns_and_repeat_no_structure(table):
    structural = [(e["type"], e["kwargs"]) for e in structural_expectations(table)]
    known = set(table.columns) | set(DERIVED.get(table.name, {}))
    for rule in value_rules(table.name)["expectations"]:
        assert (rule["type"], rule["kwargs"]) not in structural, f"{table.name}: {rule} follows from the declaration"
        assert rule["type"] not in ("expect_table_columns_to_match_set", "expect_column_values_to_not_be_null")
        named = [rule["kwargs"][k] for k in ("column", "column_A", "column_B") if k in rule["kwargs"]]
        assert set(named) <= known, f"{table.name}: a rule names {named}, not all declared"


def test_relationships_point_at_tables_with_a_one_column_key():
    for table in TABLES:
        for column, target in table.references.items():
            assert len(BY_NAME[target].key) == 1, (table.name, column, target)
            assert table.columns[column] == BY_NAME[target].columns[BY_NAME[target].key[0]], (table.name, column)
