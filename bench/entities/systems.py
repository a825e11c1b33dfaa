"""The systems scored against a gold set, each returning mentions with offsets into the gold set's texts.

- bare: the spaCy model alone (NER only: no repair, no resolution) on the raw headline and body, its labels
  mapped to CoNLL's types as far as they allow;
- pipeline: `transforms.repair.repair_text` as staging stores text, then `transforms.entities.entity_occurrences`;
  its offsets, which point into the repaired text, are mapped back through `repair_with_offsets`.

Types map person→PER, organization→ORG, location→LOC, other→MISC; a location mention written as a demonym
(`Malian`) is MISC, as CoNLL annotates nationalities.
"""

import polars as pl

from bench.entities.gold import Entity
from transforms.entities import entity_occurrences
from transforms.entities.countries import country, demonym_of
from transforms.entities.ner import entity_spans
from transforms.repair import repair_with_offsets

BARE_TYPES = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    **dict.fromkeys(("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"), "MISC"),
}
PIPELINE_TYPES = {"person": "PER", "organization": "ORG", "location": "LOC", "other": "MISC"}


def split(text: str) -> tuple[str, str, int]:
    """(headline, body, offset of the body in the text): a gold text is headline, blank line, body."""
    title, _, body = text.partition("\n\n")
    return title, body, len(title) + 2


def bare(texts: dict[str, str], model: str, n_process: int) -> list[Entity]:
    """The model's entities on the raw headline and body, types mapped as the model's labels allow."""
    jobs = []
    for doc, text in texts.items():
        title, body, body_start = split(text)
        jobs += [(doc, title, 0), (doc, body, body_start)]
    spans = entity_spans((part for _, part, _ in jobs), model=model, n_process=n_process)
    return [
        (doc, base + s, base + e, BARE_TYPES[label], part[s:e])
        for (doc, part, base), (_, found) in zip(jobs, spans, strict=True)
        for s, e, label in found
        if label in BARE_TYPES
    ]


def pipeline(texts: dict[str, str], model: str, n_process: int) -> list[Entity]:
    """The pipeline's occurrences on the repaired texts, offsets mapped back to the gold texts."""
    maps: dict[tuple[str, str], tuple[int, list[int]]] = {}
    rows = []
    for doc, text in texts.items():
        title, body, body_start = split(text)
        (title_text, title_map), (body_text, body_map) = repair_with_offsets(title), repair_with_offsets(body)
        maps[(doc, "title")], maps[(doc, "body")] = (0, title_map), (body_start, body_map)
        rows.append({"article_id": doc, "title": title_text, "body": body_text})
    occurrences = entity_occurrences(pl.DataFrame(rows), model=model, n_process=n_process)
    found = []
    for row in occurrences.iter_rows(named=True):
        base, offsets = maps[(row["article_id"], row["field"])]
        kind = PIPELINE_TYPES[row["entity_type"]]
        if kind == "LOC" and country(row["surface"]) is None and demonym_of(row["surface"]) is not None:
            kind = "MISC"
        start, end = base + offsets[row["start"]], base + offsets[row["end"] - 1] + 1
        found.append((row["article_id"], start, end, kind, row["surface"]))
    return found
