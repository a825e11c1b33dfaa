-- The current published versions that share an article_id or a content hash with a batch (`batch_articles`,
-- registered by the caller): what other runs may have published since the batch was staged.
SELECT article_id, content_hash, version
FROM fct_article
WHERE is_current
    AND (article_id IN (SELECT article_id FROM batch_articles)
        OR content_hash IN (SELECT content_hash FROM batch_articles));
