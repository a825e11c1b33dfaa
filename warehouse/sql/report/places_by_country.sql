-- Where coverage is: one row per country (ISO 3166-1 alpha-2) of the places articles mention.
SELECT e.country_code, count(DISTINCT m.article_id) AS articles, sum(m.mention_count)::BIGINT AS mentions
FROM v_entity_mentions AS m
JOIN v_entities AS e USING (entity_id)
WHERE m.entity_type = 'location' AND e.country_code IS NOT NULL
GROUP BY e.country_code
ORDER BY mentions DESC, articles DESC, e.country_code;
