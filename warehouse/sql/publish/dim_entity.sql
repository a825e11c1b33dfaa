INSERT OR IGNORE INTO dim_entity BY NAME
SELECT * FROM staging.dim_entity WHERE load_id = $load_id;
