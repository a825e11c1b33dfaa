"""The real flow end to end: Prefect (test harness), polars, DuckDB files under tmp_path, Great Expectations."""

import json
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.pipeline import BatchBlocked, run_pipeline
from flows.settings import RunOptions, sample_folder
from transforms.near_duplicates import BANDS, ROWS, with_minhash
from warehouse.load import near_duplicate_candidates

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


ARTICLE = "Markets rally\n\nShares rose sharply on Monday as investors cheered the figures.\n\nAnalysts agreed.\n"


def test_the_bundled_sample_publishes_once(warehouse):
    first = run_pipeline([str(sample_folder())], str(warehouse), "sample")
    assert (first.records_read, first.published, first.duplicates, first.quarantined) == (1, 1, 0, 0)
    [(title, words, source, category)] = query(
        warehouse, "SELECT title, word_count, source_name, category FROM v_articles"
    )
    assert title.startswith("Mali's president says stability")
    assert 400 <= words <= 415 and (source, category) == ("sample", None)

    second = run_pipeline([str(sample_folder())], str(warehouse), "sample")
    assert (second.published, second.duplicates) == (0, 1)
    runs = query(warehouse, "SELECT load_id, status, records_read, published, duplicates FROM v_runs ORDER BY 1")
    assert runs == [(1, "published", 1, 1, 0), (2, "published", 1, 0, 1)]
    assert query(warehouse, "SELECT count(*) FROM fct_article") == [(1,)]
    assert query(warehouse, "SELECT DISTINCT load_id FROM v_articles") == [(1,)]


def test_every_record_ends_published_duplicate_or_quarantined(tmp_path, warehouse):
    root = tmp_path / "news"
    write(root / "business" / "001.txt", ARTICLE)
    write(root / "business" / "002.txt", ARTICLE)  # an exact copy under another name
    write(root / "sport" / "199.txt", b"Chelsea sack Mutu\n\nMutu, a \xa315.8m signing from Parma.\n")  # Latin-1
    write(root / "sport" / "empty.txt", b"")
    write(root / "sport" / "title-only.txt", "Only a headline\n")
    write(root / "sport" / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root / "README.TXT", "About this corpus")  # documentation, not an article

    summary = run_pipeline([str(root)], str(warehouse))
    assert (summary.records_read, summary.published, summary.duplicates, summary.quarantined) == (6, 2, 1, 3)
    articles = query(warehouse, "SELECT category, source_name, title FROM v_articles ORDER BY 1")
    assert articles == [("business", "news", "Markets rally"), ("sport", "news", "Chelsea sack Mutu")]
    assert "£15.8m" in query(warehouse, "SELECT body FROM fct_article WHERE title = 'Chelsea sack Mutu'")[0][0]
    quarantined = query(warehouse, "SELECT source_uri, stage, reason FROM v_quarantine ORDER BY 1")
    assert [(Path(u).name, stage) for u, stage, _ in quarantined] == [
        ("empty.txt", "read"),
        ("image.txt", "read"),
        ("title-only.txt", "stage"),
    ]
    assert all(reason for _, _, reason in quarantined)
    assert query(warehouse, "SELECT source_uri, duplicate_of FROM etl_duplicate") == [
        (
            str(root / "business" / "002.txt"),
            query(warehouse, "SELECT article_id FROM v_articles WHERE category = 'business'")[0][0],
        )
    ]


def test_a_retitled_copy_is_clustered_with_its_original_across_chunks_and_runs(tmp_path, warehouse):
    seed = next(sample_folder().glob("*.txt")).read_text()
    title, _, body = seed.partition("\n")
    root = tmp_path / "wire"
    write(root / "1-original.txt", seed)
    write(root / "2-other.txt", ARTICLE)
    write(root / "3-retitled.txt", f"Mali mourns its soldiers\n{body}\nFunerals will be held on Monday.\n")
    # One article per chunk: the copy's original is found in staging, not in memory.
    run_pipeline([str(root)], str(warehouse), options=RunOptions(batch_records=1))
    later = write(tmp_path / "later" / "syndicated.txt", f"{title} (wire)\n{body}")
    run_pipeline([str(later.parent)], str(warehouse))

    rows = query(
        warehouse,
        "SELECT regexp_extract(source_uri, '[^/]+$'), article_id, cluster_id, is_duplicate FROM fct_article ORDER BY 1",
    )
    original = rows[0][1]
    assert [(name, cluster == original, dup) for name, _, cluster, dup in rows] == [
        ("1-original.txt", True, False),
        ("2-other.txt", False, False),
        ("3-retitled.txt", True, True),
        ("syndicated.txt", True, True),
    ]
    # Only candidates leave the warehouse: the articles sharing an LSH band, never the unrelated one.
    chunk = with_minhash(pl.DataFrame({"article_id": ["next"], "body": [body]}))
    with duckdb.connect(str(warehouse)) as con:
        found = near_duplicate_candidates(con, 3, chunk, bands=BANDS, rows=ROWS)
    assert sorted(found["article_id"]) == sorted(article for name, article, _, _ in rows if name != "2-other.txt")


