"""The BBC corpus (1,781 files) end to end: every record accounted for, copies recognised, five categories."""

import duckdb
import pytest

from flows.pipeline import run_pipeline
from tests.conftest import corpus

pytestmark = [pytest.mark.e2e, pytest.mark.corpus, pytest.mark.usefixtures("prefect_harness")]


def test_bbc_loads_with_every_record_accounted_for(warehouse):
    bbc = corpus("bbc")
    first = run_pipeline([str(bbc)], str(warehouse))
    assert first.records_read == 1781
    assert first.records_read == first.published + first.duplicates + first.quarantined
    assert first.published <= 1715 and first.duplicates >= 66
    with duckdb.connect(str(warehouse), read_only=True) as con:
        categories = [c for (c,) in con.execute("SELECT DISTINCT category FROM v_articles ORDER BY 1").fetchall()]
        assert categories == ["business", "entertainment", "politics", "sport", "tech"]
        assert con.execute("SELECT count(*) FROM v_articles").fetchone() == (first.published,)
        pound = con.execute("SELECT body FROM fct_article WHERE source_uri LIKE '%sport/199.txt'").fetchone()
        assert pound is not None and "£15.8m" in pound[0]
        assert con.execute("SELECT count(*) FROM v_entities WHERE articles > 0").fetchone()[0] > 1000
    again = run_pipeline([str(bbc)], str(warehouse))
    # files whose records were all published or duplicates are skipped unread; a quarantined one is read again
    assert (again.published, again.skipped_files) == (0, 1781 - first.quarantined)
    assert (again.duplicates, again.quarantined) == (1781 - first.quarantined, first.quarantined)
