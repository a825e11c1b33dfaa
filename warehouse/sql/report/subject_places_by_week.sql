-- Which places did coverage of a subject mention most, by week?
--
-- $subject is a word or a name, e.g. 'Mali'; `articles_about` (warehouse/sql/views.sql) says which current
-- articles are about it, and in which ISO week (of publication, or of ingestion when the source gave no date).
-- The places are the locations those articles mention (`fct_entity_mention`: one row per article version and
-- entity, with its mention count, as `v_entity_mentions` sums them per surface form).
SELECT
    about.week,
    e.entity_name AS place,
    any_value(e.country_code) AS country_code,
    count(DISTINCT about.article_id) AS articles,
    sum(m.mention_count)::BIGINT AS mentions
FROM articles_about($subject) AS about
JOIN fct_entity_mention AS m USING (article_key)
JOIN dim_entity AS e USING (entity_id)
WHERE e.entity_type = 'location'
GROUP BY about.week, e.entity_id, e.entity_name
ORDER BY about.week, articles DESC, mentions DESC, place;
