-- The warehouse in numbers: one row.
SELECT
    (SELECT count(*) FROM v_articles) AS articles,
    (SELECT count(*) FROM dim_source) AS sources,
    (SELECT count(*) FROM dim_category) AS categories,
    (SELECT count(*) FROM v_entities WHERE articles > 0) AS entities,
    (SELECT count(*) FROM v_runs) AS runs;
