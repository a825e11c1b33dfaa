-- The articles whose content arrived most often under another name.
SELECT d.duplicate_of AS article_id, any_value(a.title) AS title, count(*) AS copies, min(d.source_uri) AS example
FROM etl_duplicate AS d
LEFT JOIN v_articles AS a ON a.article_id = d.duplicate_of
GROUP BY d.duplicate_of
ORDER BY copies DESC, d.duplicate_of
LIMIT $limit;
