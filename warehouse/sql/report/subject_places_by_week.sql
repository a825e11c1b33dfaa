-- Which places did coverage of a subject mention most, by week?
--
-- $subject is a word or a name, e.g. 'Mali'; `articles_about` (warehouse/sql/views.sql) says which current
-- articles are about it, and in which ISO week (of publication, or of ingestion when the source gave no date).
-- The places are the locations those articles mention.
SELECT
    about.week,
    m.entity_name AS place,
    any_value(e.country_code) AS country_code,
    count(DISTINCT m.article_id) AS articles,
    sum(m.mention_count)::BIGINT AS mentions
FROM articles_about($subject) AS about
JOIN v_entity_mentions AS m USING (article_id)
JOIN v_entities AS e USING (entity_id)
WHERE m.entity_type = 'location'
GROUP BY about.week, m.entity_id, m.entity_name
ORDER BY about.week, articles DESC, mentions DESC, place;
