"""`broadsheet`: the command line, one module per group of commands.

Exit codes: 0 done; 1 the run failed (reason on stderr); 2 bad usage or a source that cannot be read;
3 the quality gate blocked a batch (it and what follows unpublished); 4 the warehouse is busy with another load;
5 every record the run read was quarantined (nothing usable in the input).
"""

from flows.cli import lake, load, query, report  # noqa: F401 - each registers its commands on `app`
from flows.cli.app import app
from flows.runtime.memory import leave_to_exit

__all__ = ["app", "main"]


def main() -> None:
    """`broadsheet`: run the command, then leave the objects it made to the process's exit (`leave_to_exit`: a
    tenth of an unchanged re-run)."""
    try:
        app(prog_name="broadsheet")
    finally:
        leave_to_exit()
