-- Expectations evaluated and failed in each of the last $limit runs the gate audited, oldest first.
SELECT *
FROM (
    SELECT
        v.load_id,
        any_value(r.status) AS status,
        any_value(r.started_at) AS started_at,
        count(*) AS evaluated,
        count(*) FILTER (WHERE NOT v.success) AS failed
    FROM v_validations AS v
    LEFT JOIN v_runs AS r USING (load_id)
    GROUP BY v.load_id
    ORDER BY v.load_id DESC
    LIMIT $limit
)
ORDER BY load_id;
