"""A load's units of work and its bookkeeping across them: the counts that add up.

A load works in bounded units so that memory stays flat however large the input:
- a *read*: the sources whose bytes are in memory at once (at most `read_bytes`; a larger file is read whole);
- a *batch*: at most `batch_records` records of a read, staged, enriched, written, audited and then published in
  one transaction, or blocked.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl

from flows.source_tally import SOURCE_COUNTS, SourceTally
from flows.sources import ReadSummary, Source, SourceRead
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
class Read:
    """One read: the raw records of its sources, what each source gave, and the article versions they bring."""

    raw: pl.DataFrame
    sources: list[SourceRead]
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


def reads(sources: list[Source], max_bytes: int) -> Iterator[list[Source]]:
    """The sources of each read: consecutive sources holding at most `max_bytes` (a larger file is read alone)."""
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


def batches(frame: pl.DataFrame, rows: int) -> Iterator[tuple[int, pl.DataFrame]]:
    """(offset, records) of each batch of a read's raw records: consecutive slices of at most `rows` rows (one
    empty batch for an empty read)."""
    if frame.is_empty():
        yield 0, frame
    for offset in range(0, frame.height, rows):
        yield offset, frame.slice(offset, rows)


@dataclass(frozen=True)
class Batch:
    """What one batch decided: its new article versions, exact copies, quarantined records and audit result.

    A batch is at most `batch_records` records of one read; it is published in one transaction, or blocked.
    """

    articles: int  # new article versions staged (the audit may quarantine some)
    duplicates: pl.DataFrame  # DUPLICATES
    quarantine: pl.DataFrame  # QUARANTINE: rejected when read, staged or audited
    validations: pl.DataFrame  # expectations.gate.VALIDATIONS
    blocked_by: list[str]  # the blocking expectations; empty when the batch passed
    audit_quarantined: int = 0
    # Its outcomes counted per source (`flows.source_tally.SOURCE_COUNTS`).
    by_source: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=SOURCE_COUNTS))

    @property
    def passed(self) -> bool:
        return not self.blocked_by

    @property
    def published(self) -> int:
        """Article versions published by a passing batch (the audit quarantined the rest)."""
        return self.articles - self.audit_quarantined if self.passed else 0

    @property
    def blocked(self) -> int:
        """Article versions a blocked batch holds back in staging, those that failed the audit included."""
        return 0 if self.passed else self.articles

    @property
    def rejected(self) -> pl.DataFrame:
        """The records this batch quarantines for good: a blocked batch's audit failures are not among them, as
        the whole batch stays in staging for the re-run after the fix (the audit's findings stay in
        `etl_validation`)."""
        return self.quarantine if self.passed else self.quarantine.filter(pl.col("stage") != "audit")


@dataclass
class Ledger:
    """A load's bookkeeping across its batches: what was read, skipped, published, quarantined, blocked.

    Only counts and the read files' record URIs are kept, so a long load's bookkeeping stays small.
    """

    read_options: str = "{}"
    records_read: int = 0
    published: int = 0
    duplicates: int = 0
    quarantined: int = 0
    blocked: int = 0
    skipped_files: int = 0
    blocked_by: list[str] = field(default_factory=list)
    sources: SourceTally = field(default_factory=SourceTally)
    _reads: list[ReadSummary] = field(default_factory=list)
    _rejected: set[str] = field(default_factory=set)  # source_uris of quarantined records

    def skip_unchanged(self, unchanged: dict[str, int], names: dict[str, str]) -> None:
        """Unchanged sources (records by location; `names` their source names) count as read, every record a
        duplicate of what is already published."""
        self.skipped_files += len(unchanged)
        self.records_read += sum(unchanged.values())
        self.duplicates += sum(unchanged.values())
        by_name: dict[str, int] = {}
        for location, records in unchanged.items():
            by_name[names[location]] = by_name.get(names[location], 0) + records
        self.sources.skipped(by_name)

    @property
    def sources_read(self) -> int:
        return len(self._reads)

    def add_read(self, read: Read) -> None:
        self.records_read += read.raw.height
        self._reads.extend(source.summary() for source in read.sources)
        self.sources.read(read.raw)

    def add(self, batch: Batch) -> None:
        """Count a batch once its publish (or block) is decided."""
        self.duplicates += batch.duplicates.height
        self.quarantined += batch.rejected.height
        self._rejected.update(batch.rejected["source_uri"].to_list())
        self.published += batch.published
        self.blocked += batch.blocked
        self.blocked_by.extend(batch.blocked_by)
        self.sources.add(batch.by_source)

    def hold_back(self, records: pl.DataFrame) -> None:
        """Records read but left unprocessed because an earlier batch was blocked."""
        self.blocked += records.height
        self.sources.held_back(records)

    def clean_source_files(self) -> pl.DataFrame:
        """Sources read in full whose records all ended published or duplicate (none quarantined)."""
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
            if read.content_hash and not read.source.is_url and self._rejected.isdisjoint(read.record_uris)
        ]
        return pl.DataFrame(rows, schema=SOURCE_FILES)

    def outcome(self, *, finished: bool = True) -> Outcome:
        """How the load stands; read = published + duplicates + quarantined + blocked always holds at the end.

        While it runs (`finished=False`) the status is `running` and records read but not yet decided are not
        counted anywhere.
        """
        passed = not self.blocked_by
        return Outcome(
            status="running" if not finished else "published" if passed else "blocked",
            records_read=self.records_read,
            published=self.published,
            duplicates=self.duplicates,
            quarantined=self.quarantined,
            blocked=self.blocked,
            message=None if passed else self._blocked_message(),
            skipped_files=self.skipped_files,
        )

    def _blocked_message(self) -> str:
        message = "blocked by the quality gate: " + "; ".join(dict.fromkeys(self.blocked_by))
        if self.published:
            message += (
                f" ({self.published} articles from earlier batches were published; a re-run after the fix"
                " publishes the rest)"
            )
        return message
