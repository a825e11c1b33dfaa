"""Running the statements of one `.sql` file with named parameters."""

import re

import duckdb

from warehouse.sql_files import sql

_PARAMETER = re.compile(r"\$([a-z_]+)")


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
        con.execute(statement, {key: parameters[key] for key in used})
    return con


def _has_code(statement: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in statement.splitlines())
