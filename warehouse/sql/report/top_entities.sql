-- The entities of one type ($entity_type: person, organization or location) that most articles mention.
SELECT entity_name, country_code, articles, mentions
FROM v_entities
WHERE entity_type = $entity_type AND articles > 0
ORDER BY articles DESC, mentions DESC, entity_name
LIMIT $limit;
