-- A load's counts per source so far (`source_run_batch`, registered by the caller), replacing the last ones.
DELETE FROM etl_source_run WHERE load_id = $load_id;
INSERT INTO etl_source_run BY NAME
SELECT $load_id AS load_id, * FROM source_run_batch;
