"""The `broadsheet-run` flow: read → stage → enrich → model → write → audit → publish."""

from dataclasses import asdict, dataclass
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import tasks
from flows.settings import RunOptions
from warehouse.halt import halt_point
from warehouse.lock import writer_lock


@dataclass(frozen=True)
class RunSummary:
    """What one run did, in input records: read = published + duplicates + quarantined + blocked."""

    load_id: int
    status: str
    warehouse: str
    records_read: int
    published: int
    duplicates: int
    quarantined: int
    blocked: int
    message: str | None


class BatchBlocked(RuntimeError):
    """The quality gate blocked the batch: nothing was published."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(summary.message)
        self.summary = summary


@flow(name="broadsheet-run", log_prints=False, persist_result=False)
def run_pipeline(
    sources: list[str], warehouse: str, source_name: str | None = None, options: RunOptions | None = None
) -> RunSummary:
    """Load articles from `sources` into the warehouse, publishing only what passes the quality gate."""
    options = options or RunOptions()
    logger = get_run_logger()
    path = Path(warehouse).expanduser().resolve()
    with writer_lock(path, wait_seconds=options.wait_seconds, on_wait=logger.warning) as lock:
        load_id, published = tasks.open_run(path, sources, flow_run.id, options)
        lock.describe(load_id=load_id)
        try:
            raw = tasks.read_sources([Path(s) for s in sources], source_name)
            halt_point("read")
            staged = tasks.stage(raw, published)
            articles = tasks.enrich(staged.articles, options)
            halt_point("enrich")
            staged = tasks.Staged(articles, staged.duplicates, staged.quarantine, staged.records_read)
            frames = tasks.model(articles, published, load_id)
            tasks.write(path, load_id, frames, options)
            gate = tasks.audit_batch(path, load_id, options)
            halt_point("audit")
            outcome = tasks.publish(path, load_id, staged, gate, options)
        except Exception as error:
            tasks.record_failure(path, load_id, error, options)
            raise
    summary = RunSummary(load_id=load_id, warehouse=str(path), **asdict(outcome))
    logger.info(
        "Load %d %s: read %d, published %d, duplicates %d, quarantined %d, blocked %d",
        load_id,
        summary.status,
        summary.records_read,
        summary.published,
        summary.duplicates,
        summary.quarantined,
        summary.blocked,
    )
    if summary.status == "blocked":
        raise BatchBlocked(summary)
    return summary
