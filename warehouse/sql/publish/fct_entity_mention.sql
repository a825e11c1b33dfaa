-- A plain INSERT: a key seen twice is an error that rolls the publish back, never a silent skip.
INSERT INTO fct_entity_mention BY NAME
SELECT * FROM staging.fct_entity_mention WHERE load_id = $load_id;