def test_a_changed_article_is_a_new_version(tmp_path, warehouse):
    path = write(tmp_path / "src" / "a.txt", ARTICLE)
    run_pipeline([str(path.parent)], str(warehouse))
    write(path, ARTICLE.replace("Analysts agreed.", "Analysts disagreed."))
    summary = run_pipeline([str(path.parent)], str(warehouse))
    assert summary.published == 1
    versions = query(warehouse, "SELECT version, is_current, valid_to IS NULL FROM fct_article ORDER BY version")
    assert versions == [(1, False, False), (2, True, True)]
    assert query(warehouse, "SELECT count(*), max(load_id) FROM v_articles") == [(1, 2)]


@pytest.mark.parametrize("change", ["insert", "delete"])
def test_rows_moved_in_an_export_without_keys_lose_no_article(tmp_path, warehouse, change):
    # A CSV with neither URLs nor ids is keyed by row: a row inserted or deleted at the top moves every text below
    # it to another key, across the slices a read is staged in (two records each here).
    stories = [(f"Story {n}", f"Words of story number {n} told at length for the record.") for n in "ABCDE"]
    before, after = (stories[1:], stories) if change == "insert" else (stories, stories[1:])
    export = tmp_path / "export.csv"
    export.write_text("title,text\n" + "".join(f"{t},{b}\n" for t, b in before))
    assert run_pipeline([str(export)], str(warehouse)).published == len(before)
    export.write_text("title,text\n" + "".join(f"{t},{b}\n" for t, b in after))
    run_pipeline([str(export)], str(warehouse), options=RunOptions(batch_records=2))
    current = {title for (title,) in query(warehouse, "SELECT title FROM v_articles")}
    assert current >= {title for title, _ in after}


def test_text_reverted_to_an_earlier_version_is_a_new_current_version(tmp_path, warehouse):
    path = write(tmp_path / "src" / "a.txt", ARTICLE)
    run_pipeline([str(path.parent)], str(warehouse))
    write(path, ARTICLE.replace("agreed", "disagreed"))
    run_pipeline([str(path.parent)], str(warehouse))
    write(path, ARTICLE)  # back to the first text
    assert run_pipeline([str(path.parent)], str(warehouse)).published == 1
    versions = query(warehouse, "SELECT version, is_current FROM fct_article ORDER BY version")
    assert versions == [(1, False), (2, False), (3, True)]
    assert query(warehouse, "SELECT count(*) FROM v_articles") == [(1,)]


def test_a_corrected_field_mapping_reads_an_unchanged_file_again(tmp_path, warehouse):
    path = write(tmp_path / "export.csv", "headline,article_text\nRates held,The central bank held rates today.\n")
    swapped = {"title": "article_text", "body": "headline"}
    wrong = run_pipeline([str(path)], str(warehouse), read_options={"mapping": swapped})
    assert wrong.published == 1
    right = {"title": "headline", "body": "article_text"}
    fixed = run_pipeline([str(path)], str(warehouse), read_options={"mapping": right})
    assert (fixed.skipped_files, fixed.published) == (0, 1)
    assert query(warehouse, "SELECT title FROM v_articles") == [("Rates held",)]


def test_a_blocked_batch_leaves_published_data_untouched_and_a_fixed_rerun_publishes_it(tmp_path, warehouse):
    run_pipeline([str(sample_folder())], str(warehouse), "sample")
    before = query(warehouse, "SELECT * FROM v_articles")
    root = tmp_path / "scraped"
    # A scraper that put each page's first paragraph in the title field: an implausible 400-character "title".
    for i in range(3):
        write(root / f"{i}.json", json.dumps({"title": f"{'word ' * 80}{i}", "body": "A body paragraph."}))

    with pytest.raises(BatchBlocked) as blocked:
        run_pipeline([str(root)], str(warehouse))
    summary = blocked.value.summary
    # Every row failed the audit: the batch is blocked whole, held in staging, nothing quarantined for good.
    assert (summary.status, summary.published, summary.quarantined, summary.blocked) == ("blocked", 0, 0, 3)
    assert "title is longer than 300 characters" in summary.message
    assert query(warehouse, "SELECT * FROM v_articles") == before
    assert query(warehouse, "SELECT status, records_read, quarantined, blocked FROM v_runs WHERE load_id = 2") == [
        ("blocked", 3, 0, 3)
    ]
    assert query(warehouse, "SELECT count(*) FROM v_quarantine WHERE load_id = 2") == [(0,)]
    failed = "SELECT unexpected_count FROM etl_validation WHERE load_id = 2 AND NOT success"
    assert query(warehouse, failed) == [(3,)]  # the audit's finding stays on record
    assert query(warehouse, "SELECT count(*) FROM staging.fct_article WHERE load_id = 2") == [(3,)]  # inspectable

    for i in range(3):
        write(root / f"{i}.json", json.dumps({"title": f"Title {i}", "body": f"{'word ' * 80}{i}"}))
    fixed = run_pipeline([str(root)], str(warehouse))
    assert (fixed.status, fixed.published) == ("published", 3)
    assert query(warehouse, "SELECT count(*) FROM v_articles") == [(4,)]


