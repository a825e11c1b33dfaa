"""The published tables, declared once: each one's columns and types, which of them may be null, its key, and the
dimension keys its columns refer to.

Everything else follows from this: the frames a batch's transforms build are cast to these columns; the quality
gate derives every table's structural expectations from it (columns, not-null, unique key, relationships); the
warehouse takes its table list, publish order and relationships from it; and a test holds the DDL in
`warehouse/sql/migrations` against it, so a column added here and not there (or the other way round) fails.
"""

from dataclasses import dataclass, field

import polars as pl

Schema = dict[str, pl.DataType | type[pl.DataType]]

UTC_TIME = pl.Datetime("us", "UTC")


@dataclass(frozen=True)
class Table:
    """One published table: one row per `grain`."""

    name: str
    grain: str
    columns: Schema
    key: tuple[str, ...]
    # Columns that may hold null; every other column is NOT NULL.
    nullable: frozenset[str] = frozenset()
    # column → the table whose key it holds (`fct_article.source_key` → `dim_source`). A fact's `article_key`
    # refers to `fct_article`: in a batch, to the article versions of that batch.
    references: dict[str, str] = field(default_factory=dict)

    @property
    def is_fact(self) -> bool:
        """Facts belong to an article: quarantining the article removes its fact rows."""
        return self.name.startswith("fct_")


DIM_DATE = Table(
    "dim_date",
    "day that any fact refers to (the conformed calendar, role-played as published and ingested date)",
    {
        "date_key": pl.Int32,  # yyyymmdd
        "date": pl.Date,
        "year": pl.Int16,
        "quarter": pl.Int8,
        "month": pl.Int8,
        "month_name": pl.String,
        "day": pl.Int8,
        "day_of_week": pl.Int8,  # ISO: 1 = Monday
        "day_name": pl.String,
        "iso_year": pl.Int16,
        "iso_week": pl.Int8,
        "week_start": pl.Date,  # the Monday of the ISO week
        "is_weekend": pl.Boolean,
        "load_id": pl.Int64,
    },
    key=("date_key",),
)

DIM_SOURCE = Table(
    "dim_source",
    "source as the user names it (a folder, a feed, an export), names compared case-insensitively",
    {"source_key": pl.String, "source_name": pl.String, "load_id": pl.Int64},
    key=("source_key",),
)

DIM_CATEGORY = Table(
    "dim_category",
    "category name, as sources give them",
    {"category_key": pl.String, "category_name": pl.String, "load_id": pl.Int64},
    key=("category_key",),
)

DIM_ENTITY = Table(
    "dim_entity",
    "real-world entity (person, organization, location, other), resolved across articles, runs and machines",
    {
        "entity_id": pl.String,
        "entity_name": pl.String,
        "entity_type": pl.String,
        "country_code": pl.String,  # ISO 3166-1 alpha-2
        # True when country_code was read from the article's text for a place no gazetteer knows (`Indelimane,
        # the northeast of the country` in a story about Mali): such a place has no coordinates or gazetteer id.
        "country_inferred": pl.Boolean,
        "latitude": pl.Float64,
        "longitude": pl.Float64,
        "gazetteer_id": pl.String,  # e.g. geonames:2460596, iso:ML
        "load_id": pl.Int64,
    },
    key=("entity_id",),
    nullable=frozenset({"country_code", "latitude", "longitude", "gazetteer_id"}),
)

