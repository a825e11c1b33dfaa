-- Sources read before whose records all ended published or duplicate: skipped when size and mtime still match.
SELECT location, size, mtime_ns, content_hash, records, read_options, load_id FROM etl_source_file;
