-- Delete the data files that no kept snapshot reads any more (expired, or merged away).
FROM ducklake_cleanup_old_files($lake, cleanup_all => true);
