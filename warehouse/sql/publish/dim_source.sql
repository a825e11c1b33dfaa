INSERT OR IGNORE INTO dim_source BY NAME
SELECT * FROM staging.dim_source WHERE load_id = $load_id;
