INSERT OR IGNORE INTO dim_date BY NAME
SELECT * FROM staging.dim_date WHERE load_id = $load_id;
