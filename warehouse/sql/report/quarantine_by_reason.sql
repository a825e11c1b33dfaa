-- Records kept out of the warehouse, by the stage that stopped them and why.
SELECT stage, reason, count(*) AS records, max(load_id) AS last_load, min(source_uri) AS example
FROM v_quarantine
GROUP BY stage, reason
ORDER BY records DESC, stage, reason;
