import duckdb

from warehouse.connection import BLOCK_SIZE, ROW_GROUP_SIZE, DuckDBFile


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


def _block_size(path):
    with duckdb.connect(str(path), read_only=True) as con:
        [(size,)] = con.execute("SELECT block_size FROM pragma_database_size()").fetchall()
    return size


def test_a_new_warehouse_is_made_with_small_blocks_and_an_older_one_keeps_its_own(tmp_path):
    new, older = tmp_path / "new.duckdb", tmp_path / "older.duckdb"
    with duckdb.connect(str(older)) as con:  # a warehouse made before, with DuckDB's default blocks
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    default = _block_size(older)
    for path in (new, older):
        for value in (2, 3):  # a second writer's open finds the file and attaches it as it was made
            with DuckDBFile(path).connect() as con:
                con.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
                con.execute("INSERT INTO t VALUES (?)", [value])
    assert default > BLOCK_SIZE
    assert (_block_size(new), _block_size(older)) == (BLOCK_SIZE, default)
    with duckdb.connect(str(older), read_only=True) as con:
        assert con.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,), (3,)]
