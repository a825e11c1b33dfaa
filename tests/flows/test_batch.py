import polars as pl

from flows.batch import SOURCE_FILES, Batch, Chunk, groups, slices, unchanged_sources
from flows.sources import Read, Source
from transforms.schema import QUARANTINE


def source(name: str, size: int | None = 10, mtime: int | None = 1) -> Source:
    return Source(f"/in/{name}" if size is not None else f"https://x/{name}", "s", None, size, mtime)


def test_unchanged_files_are_those_with_the_same_size_and_mtime():
    manifest = pl.DataFrame(
        {
            "location": ["/in/a", "/in/b", "https://x/c", "/in/e"],
            "size": [10, 10, None, 10],
            "mtime_ns": [1, 2, None, 1],
            "content_hash": ["h"] * 4,
            "records": [3, 1, 1, 2],
            "read_options": ["{}", "{}", "{}", '{"columns": ["title", "body"]}'],
        },
    )
    sources = [source("a"), source("b"), source("c", None, None), source("d"), source("e")]
    to_read, unchanged = unchanged_sources(sources, manifest, "{}")
    # b changed, URLs are always fetched, d is new, e was read with other options
    assert [s.location for s in to_read] == ["/in/b", "https://x/c", "/in/d", "/in/e"]
    assert unchanged == {"/in/a": 3}


def test_groups_hold_at_most_the_byte_budget_and_big_files_stand_alone():
    sizes = [source(n, size) for n, size in [("a", 40), ("b", 40), ("c", 200), ("d", 10)]]
    assert [[s.location[-1] for s in g] for g in groups(sizes, 100)] == [["a", "b"], ["c"], ["d"]]


def test_slices_cover_every_row_once():
    frame = pl.DataFrame({"x": range(5)})
    assert [s["x"].to_list() for s in slices(frame, 2)] == [[0, 1], [2, 3], [4]]
    assert [s.height for s in slices(frame.clear(), 2)] == [0]


def test_counts_add_up_and_only_clean_files_enter_the_manifest():
    batch = Batch()
    batch.skip_unchanged({"/in/old": 4})
    reads = [
        Read(source("a"), [{"source_uri": "/in/a"}], "ha"),
        Read(source("b"), [{"source_uri": "/in/b#1"}, {"source_uri": "/in/b#2"}], "hb"),
    ]
    batch.add_reads(Chunk(pl.DataFrame({"source_uri": ["/in/a", "/in/b#1", "/in/b#2"]}), reads))
    quarantine = pl.DataFrame(
        {"source_uri": ["/in/b#2"], "article_id": [None], "stage": ["read"], "reason": ["bad"], "payload": [""]},
        schema=QUARANTINE,
    )
    batch.add(
        articles=2,
        duplicates=pl.DataFrame(schema={"source_uri": pl.String, "kind": pl.String}),
        quarantine=quarantine,
        audited=(pl.DataFrame(schema=QUARANTINE), [], pl.DataFrame()),
    )
    outcome = batch.outcome()
    assert (outcome.records_read, outcome.published, outcome.duplicates, outcome.quarantined) == (7, 2, 4, 1)
    assert outcome.records_read == outcome.published + outcome.duplicates + outcome.quarantined + outcome.blocked
    assert batch.clean_source_files()["location"].to_list() == ["/in/a"]
    assert batch.clean_source_files().schema == pl.Schema(SOURCE_FILES)
