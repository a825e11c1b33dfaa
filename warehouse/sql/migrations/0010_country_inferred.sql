-- Whether an entity's country was read from an article's text (`Indelimane, the northeast of the country` in a
-- story about Mali) for a place no gazetteer knows, rather than from a gazetteer. Entities published before then
-- took their countries from gazetteers only. (DuckDB adds no column with a constraint: NOT NULL comes after.)
ALTER TABLE dim_entity ADD COLUMN IF NOT EXISTS country_inferred BOOLEAN DEFAULT false;
UPDATE dim_entity SET country_inferred = false WHERE country_inferred IS NULL;
ALTER TABLE dim_entity ALTER COLUMN country_inferred SET NOT NULL;
