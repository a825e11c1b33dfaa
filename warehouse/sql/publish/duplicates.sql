INSERT INTO etl_duplicate (load_id, source_uri, article_id, content_hash, duplicate_of)
SELECT $load_id, source_uri, article_id, content_hash, duplicate_of FROM duplicate_batch;
