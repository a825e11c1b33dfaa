-- The band index follows fct_article's current versions: a new version's bands replace its predecessor's (only a
-- version after the first has one), then the batch's bands are added. The band hash is the same expression as in
-- runs/article_bands_rebuild.sql and runs/near_duplicate_candidates.sql.
DELETE FROM etl_article_band
WHERE article_id IN (SELECT article_id FROM staging.fct_article WHERE load_id = $load_id AND version > 1);

INSERT INTO etl_article_band (article_id, band, band_hash)
SELECT s.article_id, band.b, hash(list_slice(s.minhash, band.b * $rows + 1, (band.b + 1) * $rows))
FROM staging.fct_article AS s, range($bands) AS band(b)
WHERE s.load_id = $load_id AND s.minhash IS NOT NULL;
