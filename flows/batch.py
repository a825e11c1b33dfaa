"""A load's bookkeeping across its chunks: what was read, skipped, quarantined, audited; the counts that add up.

A load is processed in bounded chunks so that memory stays flat however large the input; it is still published,
or blocked, as one batch.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl

from flows.sources import Read, ReadSummary, Source
from transforms.duplicates import DUPLICATES
from transforms.schema import QUARANTINE
from warehouse.load import Outcome

SOURCE_FILES: dict[str, pl.DataType | type[pl.DataType]] = {
    "location": pl.String,
    "size": pl.Int64,
    "mtime_ns": pl.Int64,
    "content_hash": pl.String,
    "records": pl.Int32,
    "read_options": pl.String,
}


@dataclass(frozen=True)
class Chunk:
    """The raw records of a group of sources, the reads they came from, and the article versions they bring."""

    raw: pl.DataFrame
    reads: list[Read]
    versions: pl.DataFrame | None = None  # article_id, content_hash of every readable record (`article_versions`)
    # How each source orders numeric dates (`dates.numeric_date_orders`), from all its records.
    date_orders: dict[str | None, str | None] = field(default_factory=dict)


def unchanged_sources(
    sources: list[Source], manifest: pl.DataFrame, read_options: str
) -> tuple[list[Source], dict[str, int]]:
    """(sources to read, records of each unchanged file).

    A file is unchanged when its size and modification time match the manifest and it was read with the same
    options (`ReadOptions.fingerprint`): a corrected `--map` reads it again.
    """
    known = {row["location"]: row for row in manifest.iter_rows(named=True)}
    to_read, unchanged = [], {}
    for source in sources:
        seen = known.get(source.location)
        same = seen and (seen["size"], seen["mtime_ns"], seen["read_options"]) == (
            source.size,
            source.mtime_ns,
            read_options,
        )
        if same and seen and not source.is_url:
            unchanged[source.location] = seen["records"]
        else:
            to_read.append(source)
    return to_read, unchanged


def groups(sources: list[Source], max_bytes: int) -> Iterator[list[Source]]:
    """Consecutive groups of sources holding at most `max_bytes` (a larger file is a group of its own)."""
    group: list[Source] = []
    size = 0
    for source in sources:
        source_size = source.size if source.size is not None else 1_000_000
        if group and size + source_size > max_bytes:
            yield group
            group, size = [], 0
        group.append(source)
        size += source_size
    if group:
        yield group


def slices(frame: pl.DataFrame, rows: int) -> Iterator[pl.DataFrame]:
    """The frame in consecutive slices of at most `rows` rows (one empty slice for an empty frame)."""
    if frame.is_empty():
        yield frame
    for offset in range(0, frame.height, rows):
        yield frame.slice(offset, rows)


@dataclass
class Batch:
    """Everything a load has decided so far, chunk by chunk."""

    read_options: str = "{}"
    records_read: int = 0
    staged: int = 0
    skipped_files: int = 0
    unchanged_records: int = 0
    blocked_by: list[str] = field(default_factory=list)
    _duplicates: list[pl.DataFrame] = field(default_factory=list)
    _quarantine: list[pl.DataFrame] = field(default_factory=list)
    _validations: list[pl.DataFrame] = field(default_factory=list)
    _reads: list[ReadSummary] = field(default_factory=list)

    def skip_unchanged(self, unchanged: dict[str, int]) -> None:
        """Unchanged sources count as read, every record a duplicate of what is already published."""
        self.skipped_files += len(unchanged)
        self.unchanged_records += sum(unchanged.values())
        self.records_read += sum(unchanged.values())

    @property
    def sources_read(self) -> int:
        return len(self._reads)

    def add_reads(self, chunk: Chunk) -> None:
        self.records_read += chunk.raw.height
        self._reads.extend(read.summary() for read in chunk.reads)

    def add(
        self,
        *,
        articles: int,
        duplicates: pl.DataFrame,
        quarantine: pl.DataFrame,
        audited: tuple[pl.DataFrame, list[str], pl.DataFrame],
    ) -> None:
        audit_quarantine, blocked_by, validations = audited
        self.staged += articles - audit_quarantine.height
        self._duplicates.append(duplicates)
        self._quarantine.extend([quarantine, audit_quarantine])
        if not validations.is_empty():
            self._validations.append(validations)
        self.blocked_by.extend(blocked_by)

    def duplicates(self) -> pl.DataFrame:
        return pl.concat(self._duplicates) if self._duplicates else pl.DataFrame(schema=DUPLICATES)

    def quarantine(self) -> pl.DataFrame:
        return pl.concat(self._quarantine) if self._quarantine else pl.DataFrame(schema=QUARANTINE)

    def validations(self) -> pl.DataFrame:
        from expectations.gate import VALIDATIONS

        return pl.concat(self._validations) if self._validations else pl.DataFrame(schema=VALIDATIONS)

    def clean_source_files(self) -> pl.DataFrame:
        """Sources read in full whose records all ended published or duplicate (none quarantined)."""
        rejected = set(self.quarantine()["source_uri"].to_list())
        rows = [
            {
                "location": read.source.location,
                "size": read.source.size,
                "mtime_ns": read.source.mtime_ns,
                "content_hash": read.content_hash,
                "records": len(read.record_uris),
                "read_options": self.read_options,
            }
            for read in self._reads
            if read.content_hash and not read.source.is_url and rejected.isdisjoint(read.record_uris)
        ]
        return pl.DataFrame(rows, schema=SOURCE_FILES)

    def outcome(self) -> Outcome:
        """How the batch ends; read = published + duplicates + quarantined + blocked always holds."""
        passed = not self.blocked_by
        return Outcome(
            status="published" if passed else "blocked",
            records_read=self.records_read,
            published=self.staged if passed else 0,
            duplicates=self.duplicates().height + self.unchanged_records,
            quarantined=self.quarantine().height,
            blocked=0 if passed else self.staged,
            message=None if passed else "blocked by the quality gate: " + "; ".join(dict.fromkeys(self.blocked_by)),
            skipped_files=self.skipped_files,
        )
