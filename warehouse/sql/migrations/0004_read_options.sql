-- A source read with other field mappings or column names is not unchanged: remember how each was read.
ALTER TABLE etl_source_file ADD COLUMN IF NOT EXISTS read_options VARCHAR;
