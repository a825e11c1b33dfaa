-- The star schema's foundation: conformed dimensions, the article fact, and the audit tables.
-- Written to be re-run: every statement is IF NOT EXISTS.

CREATE SCHEMA IF NOT EXISTS staging;

-- Conformed calendar, role-played by fct_article as published and ingested date. One row per day referenced.
CREATE TABLE IF NOT EXISTS dim_date (
    date_key      INTEGER  NOT NULL PRIMARY KEY,  -- yyyymmdd
    date          DATE     NOT NULL,
    year          SMALLINT NOT NULL,
    quarter       TINYINT  NOT NULL,
    month         TINYINT  NOT NULL,
    month_name    VARCHAR  NOT NULL,
    day           TINYINT  NOT NULL,
    day_of_week   TINYINT  NOT NULL,  -- ISO: 1 = Monday
    day_name      VARCHAR  NOT NULL,
    iso_year      SMALLINT NOT NULL,
    iso_week      TINYINT  NOT NULL,
    week_start    DATE     NOT NULL,  -- the Monday of the ISO week
    is_weekend    BOOLEAN  NOT NULL,
    load_id       BIGINT   NOT NULL
);

-- One row per source as the user names it (a folder, a feed, an export).
CREATE TABLE IF NOT EXISTS dim_source (
    source_key    VARCHAR NOT NULL PRIMARY KEY,
    source_name   VARCHAR NOT NULL,
    load_id       BIGINT  NOT NULL
);

-- One row per category name, normalised to lower case.
CREATE TABLE IF NOT EXISTS dim_category (
    category_key  VARCHAR NOT NULL PRIMARY KEY,
    category_name VARCHAR NOT NULL,
    load_id       BIGINT  NOT NULL
);

-- One row per article version. article_id is durable (from the natural key); article_key names one version.
CREATE TABLE IF NOT EXISTS fct_article (
    article_key         VARCHAR   NOT NULL PRIMARY KEY,
    article_id          VARCHAR   NOT NULL,
    source_uri          VARCHAR   NOT NULL,
    url                 VARCHAR,
    source_key          VARCHAR   NOT NULL,
    source_kind         VARCHAR   NOT NULL,
    category_key        VARCHAR,
    published_date_key  INTEGER,
    ingested_date_key   INTEGER   NOT NULL,
    published_at        TIMESTAMPTZ,
    ingested_at         TIMESTAMPTZ NOT NULL,
    title               VARCHAR,
    body                VARCHAR   NOT NULL,
    authors             VARCHAR,
    external_id         VARCHAR,
    language            VARCHAR,
    word_count          INTEGER   NOT NULL,
    paragraph_count     INTEGER   NOT NULL,
    sentiment           DOUBLE,
    is_duplicate        BOOLEAN   NOT NULL,
    content_hash        VARCHAR   NOT NULL,
    version             INTEGER   NOT NULL,
    valid_from          TIMESTAMPTZ NOT NULL,
    valid_to            TIMESTAMPTZ,
    is_current          BOOLEAN   NOT NULL,
    load_id             BIGINT    NOT NULL
);

-- One row per run of the pipeline.
CREATE TABLE IF NOT EXISTS etl_run (
    load_id        BIGINT      NOT NULL PRIMARY KEY,
    flow_run_id    VARCHAR,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    status         VARCHAR     NOT NULL CHECK (status IN ('running', 'published', 'blocked', 'failed')),
    sources        VARCHAR[]   NOT NULL,
    records_read   BIGINT,
    published      BIGINT,
    duplicates     BIGINT,
    quarantined    BIGINT,
    blocked        BIGINT,
    message        VARCHAR,
    pid            INTEGER
);

-- One row per record that was not published, with the stage that rejected it and why.
CREATE TABLE IF NOT EXISTS quarantine (
    load_id        BIGINT      NOT NULL,
    source_uri     VARCHAR     NOT NULL,
    stage          VARCHAR     NOT NULL CHECK (stage IN ('read', 'stage', 'audit')),
    reason         VARCHAR     NOT NULL,
    payload        VARCHAR,
    quarantined_at TIMESTAMPTZ NOT NULL
);

-- One row per record whose content was already published (or came earlier in its batch) under another key.
CREATE TABLE IF NOT EXISTS etl_duplicate (
    load_id        BIGINT  NOT NULL,
    source_uri     VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    duplicate_of   VARCHAR NOT NULL
);

-- One row per expectation evaluated by the quality gate in a run.
CREATE TABLE IF NOT EXISTS etl_validation (
    load_id          BIGINT  NOT NULL,
    suite            VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    column_name      VARCHAR,
    level            VARCHAR NOT NULL CHECK (level IN ('row', 'batch')),
    success          BOOLEAN NOT NULL,
    element_count    BIGINT,
    unexpected_count BIGINT,
    observed_value   VARCHAR,
    kwargs           JSON
);
