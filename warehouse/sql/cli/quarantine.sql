SELECT load_id, source_uri, stage, reason, left(payload, 80) AS payload_start
FROM v_quarantine
WHERE $1 IS NULL OR load_id = $1
ORDER BY load_id DESC, source_uri
LIMIT $2;
