SELECT load_id, status, started_at, finished_at, records_read, published, duplicates, quarantined, blocked, message,
    snapshot_id
FROM v_runs
ORDER BY load_id DESC
LIMIT $1;
