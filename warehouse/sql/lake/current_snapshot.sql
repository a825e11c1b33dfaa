-- The lake's current snapshot: the one a load that has just committed ended at.
SELECT id FROM ducklake_current_snapshot($lake);
