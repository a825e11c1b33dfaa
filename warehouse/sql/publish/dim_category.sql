INSERT OR IGNORE INTO dim_category BY NAME
SELECT * FROM staging.dim_category WHERE load_id = $load_id;
