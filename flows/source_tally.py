"""Where each source's records went in a load: the counts behind `v_source_quality`.

Every record read is counted once, under the name of the source it came from (the record's own source name, or
its folder's or feed's), as published, duplicate, quarantined or blocked; so a source's counts add up to what it
read, and all sources' counts add up to the load's (`v_runs`).
"""

from collections import Counter
from dataclasses import dataclass, field

import polars as pl

SOURCE_COUNTS: dict[str, pl.DataType | type[pl.DataType]] = {
    "source_name": pl.String,
    "records_read": pl.Int64,
    "published": pl.Int64,
    "duplicates": pl.Int64,
    "quarantined": pl.Int64,
    "blocked": pl.Int64,
    # Published articles without a publication date, and the distinct entities they mention, summed.
    "missing_dates": pl.Int64,
    "entities": pl.Int64,
}
_COUNTS = tuple(c for c in SOURCE_COUNTS if c != "source_name")
UNNAMED = "(unnamed)"


def batch_sources(
    records: pl.DataFrame,
    *,
    staged: pl.DataFrame,
    duplicates: pl.DataFrame,
    rejected: pl.DataFrame,
    passed: bool,
    facts: pl.DataFrame,
    mentions: pl.DataFrame,
) -> pl.DataFrame:
    """A batch's outcomes counted per source (`SOURCE_COUNTS`, reads aside).

    `records` are the batch's raw records (source_uri, source_name); `staged` its new article versions
    (article_id, source_name); `duplicates` and `rejected` (the quarantine rows it records for good,
    `Batch.rejected`) name records by source_uri, and rejected articles by article_id; a blocked batch's staged
    articles are all blocked; `facts` (article_id, published_at) and `mentions` (article_id, entity_id) are
    the batch's article facts and entity mentions.
    """
    names = records.select("source_uri", "source_name").unique("source_uri", keep="last")
    rejected_ids = rejected.select("article_id").drop_nulls()
    kept = staged.select("article_id", "source_name").join(rejected_ids, on="article_id", how="anti")
    outcome = "published" if passed else "blocked"
    dated = facts.select("article_id", missing=pl.col("published_at").is_null())
    entities = mentions.group_by("article_id").agg(entities=pl.col("entity_id").n_unique())
    published = (
        kept.join(dated, on="article_id", how="left")
        .join(entities, on="article_id", how="left")
        .group_by("source_name")
        .agg(
            pl.len().alias(outcome),
            missing_dates=pl.col("missing").fill_null(False).sum() if passed else pl.lit(0),
            entities=pl.col("entities").fill_null(0).sum() if passed else pl.lit(0),
        )
    )
    by_uri = [_by_uri(duplicates, names, "duplicates"), _by_uri(rejected, names, "quarantined")]
    parts = [published, *by_uri]
    return _sum(parts)


def _by_uri(rows: pl.DataFrame, names: pl.DataFrame, column: str) -> pl.DataFrame:
    return (
        rows.select("source_uri")
        .join(names, on="source_uri", how="left")
        .group_by(pl.col("source_name").fill_null(UNNAMED))
        .agg(pl.len().alias(column))
    )


def _sum(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """The parts' counts added per source, in the `SOURCE_COUNTS` shape."""
    filled = [
        part.with_columns(pl.col("source_name").fill_null(UNNAMED))
        .with_columns([pl.lit(0, pl.Int64).alias(c) for c in _COUNTS if c not in part.columns])
        .select(pl.col("source_name"), *[pl.col(c).cast(pl.Int64) for c in _COUNTS])
        for part in parts
    ]
    frame = pl.concat(filled) if filled else pl.DataFrame(schema=SOURCE_COUNTS)
    return frame.group_by("source_name").agg(pl.col(c).sum() for c in _COUNTS).sort("source_name")


@dataclass
class SourceTally:
    """A load's counts per source, as its reads and batches come in."""

    _counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, frame: pl.DataFrame) -> None:
        """Add counts per source (any of `SOURCE_COUNTS`' columns)."""
        for row in frame.iter_rows(named=True):
            counter = self._counts.setdefault(row["source_name"] or UNNAMED, Counter())
            counter.update({c: row[c] for c in _COUNTS if row.get(c)})

    def read(self, records: pl.DataFrame) -> None:
        """Records read (raw, with `source_name`)."""
        self.add(self._count(records, "records_read"))

    def held_back(self, records: pl.DataFrame) -> None:
        """Records read but left after a blocked batch: blocked."""
        self.add(self._count(records, "blocked"))

    def skipped(self, records_by_source: dict[str, int]) -> None:
        """Unchanged sources' records: read, and each a duplicate of what is published."""
        for name, records in records_by_source.items():
            self._counts.setdefault(name, Counter()).update({"records_read": records, "duplicates": records})

    def frame(self) -> pl.DataFrame:
        """One row per source (`SOURCE_COUNTS`), in name order."""
        rows = [{"source_name": name, **{c: counts[c] for c in _COUNTS}} for name, counts in self._counts.items()]
        return pl.DataFrame(rows, schema=SOURCE_COUNTS).sort("source_name")

    @staticmethod
    def _count(records: pl.DataFrame, column: str) -> pl.DataFrame:
        return records.group_by(pl.col("source_name").fill_null(UNNAMED)).agg(pl.len().alias(column))
