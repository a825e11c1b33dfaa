-- The published interface: what reports, analysts and scripts read. Columns may be added, never renamed.

CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_id,
    a.source_uri,
    a.title,
    a.published_at,
    s.source_name,
    c.category_name AS category,
    a.language,
    a.word_count,
    a.sentiment,
    a.is_duplicate,
    a.load_id,
    a.url,
    a.authors,
    a.dateline,
    a.cluster_id,
    a.tone_positive,
    a.tone_negative,
    a.polarity,
    a.ingested_at,
    a.title_source,
    a.category_source,
    a.category_confidence
FROM fct_article AS a
JOIN dim_source AS s USING (source_key)
LEFT JOIN dim_category AS c USING (category_key)
WHERE a.is_current;

CREATE OR REPLACE VIEW v_runs AS
SELECT
    load_id,
    flow_run_id,
    started_at,
    finished_at,
    status,
    records_read,
    published,
    duplicates,
    quarantined,
    blocked,
    message,
    skipped_files,
    snapshot_id
FROM etl_run;

CREATE OR REPLACE VIEW v_quarantine AS
SELECT load_id, source_uri, stage, reason, payload, quarantined_at
FROM quarantine;

CREATE OR REPLACE VIEW v_validations AS
SELECT load_id, suite, expectation, column_name, level, success, element_count, unexpected_count, observed_value
FROM etl_validation;

CREATE OR REPLACE VIEW v_entities AS
SELECT
    e.entity_id,
    e.entity_name,
    e.entity_type,
    e.country_code,
    e.latitude,
    e.longitude,
    count(DISTINCT m.article_id) AS articles,
    coalesce(sum(m.mention_count), 0)::BIGINT AS mentions,
    e.gazetteer_id,
    e.country_inferred
FROM dim_entity AS e
LEFT JOIN (
    SELECT m.* FROM fct_entity_mention AS m JOIN fct_article AS a USING (article_key) WHERE a.is_current
) AS m USING (entity_id)
GROUP BY ALL;

-- One row per current article, entity and surface form; weight is the surface's share of the article's mentions.
CREATE OR REPLACE VIEW v_entity_mentions AS
WITH occurrences AS (
    SELECT o.article_id, o.article_key, o.entity_id, o.surface, count(*) AS mention_count
    FROM fct_entity_occurrence AS o
    JOIN fct_article AS a USING (article_key)
    WHERE a.is_current
    GROUP BY ALL
)
SELECT
    o.article_id,
    a.source_uri,
    o.entity_id,
    e.entity_name,
    e.entity_type,
    o.surface,
    o.mention_count::INTEGER AS mention_count,
    o.mention_count / sum(o.mention_count) OVER (PARTITION BY o.article_key) AS weight,
    a.published_at,
    a.load_id
FROM occurrences AS o
JOIN fct_article AS a USING (article_key)
JOIN dim_entity AS e USING (entity_id);

-- One row per source and load: where the source's records went, how many published articles lack a date, and how
-- many entities an article mentions; a load's rows add up to its v_runs row.
CREATE OR REPLACE VIEW v_source_quality AS
SELECT
    s.source_name,
    s.load_id,
    r.started_at AS loaded_at,
    s.records_read,
    s.published,
    s.duplicates,
    s.quarantined,
    s.missing_dates,
    round(s.entities / nullif(s.published, 0), 2) AS entities_per_article,
    s.blocked,
    r.status
FROM etl_source_run AS s
JOIN etl_run AS r USING (load_id);

-- The current articles about a subject (a word or a name, e.g. 'Mali'): those whose title or body contains it as a
-- whole word, in any case ("Mali's army" does, "Somalia" does not; the subject's characters are taken literally),
-- or that mention an entity of that name (so "Malian troops", resolved to Mali, count). One row per article, with
-- the ISO week (Monday, UTC) of its publication, or of its ingestion when the source gave no date, and the key of
-- its current version (for joining the facts).
-- Usage: SELECT * FROM articles_about('Mali')
-- A plain substring test picks the candidates first: the whole-word regular expression is ten times slower per
-- text, and most articles are not about the subject.
CREATE OR REPLACE MACRO articles_about(subject) AS TABLE
WITH named AS (
    SELECT m.article_key
    FROM fct_entity_mention AS m
    WHERE m.entity_id IN (SELECT entity_id FROM dim_entity WHERE lower(entity_name) = lower(subject))
),
candidates AS MATERIALIZED (
    SELECT a.article_id, a.article_key, a.title, a.body, a.published_at, a.ingested_at
    FROM fct_article AS a
    WHERE a.is_current
      AND (contains(lower(a.body), lower(subject)) OR contains(lower(coalesce(a.title, '')), lower(subject))
          OR a.article_key IN (SELECT article_key FROM named))
)
SELECT
    c.article_id,
    date_trunc('week', timezone('UTC', coalesce(c.published_at, c.ingested_at)))::DATE AS week,
    c.article_key
FROM candidates AS c
WHERE c.article_key IN (SELECT article_key FROM named)
   OR regexp_matches(
          coalesce(c.title, '') || chr(10) || c.body,
          '(?i)(^|[^\pL\pN])' || regexp_escape(subject) || '([^\pL\pN]|$)'
      );
