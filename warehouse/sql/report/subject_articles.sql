-- How many current articles are about $subject in each ISO week: the same test as subject_places_by_week.sql.
SELECT
    date_trunc('week', timezone('UTC', coalesce(a.published_at, a.ingested_at)))::DATE AS week,
    count(*) AS articles
FROM fct_article AS a
WHERE a.is_current
  AND (
      regexp_matches(
          coalesce(a.title, '') || chr(10) || a.body,
          '(?i)(^|[^\pL\pN])' || regexp_escape($subject) || '([^\pL\pN]|$)'
      )
      OR a.article_id IN (SELECT article_id FROM v_entity_mentions WHERE lower(entity_name) = lower($subject))
  )
GROUP BY week
ORDER BY week;
