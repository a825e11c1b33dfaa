-- The current version of every published article: what a new batch is compared with.
SELECT article_id, content_hash, version
FROM fct_article
WHERE is_current;
