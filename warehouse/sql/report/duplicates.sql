-- How much of what was read was already there: articles flagged as duplicates, and records that copied another.
SELECT
    (SELECT count(*) FROM v_articles WHERE is_duplicate) AS flagged_articles,
    (SELECT count(*) FROM etl_duplicate) AS copied_records,
    (SELECT count(DISTINCT duplicate_of) FROM etl_duplicate) AS copied_articles;
