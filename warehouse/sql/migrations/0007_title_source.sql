-- Where an article's title comes from: `source` (the source gave it) or `derived` (the source gave none: the
-- body's first sentence, cut at a word boundary). Titles published before then came from their sources.
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS title_source VARCHAR;
UPDATE fct_article SET title_source = 'source' WHERE title IS NOT NULL AND title_source IS NULL;
