INSERT INTO quarantine (load_id, source_uri, stage, reason, payload, quarantined_at)
SELECT $load_id, source_uri, stage, reason, payload, now() FROM quarantine_batch;
