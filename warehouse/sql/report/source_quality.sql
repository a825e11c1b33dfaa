-- Each source's latest $loads loads (from v_source_quality), with its rates: the share of records quarantined and
-- found duplicate, and the share of published articles without a publication date. Oldest first per source.
SELECT source_name, load_id, loaded_at, records_read, published, duplicates, quarantined, missing_dates,
       entities_per_article,
       quarantined / nullif(records_read, 0) AS quarantine_rate,
       duplicates / nullif(records_read, 0) AS duplicate_rate,
       missing_dates / nullif(published, 0) AS missing_date_rate
FROM (
    SELECT *, row_number() OVER (PARTITION BY source_name ORDER BY load_id DESC) AS recency
    FROM v_source_quality
    WHERE records_read > 0
)
WHERE recency <= $loads
ORDER BY source_name, load_id;
