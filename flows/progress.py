"""What a run tells its log as it goes: quarantined records, progress between batches, and the outcome."""

import polars as pl
from prefect import get_run_logger

from flows.batch import Ledger
from flows.runtime import memory
from warehouse.load import Outcome

# Quarantined records named one by one in the log, per batch; the rest are counted by kind of reason.
_NAMED_IN_LOG = 10


def log_quarantined(rows: pl.DataFrame, *, blocked: bool = False) -> None:
    """A warning for each of the first quarantined records, then one line counting the rest by reason.

    `blocked`: the rows failed the audit of a batch that the gate blocks, so they stay in staging with it.
    """
    logger = get_run_logger()
    done = "Failed the audit (held in staging with the blocked batch)" if blocked else "Quarantined"
    for row in rows.head(_NAMED_IN_LOG).iter_rows(named=True):
        logger.warning("%s %s at %s: %s", done, row["source_uri"], row["stage"], row["reason"])
    rest = rows.slice(_NAMED_IN_LOG)
    if rest.height:
        # The reason's kind is its words before the details (`malformed CSV row: 9 fields …`).
        kinds = rest.group_by(kind=pl.col("reason").str.split(":").list.first()).len().sort("len", descending=True)
        counted = ", ".join(f"{kind} ×{n:,}" for kind, n in kinds.iter_rows())
        where = "`broadsheet validate` and staging hold them" if blocked else "`broadsheet quarantine` lists them all"
        logger.warning("… and %d more %s (%s): %s", rest.height, done.lower(), counted, where)


def log_progress(ledger: Ledger, sources: int) -> None:
    """After each published batch: sources read, articles published so far, and memory (freed memory returned)."""
    memory.release_freed_memory()
    get_run_logger().info(
        "Progress: %d of %d sources read; %d article versions published so far; memory %d MB (peak %d MB)",
        ledger.sources_read,
        sources,
        ledger.published,
        memory.resident_mb(),
        memory.peak_mb(),
    )


def log_outcome(summary: Outcome, load_id: int) -> None:
    """The load's last line: how it ended and where every record read went."""
    s = summary
    get_run_logger().info(
        "Load %d %s: read %d, published %d, duplicates %d, quarantined %d, blocked %d; peak memory %d MB",
        *(load_id, s.status, s.records_read, s.published, s.duplicates, s.quarantined, s.blocked),
        memory.peak_mb(),
    )
