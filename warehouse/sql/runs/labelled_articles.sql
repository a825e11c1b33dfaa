-- The categorised current articles a category model learns from (categories their sources gave, never inferred
-- ones), at most $per_category a category: the same ones every time, the first by article_id.
SELECT a.article_id, a.title, left(a.body, 3000) AS body, c.category_name AS category
FROM fct_article AS a
JOIN dim_category AS c USING (category_key)
WHERE a.is_current AND coalesce(a.category_source, 'source') = 'source'
QUALIFY row_number() OVER (PARTITION BY c.category_name ORDER BY a.article_id) <= $per_category
ORDER BY a.article_id;
