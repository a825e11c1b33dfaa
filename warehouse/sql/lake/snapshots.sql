SELECT snapshot_id FROM ducklake_snapshots($lake);
