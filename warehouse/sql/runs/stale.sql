-- Runs still marked running while we hold the writer lock: their process died before finishing.
SELECT load_id, pid FROM etl_run WHERE status = 'running' ORDER BY load_id;
