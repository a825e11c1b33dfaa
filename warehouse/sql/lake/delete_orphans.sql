-- Delete data files no snapshot ever committed: what a run killed inside its publish had written. Run holding the
-- lake's writer or publish lock, so that no other run is between writing its files and committing them.
FROM ducklake_delete_orphaned_files($lake, cleanup_all => true);
