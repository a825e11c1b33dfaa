-- Runs still marked running: the caller decides which of them died (`warehouse.runs.begin_run`).
SELECT load_id, pid, host, coalesce(published, 0) AS published FROM etl_run WHERE status = 'running' ORDER BY load_id;
