-- Each source's scorecard, load by load: where its records went, dates missing, entities per article; latest
-- loads first, for one source ($1) or all, the last $2 loads.
SELECT source_name, load_id, loaded_at, records_read, published, duplicates, quarantined, missing_dates,
       entities_per_article
FROM v_source_quality
WHERE ($1 IS NULL OR source_name = $1)
  AND load_id IN (SELECT load_id FROM v_runs ORDER BY load_id DESC LIMIT $2)
ORDER BY load_id DESC, source_name;
