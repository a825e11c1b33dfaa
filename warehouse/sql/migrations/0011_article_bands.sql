-- The LSH band index of the current articles' MinHash signatures: one row per current article version and band
-- (`transforms/near_duplicates.py` cuts a signature into BANDS bands of ROWS values), keyed by the band's hash, so
-- that a batch finds the stored articles sharing a band with its own (`runs/near_duplicate_candidates.sql`) without
-- hashing every stored signature again. An internal index, not a published table: it holds nothing fct_article
-- does not, and is rebuilt from it whenever it may be stale (`warehouse/article_bands.py`).
CREATE TABLE IF NOT EXISTS etl_article_band (
    article_id  VARCHAR  NOT NULL,
    band        SMALLINT NOT NULL,  -- 0 .. BANDS - 1
    band_hash   UBIGINT  NOT NULL   -- DuckDB hash() of the band's ROWS values
);
-- What the band hashes were made with: the banding, and DuckDB's hash() of a fixed list (`probe`). A warehouse
-- whose row here differs from what this installation computes (a warehouse made before this migration has none;
-- a DuckDB that hashes differently gives another probe) has its bands rebuilt from fct_article when migrated.
CREATE TABLE IF NOT EXISTS etl_article_band_hash (
    bands       SMALLINT NOT NULL,
    band_rows   SMALLINT NOT NULL,
    probe       UBIGINT  NOT NULL
);
