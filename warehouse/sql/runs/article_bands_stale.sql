-- Whether the band index was made otherwise than this installation makes it: another banding, another hash(), or
-- never (a warehouse made before migration 0011).
SELECT count(*) = 0
FROM etl_article_band_hash
WHERE bands = $bands AND band_rows = $rows AND probe = hash(range(1, $rows + 1)::UBIGINT[]);
