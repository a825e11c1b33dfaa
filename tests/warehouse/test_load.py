import duckdb
import polars as pl

from warehouse.load import published_keys
from warehouse.migrate import migrate


def test_a_batch_audit_reads_only_the_published_keys_its_facts_refer_to():
    con = duckdb.connect()
    migrate(con)
    con.execute(
        "INSERT INTO dim_entity (entity_id, entity_name, entity_type, load_id) VALUES "
        "('e1', 'Mali', 'location', 1), ('e2', 'France', 'location', 1), ('e3', 'UN', 'organization', 1)"
    )
    batch = {
        "fct_entity_mention": pl.DataFrame({"entity_id": ["e1", "new"]}),
        "fct_entity_occurrence": pl.DataFrame({"entity_id": ["e3", None]}),
        "fct_article": pl.DataFrame(
            {"source_key": ["s"], "category_key": [None], "published_date_key": [None], "ingested_date_key": [1]},
            schema_overrides={"category_key": pl.String, "published_date_key": pl.Int32},
        ),
    }
    keys = published_keys(con, batch)
    assert sorted(keys["dim_entity"]) == ["e1", "e3"]  # e2 is published but this batch never mentions it
    assert keys["dim_source"] == keys["dim_category"] == keys["dim_date"] == []
    assert sorted(published_keys(con)["dim_entity"]) == ["e1", "e2", "e3"]  # without a batch: all of them
