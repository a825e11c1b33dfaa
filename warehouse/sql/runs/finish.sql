UPDATE etl_run
SET status = $status,
    finished_at = now(),
    records_read = $records_read,
    published = $published,
    duplicates = $duplicates,
    quarantined = $quarantined,
    blocked = $blocked,
    message = $message,
    skipped_files = $skipped_files
WHERE load_id = $load_id;
