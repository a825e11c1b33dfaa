import polars as pl

from expectations.suites import reference_flags, suite_definition, suite_tables
from transforms.published import PUBLISHED_TABLES, keys_parameter


def test_every_published_table_has_exactly_one_suite():
    assert sorted(PUBLISHED_TABLES) == suite_tables()


def test_every_expectation_declares_what_a_failure_means():
    for table in suite_tables():
        for expectation in suite_definition(table)["expectations"]:
            level = expectation["meta"]["level"]
            assert level in ("row", "batch"), (table, expectation)
            if level == "row":
                assert expectation["meta"].get("reason"), "row-level failures quarantine with a human reason"


def test_keys_are_unique_and_not_null_in_every_suite():
    for table in suite_tables():
        expectations = suite_definition(table)["expectations"]
        unique = next(
            e
            for e in expectations
            if e["type"] in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique")
        )["kwargs"]
        for key in unique.get("column_list") or [unique["column"]]:
            not_null = {
                "type": "expect_column_values_to_not_be_null",
                "kwargs": {"column": key},
                "meta": {"level": "batch"},
            }
            assert not_null in expectations, (table, key)


def test_a_reference_flag_says_whether_a_row_holds_a_known_key():
    # An entity id the batch or the warehouse holds, one neither holds, and a row that refers to nothing.
    facts = pl.DataFrame({"entity_id": ["known", "unknown", None]})
    keys = {keys_parameter("dim_entity"): ["known", "other"], keys_parameter("fct_article"): []}
    flags = reference_flags("fct_entity_mention", keys)
    assert list(flags) == ["article_key_in_fct_article", "entity_id_in_dim_entity"]
    flagged = facts.select(flags["entity_id_in_dim_entity"])
    assert flagged.to_series().to_list() == [True, False, None]
