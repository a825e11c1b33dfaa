-- What the text and the source say beyond the words: tone, near-duplicate clusters, dates mentioned,
-- and the manifest that lets an unchanged source be skipped before it is read.

-- GDELT-style tone from VADER: sentiment is the compound score (-1..1); tone_positive and tone_negative are the
-- shares of positive and negative words' weight (0..1); polarity is their sum (how emotive the text is).
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS tone_positive DOUBLE;
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS tone_negative DOUBLE;
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS polarity DOUBLE;
-- Near-copies (syndicated wire stories) share a cluster, named by the article_id of its first member.
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS cluster_id VARCHAR;
-- MinHash signature of the body (128 x 64-bit, datasketch seed 1, word 3-shingles), kept for later runs.
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS minhash UBIGINT[];

-- One row per date an article's text mentions, with how precisely it is given.
CREATE TABLE IF NOT EXISTS fct_date_mention (
    article_key    VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    date_text      VARCHAR NOT NULL,
    start_offset   INTEGER NOT NULL,  -- into the stored body
    end_offset     INTEGER NOT NULL,
    resolution     VARCHAR NOT NULL CHECK (resolution IN ('day', 'month', 'year')),
    mentioned_date DATE    NOT NULL,  -- the first day of the month or year when that is all the text says
    load_id        BIGINT  NOT NULL
);

-- One row per source file or URL whose every record was published or recognised as a duplicate: when it is
-- unchanged on the next run (same size and modification time), it is not read again.
CREATE TABLE IF NOT EXISTS etl_source_file (
    location      VARCHAR NOT NULL PRIMARY KEY,
    size          BIGINT,
    mtime_ns      BIGINT,
    content_hash  VARCHAR NOT NULL,
    records       INTEGER NOT NULL,
    load_id       BIGINT  NOT NULL
);

ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS skipped_files BIGINT;
