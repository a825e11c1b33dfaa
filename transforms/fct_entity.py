"""The knowledge-graph tables of a batch: `dim_entity`, `fct_entity_mention`, `fct_entity_occurrence`.

Built from entity occurrences (`transforms.entities.ENTITY_OCCURRENCES`) and keyed to the batch's article versions.
"""

import polars as pl

from transforms.entities import dim_entity, fct_entity_mention
from transforms.published import DIM_ENTITY, FCT_ENTITY_MENTION, FCT_ENTITY_OCCURRENCE


def entity_tables(occurrences: pl.DataFrame, articles: pl.DataFrame, load_id: int) -> dict[str, pl.DataFrame]:
    """One row per entity; per article version and entity; per occurrence. `articles` maps article_id → key."""
    keys = articles.select("article_id", "article_key")
    batch = pl.lit(load_id, dtype=pl.Int64).alias("load_id")
    occurrence_columns = {
        "start_offset": pl.col("start"),
        "end_offset": pl.col("end"),
        "load_id": batch,
    }
    return {
        "dim_entity": dim_entity(occurrences)
        .with_columns(batch)
        .select(DIM_ENTITY.columns.keys())
        .cast(DIM_ENTITY.columns),  # type: ignore[arg-type]
        "fct_entity_mention": fct_entity_mention(occurrences)
        .join(keys, on="article_id")
        .with_columns(batch)
        .select(FCT_ENTITY_MENTION.columns.keys())
        .cast(FCT_ENTITY_MENTION.columns),  # type: ignore[arg-type]
        "fct_entity_occurrence": occurrences.join(keys, on="article_id")
        .with_columns(**occurrence_columns)
        .select(FCT_ENTITY_OCCURRENCE.columns.keys())
        .cast(FCT_ENTITY_OCCURRENCE.columns),  # type: ignore[arg-type]
    }
