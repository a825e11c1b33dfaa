"""`v_source_quality`: each source's records, load by load, adding up to the load's counts in `v_runs`."""

from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from flows.pipeline import run_pipeline
from flows.settings import RunOptions
from flows.source_tally import SOURCE_COUNTS, SourceTally, batch_sources

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

STORY = "{title}\n\nShares rose sharply on {day} as investors in {place} cheered the figures.\n\nAnalysts agreed.\n"


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_sources_counts_add_up_to_the_load_over_several_loads(tmp_path, warehouse):
    wire, blog = tmp_path / "wire", tmp_path / "blog"
    write(wire / "1.txt", STORY.format(title="Markets rally", day="Monday", place="Paris"))
    write(wire / "2.txt", STORY.format(title="Markets slip", day="Tuesday", place="Berlin"))
    write(wire / "3.txt", b"")  # unreadable: quarantined
    write(blog / "a.txt", STORY.format(title="Markets rally", day="Monday", place="Paris"))  # a copy of wire/1
    write(blog / "b.txt", "Only a headline\n")  # no body: quarantined
    options = RunOptions(batch_records=2)  # batches cut across the sources
    run_pipeline([str(wire), str(blog)], str(warehouse), options=options)

    write(blog / "c.txt", STORY.format(title="Rates held", day="Friday", place="Rome"))
    run_pipeline([str(wire), str(blog)], str(warehouse), options=options)

    scorecard = rows(
        warehouse,
        "SELECT load_id, source_name, records_read, published, duplicates, quarantined, missing_dates"
        " FROM v_source_quality ORDER BY load_id, source_name",
    )
    assert scorecard == [
        (1, "blog", 2, 0, 1, 1, 0),
        (1, "wire", 3, 2, 0, 1, 2),
        # Load 2: wire's clean files are skipped unchanged (duplicates); its empty file is read and quarantined
        # again; blog's new file is published, its copy and headline-only file found as before.
        (2, "blog", 3, 1, 1, 1, 1),
        (2, "wire", 3, 0, 2, 1, 0),
    ]
    sums = rows(
        warehouse,
        "SELECT load_id, sum(records_read), sum(published), sum(duplicates), sum(quarantined)"
        " FROM v_source_quality GROUP BY load_id ORDER BY load_id",
    )
    assert sums == rows(warehouse, "SELECT load_id, records_read, published, duplicates, quarantined FROM v_runs")
    # Entities per published article: each story names its place.
    assert rows(warehouse, "SELECT min(entities_per_article) FROM v_source_quality WHERE published > 0") == [(1.0,)]


def test_a_batch_is_counted_per_source_by_outcome():
    records = pl.DataFrame(
        {
            "source_uri": ["/w/1", "/w/2", "/w/3", "/b/a", "/b/b"],
            "source_name": ["wire", "wire", "wire", "blog", "blog"],
        }
    )
    staged = pl.DataFrame({"article_id": ["w1", "w2", "ba"], "source_name": ["wire", "wire", "blog"]})
    duplicates = pl.DataFrame({"source_uri": ["/b/b"]})
    rejected = pl.DataFrame(
        {"source_uri": ["/w/3", "/b/a"], "article_id": [None, "ba"], "stage": ["read", "audit"]},
        schema={"source_uri": pl.String, "article_id": pl.String, "stage": pl.String},
    )
    facts = pl.DataFrame(
        {"article_id": ["w1", "w2", "ba"], "published_at": [None, "2024-01-01", None]},
        schema={"article_id": pl.String, "published_at": pl.String},
    )
    mentions = pl.DataFrame({"article_id": ["w1", "w1", "w2"], "entity_id": ["e1", "e2", "e1"]})

    counted = batch_sources(
        records, staged=staged, duplicates=duplicates, rejected=rejected, passed=True, facts=facts, mentions=mentions
    )
    expected = pl.DataFrame(
        [
            {"source_name": "blog", "records_read": 0, "published": 0, "duplicates": 1, "quarantined": 1,
             "blocked": 0, "missing_dates": 0, "entities": 0},
            {"source_name": "wire", "records_read": 0, "published": 2, "duplicates": 0, "quarantined": 1,
             "blocked": 0, "missing_dates": 1, "entities": 3},
        ],
        schema=SOURCE_COUNTS,
    )  # fmt: skip
    assert_frame_equal(counted, expected)

    blocked = batch_sources(
        records,
        staged=staged,
        duplicates=duplicates,
        rejected=rejected.filter(pl.col("stage") != "audit"),
        passed=False,
        facts=facts,
        mentions=mentions,
    )
    assert blocked.select("source_name", "published", "blocked", "quarantined").rows() == [
        ("blog", 0, 1, 0),
        ("wire", 0, 2, 1),
    ]


def test_a_tally_adds_reads_batches_and_skipped_sources():
    tally = SourceTally()
    tally.read(pl.DataFrame({"source_name": ["wire", "wire", None]}))
    tally.skipped({"blog": 4})
    tally.held_back(pl.DataFrame({"source_name": ["wire"]}))
    assert tally.frame().select("source_name", "records_read", "duplicates", "blocked").rows() == [
        ("(unnamed)", 1, 0, 0),
        ("blog", 4, 4, 0),
        ("wire", 2, 0, 1),
    ]
    assert tally.frame().columns == list(SOURCE_COUNTS)
