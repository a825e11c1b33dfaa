-- Where an article's category comes from: `source` (the source gave it) or `inferred` (predicted from the
-- categorised articles the warehouse holds, with its probability as category_confidence). Categories published
-- before then came from their sources.
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS category_source VARCHAR;
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS category_confidence DOUBLE;
UPDATE fct_article SET category_source = 'source' WHERE category_key IS NOT NULL AND category_source IS NULL;
