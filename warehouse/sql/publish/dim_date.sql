-- Keys another load (or this one's earlier batches) published already stay as they are: keys are derived from
-- the data, so the same key always means the same row. Not INSERT OR IGNORE: DuckLake has no primary keys.
INSERT INTO dim_date BY NAME
SELECT * FROM staging.dim_date AS s
WHERE s.load_id = $load_id AND NOT EXISTS (SELECT 1 FROM dim_date AS d WHERE d.date_key = s.date_key);
