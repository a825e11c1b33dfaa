-- The stored articles a chunk's new ones may be near copies of, earliest first: the current published articles
-- and this load's staged ones (earlier chunks) that share an LSH band with a new signature, or have the same
-- article_id (a new version keeps its cluster). A band is $rows consecutive values of the MinHash signature; the
-- same $bands × $rows banding as transforms/near_duplicates.py, whose Jaccard estimate then decides.
-- `chunk_signatures` (article_id, minhash) is the chunk, registered by the caller.
-- Memory follows the chunk, not the warehouse: bands are compared by their hash (a collision only adds a
-- candidate, which the Jaccard estimate rejects), the chunk's bands are the semi join's hash table, and a stored
-- signature is carried no further than its own bands until it matched.
WITH chunk_bands AS (
    SELECT DISTINCT band.b, hash(list_slice(c.minhash, band.b * $rows + 1, (band.b + 1) * $rows)) AS band_hash
    FROM chunk_signatures AS c, range($bands) AS band(b)
    WHERE c.minhash IS NOT NULL
),
stored AS NOT MATERIALIZED (
    SELECT 0 AS tier, load_id, rowid AS position, article_id, cluster_id, minhash
    FROM fct_article
    WHERE is_current AND minhash IS NOT NULL
    UNION ALL
    SELECT 1 AS tier, load_id, rowid AS position, article_id, cluster_id, minhash
    FROM staging.fct_article
    WHERE load_id = $load_id AND minhash IS NOT NULL
),
stored_bands AS NOT MATERIALIZED (
    SELECT s.tier, s.load_id, s.position, band.b,
           hash(list_slice(s.minhash, band.b * $rows + 1, (band.b + 1) * $rows)) AS band_hash
    FROM stored AS s, range($bands) AS band(b)
),
matched AS (
    SELECT tier, load_id, position FROM stored_bands SEMI JOIN chunk_bands USING (b, band_hash)
    UNION
    SELECT tier, load_id, position FROM stored WHERE article_id IN (SELECT article_id FROM chunk_signatures)
)
SELECT s.article_id, s.cluster_id, s.minhash
FROM stored AS s
JOIN matched AS m USING (tier, load_id, position)
ORDER BY s.tier, s.load_id, s.position;
