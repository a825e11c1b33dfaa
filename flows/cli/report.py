"""`broadsheet report`: the static HTML report."""

from pathlib import Path
from typing import Annotated

import typer

from flows.cli.app import app
from flows.cli.options import WarehouseOption, settings
from flows.cli.output import err
from flows.cli.queries import read_only


@app.command()
def report(
    warehouse: WarehouseOption = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for index.html and its images.")] = Path("report"),
    about: Annotated[
        str | None, typer.Option(help="A subject whose coverage gets its own section: places by week.")
    ] = None,
) -> None:
    """Write a static HTML report (opens offline): coverage, entities, places, tone, data quality, runs.

    Example: `broadsheet report --about Mali --out report/`
    """
    from warehouse.report import write_report

    config = settings(warehouse)
    with read_only(config) as con:
        index = write_report(con, out_dir, about=about)
    err.print(f"Report written to {index}", highlight=False)
