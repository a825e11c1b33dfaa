"""The quality page's sources over time: each source's rates load by load, flagged when the latest is worse."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from tests.warehouse.report.conftest import report, warehouse_file
from warehouse.report.sources import worse_than_usual


def load(load_id: int, read: int, quarantined: int, duplicates: int = 0, missing: int = 0) -> dict:
    published = read - quarantined - duplicates
    return {
        "load_id": load_id,
        "records_read": read,
        "quarantine_rate": quarantined / read,
        "duplicate_rate": duplicates / read,
        "missing_date_rate": missing / published if published else None,
    }


def test_a_latest_load_worse_than_the_recent_median_is_flagged():
    steady = [load(i, 100, 2, missing=10) for i in range(1, 6)]
    assert worse_than_usual([*steady, load(6, 100, 3, missing=11)]) == []  # within a load's noise
    worse = worse_than_usual([*steady, load(6, 100, 30, missing=10)])
    assert worse == ["records quarantined: 30% against a median of 2%"]
    # Only the recent loads count: a source that was bad long ago and is fine now is not flagged.
    assert worse_than_usual([load(1, 100, 90), *steady, load(7, 100, 2)]) == []
    assert worse_than_usual([load(1, 100, 50)]) == []  # a first load has nothing to be worse than


def test_the_quality_page_shows_each_source_over_its_loads(tmp_path: Path):
    db = warehouse_file(tmp_path / "w.duckdb", filled=False)
    start = datetime(2024, 3, 1, tzinfo=UTC)
    with duckdb.connect(str(db)) as con:
        for load_id in range(1, 5):
            con.execute(
                "INSERT INTO etl_run (load_id, started_at, finished_at, status, sources, records_read, published,"
                " duplicates, quarantined, blocked) VALUES (?, ?, ?, 'published', ['x'], 0, 0, 0, 0, 0)",
                [load_id, start + timedelta(days=load_id), start + timedelta(days=load_id)],
            )
            for source, quarantined in (("Wire <b>", 1), ("blog", 1 if load_id < 4 else 40)):
                con.execute(
                    "INSERT INTO etl_source_run VALUES (?, ?, 100, ?, 0, ?, 0, 0, 300)",
                    [load_id, source, 100 - quarantined, quarantined],
                )
    html = (report(db, tmp_path / "out").parent / "quality.html").read_text()
    section = html[html.index('id="sources"') : html.index('id="quarantine"')]
    assert "1 flagged" in section and "records quarantined: 40% against a median of 1%" in section
    assert "Wire &lt;b&gt;" in section and "Wire <b>" not in section  # a source's name is escaped
    assert section.index("blog") < section.index("Wire &lt;b&gt;")  # the flagged source first
    assert (tmp_path / "out" / "charts" / "source_quality.svg").exists()
