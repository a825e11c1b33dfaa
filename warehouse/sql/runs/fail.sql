UPDATE etl_run
SET status = 'failed', finished_at = now(), message = $message
WHERE load_id = $load_id AND status = 'running';
