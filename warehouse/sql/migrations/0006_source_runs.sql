-- One row per load and source: where the source's records went (the counts behind v_source_quality). A source is
-- named as its articles are in dim_source; the counts of a load's sources add up to its etl_run row.
CREATE TABLE IF NOT EXISTS etl_source_run (
    load_id        BIGINT  NOT NULL,
    source_name    VARCHAR NOT NULL,
    records_read   BIGINT  NOT NULL,
    published      BIGINT  NOT NULL,
    duplicates     BIGINT  NOT NULL,
    quarantined    BIGINT  NOT NULL,
    blocked        BIGINT  NOT NULL,
    missing_dates  BIGINT  NOT NULL,  -- published articles without a publication date
    entities       BIGINT  NOT NULL,  -- distinct entities mentioned, summed over the published articles
    PRIMARY KEY (load_id, source_name)
);
