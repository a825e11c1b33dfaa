-- The stored articles a chunk's new ones may be near copies of, earliest first: the current published articles
-- and this load's staged ones (earlier chunks) that share an LSH band with a new signature, or have the same
-- article_id (a new version keeps its cluster). A band is $rows consecutive values of the MinHash signature; the
-- same $bands × $rows banding as transforms/near_duplicates.py, whose Jaccard estimate then decides.
-- `chunk_signatures` (article_id, minhash) is the chunk, registered by the caller.
-- Bands are compared by their hash (a collision only adds a candidate, which the Jaccard estimate rejects). The
-- published articles' band hashes are kept in `etl_article_band` (warehouse/article_bands.py, the same hash
-- expression): the chunk's bands are joined against it, and only the matched articles' rows of fct_article are
-- read. This load's staged articles (a batch at most) are hashed here.
WITH chunk_bands AS (
    SELECT DISTINCT band.b::SMALLINT AS band,
           hash(list_slice(c.minhash, band.b * $rows + 1, (band.b + 1) * $rows)) AS band_hash
    FROM chunk_signatures AS c, range($bands) AS band(b)
    WHERE c.minhash IS NOT NULL
),
published_matched AS (
    SELECT article_id FROM etl_article_band SEMI JOIN chunk_bands USING (band, band_hash)
    UNION
    SELECT article_id FROM chunk_signatures
),
published AS (
    SELECT 0 AS tier, load_id, rowid AS position, article_id, cluster_id, minhash
    FROM fct_article
    WHERE is_current AND minhash IS NOT NULL AND article_id IN (SELECT article_id FROM published_matched)
),
staged AS NOT MATERIALIZED (
    SELECT 1 AS tier, load_id, rowid AS position, article_id, cluster_id, minhash
    FROM staging.fct_article
    WHERE load_id = $load_id AND minhash IS NOT NULL
),
staged_bands AS NOT MATERIALIZED (
    SELECT s.position, band.b::SMALLINT AS band,
           hash(list_slice(s.minhash, band.b * $rows + 1, (band.b + 1) * $rows)) AS band_hash
    FROM staged AS s, range($bands) AS band(b)
),
staged_matched AS (
    SELECT position FROM staged_bands SEMI JOIN chunk_bands USING (band, band_hash)
    UNION
    SELECT position FROM staged WHERE article_id IN (SELECT article_id FROM chunk_signatures)
),
candidates AS (
    SELECT * FROM published
    UNION ALL
    SELECT * FROM staged WHERE position IN (SELECT position FROM staged_matched)
)
SELECT article_id, cluster_id, minhash FROM candidates ORDER BY tier, load_id, position;
