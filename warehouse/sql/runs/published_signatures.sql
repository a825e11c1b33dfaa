-- Near-duplicate signatures of the current articles, so clusters continue across runs.
SELECT article_id, cluster_id, minhash FROM fct_article WHERE is_current AND minhash IS NOT NULL;
