"""Where a warehouse lives, read from the `--warehouse` string (or `BROADSHEET_WAREHOUSE`).

- `PATH` (e.g. `broadsheet.duckdb`): a DuckDB file, the default;
- `ducklake:PATH.ducklake`: a DuckLake whose catalog is a DuckDB file (one writing process at a time);
- `ducklake:postgres:dbname=… host=… user=…`: a DuckLake whose catalog is in PostgreSQL (many writers, on many
  machines).

`data_path` (`--data-path`) is where a new lake keeps its Parquet files: a folder, or a URL such as `s3://…`.
"""

import re
from pathlib import Path

from warehouse.connection import DuckDBFile, Warehouse
from warehouse.lake import Lake

FORMS = (
    "a DuckDB file (PATH.duckdb), ducklake:PATH.ducklake (a lake with its catalog in a DuckDB file) or "
    "ducklake:postgres:dbname=… host=… user=… (a lake with its catalog in PostgreSQL)"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # `s3:`, `postgres:`, `md:` … (not a Windows drive letter)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


class BadLocation(ValueError):
    """A `--warehouse` string that names no warehouse broadsheet can open."""


def warehouse_at(
    location: str | Path,
    *,
    data_path: str | Path | None = None,
    memory_limit: str | None = None,
    wait_seconds: float = 0.0,
) -> Warehouse:
    """The warehouse that `location` names; a clear `BadLocation` for anything else."""
    text = str(location).strip()
    if not text:
        raise BadLocation(f"--warehouse is empty: give {FORMS}")
    if text.startswith("ducklake:"):
        catalog = text.removeprefix("ducklake:").strip()
        if catalog.startswith("postgres:"):
            if not catalog.removeprefix("postgres:").strip():
                raise BadLocation(f"{text!r} gives no PostgreSQL connection string: give {FORMS}")
        elif not catalog or _SCHEME.match(catalog):
            raise BadLocation(f"{text!r} is not a DuckLake catalog broadsheet can open: give {FORMS}")
        else:
            catalog = str(Path(catalog).expanduser().resolve())
        return Lake(
            catalog,
            data_path=_data_path(data_path),
            memory_limit=memory_limit,
            wait_seconds=wait_seconds,
        )
    if _SCHEME.match(text):
        raise BadLocation(f"{text!r} is not a warehouse location: give {FORMS}")
    if data_path is not None:
        raise BadLocation("--data-path is for DuckLake warehouses (--warehouse ducklake:…), not a DuckDB file")
    return DuckDBFile.at(text, memory_limit=memory_limit, wait_seconds=wait_seconds)


def _data_path(data_path: str | Path | None) -> str | None:
    """A local folder made absolute and ending in `/` (as DuckLake stores it); a URL as given."""
    if data_path is None or not str(data_path).strip():
        return None
    text = str(data_path).strip()
    if _URL.match(text):
        return text if text.endswith("/") else text + "/"
    return str(Path(text).expanduser().resolve()) + "/"
