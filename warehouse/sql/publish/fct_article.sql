-- Type 2 history: the version a batch replaces stops being current when the new one becomes valid.
UPDATE fct_article AS a
SET valid_to = s.valid_from, is_current = false
FROM staging.fct_article AS s
WHERE s.load_id = $load_id AND a.article_id = s.article_id AND a.is_current;

-- A plain INSERT: a key seen twice is an error that rolls the publish back, never a silent skip.
INSERT INTO fct_article BY NAME
SELECT * FROM staging.fct_article WHERE load_id = $load_id;
