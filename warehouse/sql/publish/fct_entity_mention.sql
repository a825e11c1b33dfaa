INSERT OR IGNORE INTO fct_entity_mention BY NAME
SELECT * FROM staging.fct_entity_mention WHERE load_id = $load_id;
