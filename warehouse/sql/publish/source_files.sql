-- The manifest keeps one row per location: the latest read of it replaces the last (DuckLake has no upsert).
DELETE FROM etl_source_file WHERE location IN (SELECT location FROM source_file_batch);
INSERT INTO etl_source_file (location, size, mtime_ns, content_hash, records, read_options, load_id)
SELECT location, size, mtime_ns, content_hash, records, read_options, $load_id FROM source_file_batch;
