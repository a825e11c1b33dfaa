INSERT INTO etl_run (load_id, flow_run_id, started_at, status, sources, pid)
SELECT coalesce(max(load_id), 0) + 1, $flow_run_id, now(), 'running', $sources, $pid
FROM etl_run
RETURNING load_id;
