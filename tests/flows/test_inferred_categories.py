"""Categories for every article: learnt from the categorised articles a warehouse holds, published as inferred."""

from pathlib import Path

import duckdb
import pytest

from flows.pipeline import run_pipeline
from tests.transforms.test_categories import BUSINESS, SPORT

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_articles_without_a_category_get_one_learnt_from_those_with_one(tmp_path, warehouse):
    labelled = tmp_path / "desk"
    for category, texts in (("sport", SPORT), ("business", BUSINESS)):
        for i, text in enumerate(texts):
            (labelled / category).mkdir(parents=True, exist_ok=True)
            (labelled / category / f"{i}.txt").write_text(f"Story {category} {i}\n\n{text}.\n")
    first = run_pipeline([str(labelled)], str(warehouse))
    assert first.published == 12
    assert rows(warehouse, "SELECT DISTINCT category_source FROM v_articles") == [("source",)]

    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "match.txt").write_text("Late winner\n\nThe striker scored a late goal and the team won the cup match.\n")
    (feed / "markets.txt").write_text("Rates up\n\nShares fell as the central bank raised rates and investors sold.\n")
    run_pipeline([str(feed)], str(warehouse))
    inferred = rows(
        warehouse,
        "SELECT title, category, category_source, category_confidence > 0.3 FROM v_articles"
        " WHERE source_name = 'feed' ORDER BY title",
    )
    assert inferred == [("Late winner", "sport", "inferred", True), ("Rates up", "business", "inferred", True)]
    assert rows(warehouse, "SELECT count(*) FROM dim_category") == [(2,)]  # one dimension for given and inferred
