"""The SQL that lives in `warehouse/sql/`, read from the installed package."""

from functools import cache
from importlib.resources import files

_ROOT = files("warehouse") / "sql"


@cache
def sql(name: str) -> str:
    """The text of `warehouse/sql/<name>.sql`, e.g. `sql("publish/dim_source")`."""
    return (_ROOT / f"{name}.sql").read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration, in order: files are named `NNNN_name.sql`."""
    found = []
    for entry in (_ROOT / "migrations").iterdir():
        if entry.name.endswith(".sql"):
            version, _, name = entry.name.removesuffix(".sql").partition("_")
            found.append((int(version), name, entry.read_text(encoding="utf-8")))
    return sorted(found)
