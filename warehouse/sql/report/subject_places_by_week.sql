-- Which places did coverage of a subject mention most, by week?
--
-- $subject is a word or a name, e.g. 'Mali'. An article is about it when its title or body contains it as a whole
-- word, in any case ("Mali's army" does, "Somalia" does not), or when it mentions an entity of that name (so
-- "Malian troops", resolved to Mali, counts). The places are the locations those articles mention, counted per
-- ISO week (weeks start on Monday) of publication, or of ingestion when the source gave no date, in UTC.
WITH about AS (
    SELECT
        a.article_id,
        date_trunc('week', timezone('UTC', coalesce(a.published_at, a.ingested_at)))::DATE AS week
    FROM fct_article AS a
    WHERE a.is_current
      AND (
          -- a whole-word, case-insensitive match; regexp_escape keeps the subject's characters literal
          regexp_matches(
              coalesce(a.title, '') || chr(10) || a.body,
              '(?i)(^|[^\pL\pN])' || regexp_escape($subject) || '([^\pL\pN]|$)'
          )
          OR a.article_id IN (SELECT article_id FROM v_entity_mentions WHERE lower(entity_name) = lower($subject))
      )
)
SELECT
    about.week,
    m.entity_name AS place,
    any_value(e.country_code) AS country_code,
    count(DISTINCT m.article_id) AS articles,
    sum(m.mention_count)::BIGINT AS mentions
FROM about
JOIN v_entity_mentions AS m USING (article_id)
JOIN v_entities AS e USING (entity_id)
WHERE m.entity_type = 'location'
GROUP BY about.week, m.entity_id, m.entity_name
ORDER BY about.week, articles DESC, mentions DESC, place;
