-- Runs that share a warehouse with runs on other machines (a DuckLake catalog in PostgreSQL): which machine ran
-- each, so only a run's own machine judges whether its process died; and the lake snapshot each load ended at,
-- which `broadsheet sql --as-of-load N` reads (NULL on a DuckDB file, which keeps no snapshots).
ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS host VARCHAR;
ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS snapshot_id BIGINT;
