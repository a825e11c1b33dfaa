-- The first and last day articles cover (publication date, else ingestion date), and how many have no
-- publication date.
SELECT
    min(timezone('UTC', coalesce(a.published_at, f.ingested_at)))::DATE AS first_day,
    max(timezone('UTC', coalesce(a.published_at, f.ingested_at)))::DATE AS last_day,
    count(*) FILTER (WHERE a.published_at IS NULL) AS undated
FROM v_articles AS a
JOIN fct_article AS f ON f.article_id = a.article_id AND f.is_current;
