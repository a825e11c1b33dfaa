-- `broadsheet lake expire`: forget the snapshots taken before $older_than (DuckLake always keeps the latest).
FROM ducklake_expire_snapshots($lake, older_than => $older_than);
