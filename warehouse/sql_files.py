"""The SQL that lives in `warehouse/sql/`, read from the installed package and run with named parameters.

Every `.sql` file of the project is read here: migrations, publish steps, run bookkeeping, the command line's and
the report's queries (`sql/report/`).
"""

import re
from functools import cache
from importlib.resources import files

import duckdb

_ROOT = files("warehouse") / "sql"
_PARAMETER = re.compile(r"\$([a-z_]+)")


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


def execute(con: duckdb.DuckDBPyConnection, name: str, **parameters: object) -> duckdb.DuckDBPyConnection:
    """Run each statement of `warehouse/sql/<name>.sql`, binding the `$name` parameters it uses.

    Our SQL files keep one statement per `;` at a line's end and no semicolons inside literals.
    Returns the connection, positioned on the last statement's result.
    """
    statements = [s.strip() for s in re.split(r";\s*$", sql(name), flags=re.MULTILINE) if _has_code(s)]
    for statement in statements:
        used = set(_PARAMETER.findall(statement))
        missing = used - parameters.keys()
        if missing:
            raise KeyError(f"{name}.sql needs parameters {sorted(missing)}")
        con.execute(statement, {key: parameters[key] for key in used} or None)
    return con


def _has_code(statement: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in statement.splitlines())
