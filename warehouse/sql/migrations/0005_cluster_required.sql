-- Every article version belongs to a near-copy cluster (an article with no near copy is a cluster of its own,
-- named by its article_id), as the gate has required since clusters were added: the table now says so too.
UPDATE fct_article SET cluster_id = article_id WHERE cluster_id IS NULL;
ALTER TABLE fct_article ALTER COLUMN cluster_id SET NOT NULL;
