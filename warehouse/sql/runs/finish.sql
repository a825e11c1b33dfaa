-- A run's counts so far (status 'running', after each published or blocked batch) or at its end.
UPDATE etl_run
SET status = $status,
    finished_at = CASE WHEN $status = 'running' THEN NULL ELSE now() END,
    records_read = $records_read,
    published = $published,
    duplicates = $duplicates,
    quarantined = $quarantined,
    blocked = $blocked,
    message = $message,
    skipped_files = $skipped_files
WHERE load_id = $load_id;
