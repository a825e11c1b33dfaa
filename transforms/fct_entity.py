"""The knowledge-graph tables of a batch: `dim_entity`, `fct_entity_mention`, `fct_entity_occurrence`.

Built from entity occurrences (`transforms.entities.ENTITY_OCCURRENCES`) and keyed to the batch's article versions.
"""

import polars as pl

from transforms.entities import dim_entity, fct_entity_mention

FCT_ENTITY_OCCURRENCE: dict[str, pl.DataType | type[pl.DataType]] = {
    "article_key": pl.String,
    "article_id": pl.String,
    "entity_id": pl.String,
    "surface": pl.String,
    "field": pl.String,
    "start_offset": pl.Int32,
    "end_offset": pl.Int32,
    "is_dateline": pl.Boolean,
    "load_id": pl.Int64,
}


def entity_tables(occurrences: pl.DataFrame, articles: pl.DataFrame, load_id: int) -> dict[str, pl.DataFrame]:
    """One row per entity; per article version and entity; per occurrence. `articles` maps article_id → key."""
    keys = articles.select("article_id", "article_key")
    batch = pl.lit(load_id, dtype=pl.Int64).alias("load_id")
    return {
        "dim_entity": dim_entity(occurrences).with_columns(batch),
        "fct_entity_mention": fct_entity_mention(occurrences)
        .join(keys, on="article_id")
        .select("article_key", pl.exclude("article_key"), batch),
        "fct_entity_occurrence": occurrences.join(keys, on="article_id")
        .select(
            "article_key",
            "article_id",
            "entity_id",
            "surface",
            "field",
            start_offset="start",
            end_offset="end",
            is_dateline="is_dateline",
            load_id=batch,
        )
        .cast(FCT_ENTITY_OCCURRENCE),  # type: ignore[arg-type]
    }