FCT_ARTICLE = Table(
    "fct_article",
    "article version (article_id is durable, from the natural key; article_key names one version)",
    {
        "article_key": pl.String,
        "article_id": pl.String,
        "source_uri": pl.String,
        "url": pl.String,
        "source_key": pl.String,
        "source_kind": pl.String,
        "category_key": pl.String,
        "published_date_key": pl.Int32,
        "ingested_date_key": pl.Int32,
        "published_at": UTC_TIME,
        "ingested_at": UTC_TIME,
        "title": pl.String,
        "body": pl.String,
        "dateline": pl.String,
        "authors": pl.String,
        "external_id": pl.String,
        "language": pl.String,
        "word_count": pl.Int32,
        "paragraph_count": pl.Int32,
        "sentiment": pl.Float64,
        "is_duplicate": pl.Boolean,
        "content_hash": pl.String,
        "version": pl.Int32,
        "valid_from": UTC_TIME,
        "valid_to": UTC_TIME,
        "is_current": pl.Boolean,
        "load_id": pl.Int64,
        "tone_positive": pl.Float64,
        "tone_negative": pl.Float64,
        "polarity": pl.Float64,
        "cluster_id": pl.String,
        "minhash": pl.List(pl.UInt64),
        # source: the source gave the title; derived: the source gave none, it is the body's first sentence.
        "title_source": pl.String,
        # source: the source gave the category; inferred: predicted (transforms.categories); null: none.
        "category_source": pl.String,
        # An inferred category's probability (0–1).
        "category_confidence": pl.Float64,
    },
    key=("article_key",),
    nullable=frozenset(
        {
            "url",
            "category_key",
            "published_date_key",
            "published_at",
            "title",
            "dateline",
            "authors",
            "external_id",
            "language",
            "sentiment",
            "valid_to",
            "tone_positive",
            "tone_negative",
            "polarity",
            "minhash",
            # Articles published before titles were derived (a null title) have none.
            "title_source",
            "category_source",
            "category_confidence",
        }
    ),
    references={
        "source_key": "dim_source",
        "category_key": "dim_category",
        "published_date_key": "dim_date",
        "ingested_date_key": "dim_date",
    },
)

FCT_DATE_MENTION = Table(
    "fct_date_mention",
    "date an article version's text mentions",
    {
        "article_key": pl.String,
        "article_id": pl.String,
        "date_text": pl.String,
        "start_offset": pl.Int32,  # into the stored body
        "end_offset": pl.Int32,
        "resolution": pl.String,  # day | month | year
        "mentioned_date": pl.Date,  # the first day of the month or year when that is all the text says
        "load_id": pl.Int64,
    },
    key=("article_key", "start_offset"),
    references={"article_key": "fct_article"},
)

FCT_ENTITY_MENTION = Table(
    "fct_entity_mention",
    "article version and entity it mentions",
    {
        "article_key": pl.String,
        "article_id": pl.String,
        "entity_id": pl.String,
        "mention_count": pl.Int32,
        "first_offset": pl.Int32,
        "weight": pl.Float64,  # mention_count / all mentions in the article: sums to 1 per article
        "load_id": pl.Int64,
    },
    key=("article_key", "entity_id"),
    references={"article_key": "fct_article", "entity_id": "dim_entity"},
)

FCT_ENTITY_OCCURRENCE = Table(
    "fct_entity_occurrence",
    "occurrence of an entity in an article version's stored text, with character offsets into that field",
    {
        "article_key": pl.String,
        "article_id": pl.String,
        "entity_id": pl.String,
        "surface": pl.String,  # as written in the stored (repaired) text
        "field": pl.String,  # title | body | dateline
        "start_offset": pl.Int32,
        "end_offset": pl.Int32,
        "is_dateline": pl.Boolean,
        "load_id": pl.Int64,
    },
    key=("article_key", "field", "start_offset"),
    references={"article_key": "fct_article", "entity_id": "dim_entity"},
)

# In publish order: dimensions before the facts that refer to them.
TABLES: tuple[Table, ...] = (
    DIM_DATE,
    DIM_SOURCE,
    DIM_CATEGORY,
    DIM_ENTITY,
    FCT_ARTICLE,
    FCT_DATE_MENTION,
    FCT_ENTITY_MENTION,
    FCT_ENTITY_OCCURRENCE,
)
PUBLISHED_TABLES: tuple[str, ...] = tuple(table.name for table in TABLES)
BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}


def referring_columns(target: str) -> list[tuple[str, str]]:
    """(table, column) of every column that holds `target`'s key."""
    return [(t.name, column) for t in TABLES for column, to in t.references.items() if to == target]


def dimensions() -> list[Table]:
    """The dimension tables, which facts refer to by their one-column key."""
    return [t for t in TABLES if not t.is_fact]


def keys_parameter(target: str) -> str:
    """The suite parameter that holds the keys a relationship to `target` may take (`source_keys`)."""
    (key,) = BY_NAME[target].key
    return f"{key}s"
