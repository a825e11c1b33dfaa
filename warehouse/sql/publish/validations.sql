INSERT INTO etl_validation BY NAME
SELECT $load_id AS load_id, * FROM validation_batch;
