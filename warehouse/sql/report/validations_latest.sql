-- Every expectation the quality gate evaluated in its latest run, failures first.
SELECT load_id, suite, expectation, column_name, level, success, element_count, unexpected_count, observed_value
FROM v_validations
WHERE load_id = (SELECT max(load_id) FROM v_validations)
ORDER BY success, suite, expectation, column_name;
