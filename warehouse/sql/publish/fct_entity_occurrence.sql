INSERT INTO fct_entity_occurrence BY NAME
SELECT * FROM staging.fct_entity_occurrence WHERE load_id = $load_id;
