import polars as pl

from flows.batch import SOURCE_FILES, Batch, Ledger, Read, batches, reads, unchanged_sources
from flows.sources import Source, SourceRead
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


def test_reads_hold_at_most_the_byte_budget_and_big_files_stand_alone():
    sizes = [source(n, size) for n, size in [("a", 40), ("b", 40), ("c", 200), ("d", 10)]]
    assert [[s.location[-1] for s in g] for g in reads(sizes, 100)] == [["a", "b"], ["c"], ["d"]]


def test_batches_cover_every_row_once():
    frame = pl.DataFrame({"x": range(5)})
    assert [(o, s["x"].to_list()) for o, s in batches(frame, 2)] == [(0, [0, 1]), (2, [2, 3]), (4, [4])]
    assert [(o, s.height) for o, s in batches(frame.clear(), 2)] == [(0, 0)]


def _batch(articles: int, quarantined: list[str], blocked_by: tuple[str, ...] = (), copies: int = 0) -> Batch:
    quarantine = pl.DataFrame(
        {"source_uri": quarantined, "article_id": None, "stage": "read", "reason": "bad", "payload": ""},
        schema=QUARANTINE,
    )
    duplicates = pl.DataFrame({"source_uri": [f"/in/c#{i}" for i in range(copies)], "kind": "copy"})
    return Batch(articles, duplicates, quarantine, pl.DataFrame(), list(blocked_by))


def _reads() -> Read:
    reads = [
        SourceRead(source("a"), [{"source_uri": "/in/a"}], "ha"),
        SourceRead(source("b"), [{"source_uri": "/in/b#1"}, {"source_uri": "/in/b#2"}], "hb"),
    ]
    return Read(pl.DataFrame({"source_uri": ["/in/a", "/in/b#1", "/in/b#2"], "source_name": ["a", "b", "b"]}), reads)


def test_counts_add_up_and_only_clean_files_enter_the_manifest():
    ledger = Ledger()
    ledger.skip_unchanged({"/in/old": 4}, {"/in/old": "old"})
    ledger.add_read(_reads())
    ledger.add(_batch(articles=2, quarantined=["/in/b#2"]))
    outcome = ledger.outcome()
    assert outcome.status == "published"
    assert (outcome.records_read, outcome.published, outcome.duplicates, outcome.quarantined) == (7, 2, 4, 1)
    assert outcome.records_read == outcome.published + outcome.duplicates + outcome.quarantined + outcome.blocked
    assert ledger.clean_source_files()["location"].to_list() == ["/in/a"]
    assert ledger.clean_source_files().schema == pl.Schema(SOURCE_FILES)


def test_a_blocked_batch_counts_its_records_and_those_held_back_as_blocked():
    ledger = Ledger()
    ledger.add_read(Read(pl.DataFrame({"source_uri": [f"/in/b#{i}" for i in range(10)], "source_name": "b"}), []))
    ledger.add(_batch(articles=3, quarantined=[], copies=1))  # records 0-3 published or copies
    assert ledger.outcome(finished=False).status == "running"
    ledger.add(_batch(articles=3, quarantined=["/in/b#7"], blocked_by=("fct_article.title: too many nulls",)))
    ledger.hold_back(pl.DataFrame({"source_name": ["b", "b"]}))  # records 8 and 9, after the blocked batch
    outcome = ledger.outcome()
    assert outcome.status == "blocked"
    assert (outcome.published, outcome.duplicates, outcome.quarantined, outcome.blocked) == (3, 1, 1, 5)
    assert outcome.records_read == outcome.published + outcome.duplicates + outcome.quarantined + outcome.blocked
    assert outcome.message == (
        "blocked by the quality gate: fct_article.title: too many nulls (3 articles from earlier batches were"
        " published; a re-run after the fix publishes the rest)"
    )
