import duckdb

from warehouse.connection import ROW_GROUP_SIZE, DuckDBFile


def test_a_writer_opens_the_file_itself_even_with_a_quote_in_its_path(tmp_path):
    path = tmp_path / "o'brien's news.duckdb"
    with DuckDBFile(path).connect() as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        [(database,)] = con.execute("SELECT current_database()").fetchall()
    assert database == "warehouse"
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT x FROM t").fetchall() == [(1,)]
    assert list(tmp_path.iterdir()) == [path]  # no spill folder or other file beside it, nothing in the cwd


def test_appended_rows_go_into_small_row_groups_so_checkpoints_stay_small(tmp_path):
    path = tmp_path / "w.duckdb"
    for _ in range(3):  # three loads, each a connection, as a run's batches append
        with DuckDBFile(path).connect() as con:
            con.execute("CREATE TABLE IF NOT EXISTS t (i BIGINT)")
            con.execute("INSERT INTO t SELECT range FROM range(?)", [ROW_GROUP_SIZE * 2])
    with duckdb.connect(str(path), read_only=True) as con:
        [(groups, largest)] = con.execute(
            "SELECT count(DISTINCT row_group_id), max(count) FROM pragma_storage_info('t')"
        ).fetchall()
    assert groups == 6 and largest <= ROW_GROUP_SIZE
