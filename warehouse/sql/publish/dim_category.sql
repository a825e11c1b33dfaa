-- Keys another load (or this one's earlier batches) published already stay as they are: keys are derived from
-- the data, so the same key always means the same row. Not INSERT OR IGNORE: DuckLake has no primary keys.
INSERT INTO dim_category BY NAME
SELECT * FROM staging.dim_category AS s
WHERE s.load_id = $load_id AND NOT EXISTS (SELECT 1 FROM dim_category AS d WHERE d.category_key = s.category_key);