def test_a_blocked_batch_stops_the_run_earlier_batches_stay_and_a_fixed_rerun_publishes_the_rest(tmp_path, warehouse):
    root = tmp_path / "scraped"
    # Read in name order, two records a batch: 0-1 pass, 2-3 have a paragraph for a title (blocked), 4 comes after.
    for i in range(5):
        title = f"{'word ' * 80}{i}" if i in (2, 3) else f"Title {i}"
        write(root / f"{i}.json", json.dumps({"title": title, "body": f"Body number {i}."}))

    with pytest.raises(BatchBlocked) as blocked:
        run_pipeline([str(root)], str(warehouse), options=RunOptions(batch_records=2))
    summary = blocked.value.summary
    assert (summary.records_read, summary.published, summary.quarantined, summary.blocked) == (5, 2, 0, 3)
    assert "2 articles from earlier batches were published" in summary.message
    assert query(warehouse, "SELECT title FROM v_articles ORDER BY 1") == [("Title 0",), ("Title 1",)]
    assert query(warehouse, "SELECT status, published, blocked FROM v_runs") == [("blocked", 2, 3)]
    assert query(warehouse, "SELECT count(*) FROM etl_source_file") == [(0,)]  # nothing may be skipped next time

    for i in (2, 3):
        write(root / f"{i}.json", json.dumps({"title": f"Title {i}", "body": f"{'word ' * 80}{i}"}))
    fixed = run_pipeline([str(root)], str(warehouse), options=RunOptions(batch_records=2))
    assert (fixed.status, fixed.published, fixed.duplicates) == ("published", 3, 2)
    assert query(warehouse, "SELECT count(*) FROM v_articles") == [(5,)]


def test_a_run_that_died_is_marked_failed_by_the_next(tmp_path, warehouse):
    run_pipeline([str(sample_folder())], str(warehouse), "sample")
    with duckdb.connect(str(warehouse)) as con:  # what a run killed mid-way leaves behind
        con.execute(
            "INSERT INTO etl_run (load_id, started_at, status, sources, pid) "
            "VALUES (2, now(), 'running', ['x'], 999999)"
        )
        con.execute("INSERT INTO staging.dim_source VALUES ('k', 'half-written', 2)")
    summary = run_pipeline([str(sample_folder())], str(warehouse), "sample")
    assert summary.load_id == 3
    assert query(warehouse, "SELECT status, message LIKE '%pid 999999%' FROM v_runs WHERE load_id = 2") == [
        ("failed", True)
    ]
    assert query(warehouse, "SELECT count(*) FROM staging.dim_source WHERE load_id = 2") == [(0,)]


def test_hostile_text_is_stored_verbatim_and_never_executed(tmp_path, warehouse):
    title = "Robert'); DROP TABLE fct_article;--"
    # no space before punctuation: that would be a scraping artefact, which staging repairs
    body = "<script>alert('x')</script> $load_id? %s {0} \\x00 '\"; -- /* */ emoji 🗞️ and עברית"
    write(tmp_path / "in" / "a.txt", f"{title}\n\n{body}\n")
    run_pipeline([str(tmp_path / "in")], str(warehouse))
    assert query(warehouse, "SELECT title FROM v_articles") == [(title,)]
    assert query(warehouse, "SELECT body FROM fct_article") == [(body,)]
    assert query(warehouse, "SELECT count(*) FROM fct_article") == [(1,)]


def test_bad_inputs_beside_good_articles_lose_nothing(tmp_path, warehouse):
    root = tmp_path / "mixed"
    write(root / "good.txt", ARTICLE)
    write(root / "nul.txt", b"Title\n\nbody with a \x00 NUL byte")
    write(root / "undecodable.txt", bytes(range(128, 256)) * 4)
    write(root / "huge-line.txt", "Long\n\n" + "word " * 2_000_000)  # a 10 MB single line
    write(root / "rtl.txt", "כותרת\n\nגוף הכתבה בעברית עם אימוג'י 🗞️\n")
    write(root / "crlf.txt", b"Windows\r\n\r\nLine endings\r\n")
    summary = run_pipeline([str(root)], str(warehouse))
    quarantined = dict(query(warehouse, "SELECT parse_filename(source_uri), reason FROM v_quarantine"))
    published = {name for (name,) in query(warehouse, "SELECT parse_filename(source_uri) FROM v_articles")}
    assert summary.records_read == 6 == len(quarantined) + len(published) + summary.duplicates
    assert published == {"good.txt", "rtl.txt", "crlf.txt"}
    assert "NUL" in quarantined["nul.txt"]
    assert "longer than 1,000,000 characters" in quarantined["huge-line.txt"]
    assert quarantined.keys() == {"nul.txt", "undecodable.txt", "huge-line.txt"}
