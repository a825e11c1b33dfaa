from expectations.suites import suite_definition, suite_tables
from warehouse.migrate import PUBLISHED_TABLES


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
        key = next(e for e in expectations if e["type"] == "expect_column_values_to_be_unique")["kwargs"]["column"]
        assert {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": key},
                "meta": {"level": "batch"}} in expectations
