-- The published interface: what reports, analysts and scripts read. Columns may be added, never renamed.

CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_id,
    a.source_uri,
    a.title,
    a.published_at,
    s.source_name,
    c.category_name AS category,
    a.language,
    a.word_count,
    a.sentiment,
    a.is_duplicate,
    a.load_id
FROM fct_article AS a
JOIN dim_source AS s USING (source_key)
LEFT JOIN dim_category AS c USING (category_key)
WHERE a.is_current;

CREATE OR REPLACE VIEW v_runs AS
SELECT
    load_id,
    flow_run_id,
    started_at,
    finished_at,
    status,
    records_read,
    published,
    duplicates,
    quarantined,
    blocked,
    message
FROM etl_run;

CREATE OR REPLACE VIEW v_quarantine AS
SELECT load_id, source_uri, stage, reason, payload, quarantined_at
FROM quarantine;

CREATE OR REPLACE VIEW v_validations AS
SELECT load_id, suite, expectation, column_name, level, success, element_count, unexpected_count, observed_value
FROM etl_validation;
