-- The caller holds the warehouse's writer lock (or, on a shared lake, its publish lock): max + 1 is this run's.
INSERT INTO etl_run (load_id, flow_run_id, started_at, status, sources, pid, host)
SELECT coalesce(max(load_id), 0) + 1, $flow_run_id, now(), 'running', $sources, $pid, $host
FROM etl_run;
SELECT max(load_id) FROM etl_run;
