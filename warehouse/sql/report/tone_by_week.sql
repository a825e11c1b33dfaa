-- Average tone of the articles of each ISO week (sentiment from -1, negative, to +1, positive).
SELECT
    date_trunc('week', timezone('UTC', coalesce(a.published_at, f.ingested_at)))::DATE AS week,
    avg(a.sentiment) AS sentiment,
    count(a.sentiment) AS scored,
    count(*) AS articles
FROM v_articles AS a
JOIN fct_article AS f ON f.article_id = a.article_id AND f.is_current
GROUP BY week
ORDER BY week;
