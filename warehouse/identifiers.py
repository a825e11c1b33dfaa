"""Table and column names for the few statements that must name a table from a variable.

Values are always bound parameters; identifiers can't be, so these functions accept only names from the fixed
list of published tables (or DuckDB's own catalog, for columns) and return them quoted. The one value that can't
be a parameter either, the warehouse's path in `ATTACH`, is quoted here too.
"""

from transforms.published import PUBLISHED_TABLES


def table(schema: str, name: str) -> str:
    """`"staging"."fct_article"`: a published table (or its staging twin), refused if not on the list."""
    if schema not in ("main", "staging") or name not in PUBLISHED_TABLES:
        raise ValueError(f"not a published table: {schema}.{name}")
    return f'"{schema}"."{name}"'


def column(name: str) -> str:
    """A column name read from DuckDB's catalog, quoted (a double quote inside is doubled)."""
    return '"' + name.replace('"', '""') + '"'


def path_literal(path: object) -> str:
    """A file path as a SQL string literal (a single quote inside is doubled), for `ATTACH`, which takes no
    parameters."""
    return "'" + str(path).replace("'", "''") + "'"
