-- The stored articles a chunk's new ones may be near copies of, earliest first: the current published articles
-- and this load's staged ones (earlier chunks) that share an LSH band with a new signature, or have the same
-- article_id (a new version keeps its cluster). A band is $rows consecutive values of the MinHash signature; the
-- same $bands × $rows banding as transforms/near_duplicates.py, whose Jaccard estimate then decides.
-- `chunk_signatures` (article_id, minhash) is the chunk, registered by the caller.
WITH stored AS (
    SELECT article_id, cluster_id, minhash, 0 AS tier, load_id, rowid AS position
    FROM fct_article
    WHERE is_current AND minhash IS NOT NULL
    UNION ALL
    SELECT article_id, cluster_id, minhash, 1 AS tier, load_id, rowid AS position
    FROM staging.fct_article
    WHERE load_id = $load_id AND minhash IS NOT NULL
),
chunk_bands AS (
    SELECT DISTINCT band.b, list_slice(c.minhash, band.b * $rows + 1, (band.b + 1) * $rows) AS band_values
    FROM chunk_signatures AS c, range($bands) AS band(b)
    WHERE c.minhash IS NOT NULL
),
stored_bands AS (
    SELECT s.*, band.b, list_slice(s.minhash, band.b * $rows + 1, (band.b + 1) * $rows) AS band_values
    FROM stored AS s, range($bands) AS band(b)
),
matches AS (
    SELECT DISTINCT s.tier, s.load_id, s.position
    FROM stored_bands AS s
    JOIN chunk_bands AS c ON s.b = c.b AND s.band_values = c.band_values
    UNION
    SELECT tier, load_id, position FROM stored WHERE article_id IN (SELECT article_id FROM chunk_signatures)
)
SELECT s.article_id, s.cluster_id, s.minhash
FROM stored AS s
JOIN matches AS m USING (tier, load_id, position)
ORDER BY s.tier, s.load_id, s.position;
