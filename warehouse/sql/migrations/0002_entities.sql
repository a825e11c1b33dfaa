-- The knowledge graph: who and what articles mention.

-- One row per real-world entity, resolved across articles, runs and machines.
CREATE TABLE IF NOT EXISTS dim_entity (
    entity_id     VARCHAR NOT NULL PRIMARY KEY,
    entity_name   VARCHAR NOT NULL,
    entity_type   VARCHAR NOT NULL CHECK (entity_type IN ('person', 'organization', 'location', 'other')),
    country_code  VARCHAR,   -- ISO 3166-1 alpha-2
    latitude      DOUBLE,
    longitude     DOUBLE,
    gazetteer_id  VARCHAR,   -- e.g. geonames:2460596, iso:ML
    load_id       BIGINT  NOT NULL
);

-- One row per article version and entity.
CREATE TABLE IF NOT EXISTS fct_entity_mention (
    article_key   VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL,
    mention_count INTEGER NOT NULL,
    first_offset  INTEGER NOT NULL,
    weight        DOUBLE  NOT NULL,  -- mention_count / all mentions in the article: sums to 1 per article
    load_id       BIGINT  NOT NULL,
    PRIMARY KEY (article_key, entity_id)
);

-- One row per occurrence of an entity in an article's stored text, with character offsets into that field.
CREATE TABLE IF NOT EXISTS fct_entity_occurrence (
    article_key   VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL,
    surface       VARCHAR NOT NULL,  -- as written in the stored (repaired) text
    field         VARCHAR NOT NULL CHECK (field IN ('title', 'body', 'dateline')),
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    is_dateline   BOOLEAN NOT NULL,
    load_id       BIGINT  NOT NULL
);

-- The dateline a wire story opens with (`BAMAKO Mali`), split from the body during staging.
ALTER TABLE fct_article ADD COLUMN IF NOT EXISTS dateline VARCHAR;
