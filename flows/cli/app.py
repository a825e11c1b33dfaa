"""The `broadsheet` application: its name, help and what every command does first."""

import os

import typer

app = typer.Typer(
    name="broadsheet",
    help="A news-article data warehouse: load articles with Prefect, query them with SQL.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """broadsheet loads news articles into a DuckDB star schema, audited by Great Expectations."""
    # Prefect reads these when first imported: no telemetry, and quiet about its own temporary API.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
