-- The band index made again from the current articles' signatures, and what it was made with.
DELETE FROM etl_article_band;

INSERT INTO etl_article_band (article_id, band, band_hash)
SELECT a.article_id, band.b, hash(list_slice(a.minhash, band.b * $rows + 1, (band.b + 1) * $rows))
FROM fct_article AS a, range($bands) AS band(b)
WHERE a.is_current AND a.minhash IS NOT NULL;

DELETE FROM etl_article_band_hash;

INSERT INTO etl_article_band_hash (bands, band_rows, probe)
VALUES ($bands, $rows, hash(range(1, $rows + 1)::UBIGINT[]));
