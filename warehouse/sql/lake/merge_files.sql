-- Compaction: each batch's commit wrote small Parquet files; merge adjacent ones into fewer, larger files.
FROM ducklake_merge_adjacent_files($lake);
