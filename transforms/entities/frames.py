"""The entity frames: occurrences as extracted, and the `dim_entity` / `fct_entity_mention` built from them."""

import polars as pl

from transforms.entities.resolve import Resolved
from transforms.keys import key_expr

Schema = dict[str, pl.DataType | type[pl.DataType]]

ENTITY_OCCURRENCES: Schema = {
    # One row per mention of an entity in an article.
    "article_id": pl.String,
    # stable_key("entity", entity_type, natural key): the same real entity in every article, run and machine.
    "entity_id": pl.String,
    "entity_name": pl.String,
    # person | organization | location | other
    "entity_type": pl.String,
    # ISO 3166-1 alpha-2: for locations the gazetteers know (a former country: the one that continues it, the
    # Soviet Union's RU), that the article's text places in a country, or organisations whose name places them in
    # one (`Bank of England`: GB).
    "country_code": pl.String,
    # True when country_code was read from the article's text (`Indelimane, the northeast of the country` in a
    # story about Mali) for a place no gazetteer knows, or from an organisation's name; such an entity has no
    # coordinates. False otherwise.
    "country_inferred": pl.Boolean,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    # geonames:2460596 for a city, state or continent, geonames-admin1:CA.08 for a province and admin2:GB:Kent for a
    # county (regions: no coordinates), iso:ML for a country; null for an unknown place.
    "gazetteer_id": pl.String,
    # As written in the stored text: `text[start:end] == surface` for the field's text.
    "surface": pl.String,
    # title | dateline | body
    "field": pl.String,
    "start": pl.Int32,
    "end": pl.Int32,
    # The place (and country) of the dateline.
    "is_dateline": pl.Boolean,
}

# One row per entity: the entity's own columns of an occurrence.
DIM_ENTITY: Schema = {
    name: ENTITY_OCCURRENCES[name]
    for name in (
        "entity_id",
        "entity_name",
        "entity_type",
        "country_code",
        "country_inferred",
        "latitude",
        "longitude",
        "gazetteer_id",
    )
}

FCT_ENTITY_MENTION: Schema = {
    # One row per article and entity.
    "article_id": pl.String,
    "entity_id": pl.String,
    "mention_count": pl.Int32,
    # Offset of the first mention in reading order (title, dateline, body), into that mention's field.
    "first_offset": pl.Int32,
    # mention_count / all entity mentions of the article: sums to 1 per article.
    "weight": pl.Float64,
}

_FIELD_ORDER = {"title": 0, "dateline": 1, "body": 2}


def occurrences_frame(rows: list[tuple[str, Resolved]]) -> pl.DataFrame:
    """`ENTITY_OCCURRENCES` from (article_id, resolved mention) pairs."""
    records = [
        {
            "article_id": article_id,
            "entity_name": r.entity_name,
            "entity_type": r.entity_type,
            "country_code": r.place.country_code if r.place else r.inferred_country,
            "country_inferred": r.inferred_country is not None,
            "latitude": r.place.latitude if r.place else None,
            "longitude": r.place.longitude if r.place else None,
            "gazetteer_id": r.place.gazetteer_id if r.place else None,
            "surface": r.mention.surface,
            "field": r.mention.field,
            "start": r.mention.start,
            "end": r.mention.end,
            "is_dateline": r.mention.is_dateline,
            "natural_key": r.natural_key,
        }
        for article_id, r in rows
    ]
    schema = {**{k: v for k, v in ENTITY_OCCURRENCES.items() if k != "entity_id"}, "natural_key": pl.String}
    frame = pl.DataFrame(records, schema=schema)
    return frame.with_columns(entity_id=key_expr(pl.lit("entity"), "entity_type", "natural_key")).select(
        ENTITY_OCCURRENCES.keys()
    )


def dim_entity(occurrences: pl.DataFrame) -> pl.DataFrame:
    """One row per entity; its name, country and place are those most of its mentions resolved to. Ties go to
    the alphabetically first name, then to a known country and place over none (an organisation's country is read
    only where the text below a headline names it), so the same mentions always give the same row."""
    others = [c for c in DIM_ENTITY if c != "entity_id"]
    return (
        occurrences.group_by(*DIM_ENTITY.keys())
        .agg(mentions=pl.len())
        .sort(["entity_id", "mentions", *others], descending=[False, True, *[False] * len(others)], nulls_last=True)
        .group_by("entity_id", maintain_order=True)
        .first()
        .select(DIM_ENTITY.keys())
        .cast(DIM_ENTITY)  # type: ignore[arg-type]
    )


def fct_entity_mention(occurrences: pl.DataFrame) -> pl.DataFrame:
    """One row per article and entity: how often and how early the article names it, and its share."""
    return (
        occurrences.with_columns(_field=pl.col("field").replace_strict(_FIELD_ORDER, return_dtype=pl.Int8))
        .sort("article_id", "entity_id", "_field", "start")
        .group_by("article_id", "entity_id", maintain_order=True)
        .agg(mention_count=pl.len(), first_offset=pl.col("start").first())
        .with_columns(weight=pl.col("mention_count") / pl.col("mention_count").sum().over("article_id"))
        .select(FCT_ENTITY_MENTION.keys())
        .cast(FCT_ENTITY_MENTION)  # type: ignore[arg-type]
    )
