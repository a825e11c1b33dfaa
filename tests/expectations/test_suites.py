from expectations.suites import suite_definition, suite_tables
from transforms.published import PUBLISHED_TABLES


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
