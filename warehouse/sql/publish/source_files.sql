INSERT OR REPLACE INTO etl_source_file (location, size, mtime_ns, content_hash, records, read_options, load_id)
SELECT location, size, mtime_ns, content_hash, records, read_options, $load_id FROM source_file_batch;
