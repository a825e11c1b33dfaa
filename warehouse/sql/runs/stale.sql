-- Runs still marked running while we hold the writer lock: their process died before finishing.
SELECT load_id, pid, coalesce(published, 0) AS published FROM etl_run WHERE status = 'running' ORDER BY load_id;
