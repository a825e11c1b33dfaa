-- One row per current article and the period it falls in: its publication date, or the day it was ingested when
-- the source gave none. $unit is 'day' or 'week' (ISO weeks start on Monday); times are read in UTC.
SELECT
    date_trunc($unit, timezone('UTC', coalesce(a.published_at, f.ingested_at)))::DATE AS period,
    -- A category the warehouse inferred is shown as such.
    coalesce(a.category || CASE WHEN a.category_source = 'inferred' THEN ' (inferred)' ELSE '' END, '(none)')
        AS category,
    a.source_name,
    a.published_at IS NULL AS undated
FROM v_articles AS a
JOIN fct_article AS f ON f.article_id = a.article_id AND f.is_current;
