INSERT INTO fct_date_mention BY NAME
SELECT * FROM staging.fct_date_mention WHERE load_id = $load_id;
