-- The places articles mention that the gazetteer put on the map, with how often.
SELECT entity_name, country_code, latitude, longitude, articles, mentions
FROM v_entities
WHERE entity_type = 'location' AND latitude IS NOT NULL AND longitude IS NOT NULL AND mentions > 0
ORDER BY mentions DESC, entity_name;
