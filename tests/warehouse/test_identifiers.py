import pytest

from warehouse import identifiers


def test_published_tables_are_quoted_and_anything_else_refused():
    assert identifiers.table("staging", "fct_article") == '"staging"."fct_article"'
    for schema, name in [("main", "etl_run"), ("main", "fct_article; DROP TABLE x"), ("other", "fct_article")]:
        with pytest.raises(ValueError, match="not a published table"):
            identifiers.table(schema, name)


def test_columns_are_quoted_with_inner_quotes_doubled():
    assert identifiers.column('we"ird') == '"we""ird"'


def test_paths_become_string_literals_with_inner_quotes_doubled():
    assert identifiers.path_literal("/data/o'brien's.duckdb") == "'/data/o''brien''s.duckdb'"
