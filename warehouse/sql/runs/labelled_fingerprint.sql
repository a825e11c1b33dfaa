-- What identifies the categorised current articles a category model learns from: their number and an
-- order-independent digest of their versions and categories (it changes when any of them does).
SELECT count(*) AS articles, coalesce(bit_xor(hash(a.article_key, c.category_name)), 0)::VARCHAR AS digest
FROM fct_article AS a
JOIN dim_category AS c USING (category_key)
WHERE a.is_current AND coalesce(a.category_source, 'source') = 'source';
