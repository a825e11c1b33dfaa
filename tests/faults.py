"""Fault injection for the crash tests: stop a real `broadsheet` process at a named point so a test can kill it.

`python tests/faults.py ARGS...` runs the command line as `broadsheet ARGS...` does, with the pipeline's steps
wrapped from outside: when `BROADSHEET_HALT_AT` names a point (`enrich`) or a point and which time it is reached
(`enrich:2`, in the second batch), the process writes its pid to `BROADSHEET_HALT_FILE` there and waits (up to ten
minutes) to be killed; with `BROADSHEET_HALT_RESUME` set, it goes on once the test deletes that file (to change
the world under a run: stop its database). Production code carries no hooks for this.
"""

import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Where a run can be stopped: after reading, enriching (once the batch's enrichment is collected and its
# near-copies clustered) or auditing a batch; inside the staging transaction after a table's rows are written;
# inside the publish transaction after a table is published.
POINTS = ("read", "enrich", "write", "audit", "publish")


def install(point: str, nth: int, marker: Path, *, resume: bool = False) -> None:
    """Wrap the step functions so that reaching `point` for the `nth` time halts the process."""
    import flows.enrichment as enrichment
    import flows.tasks as tasks
    import warehouse.load as load
    from transforms.published import PUBLISHED_TABLES

    if point not in POINTS:
        raise ValueError(f"unknown halt point {point!r}; one of {POINTS}")
    reached = 0

    def halt_after(name: str, function: Callable[..., Any], when: Callable[..., bool] = lambda *a, **k: True) -> Any:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal reached
            result = function(*args, **kwargs)
            if name == point and when(*args, **kwargs):
                reached += 1
                if reached == nth:
                    marker.write_text(str(os.getpid()))
                    deadline = time.monotonic() + 600
                    while time.monotonic() < deadline and (not resume or marker.exists()):
                        time.sleep(0.05)
            return result

        return wrapper

    tasks.read_sources.fn = halt_after("read", tasks.read_sources.fn)
    enrichment.cluster_near_copies.fn = halt_after("enrich", enrichment.cluster_near_copies.fn)
    tasks.audit_batch.fn = halt_after("audit", tasks.audit_batch.fn)
    load.append_staged = halt_after("write", load.append_staged)
    load.execute = halt_after(
        "publish", load.execute, lambda con, name, **_: name.removeprefix("publish/") in PUBLISHED_TABLES
    )


def halted_env(point: str, marker: Path) -> dict[str, str]:
    """The environment variables that make `python tests/faults.py run …` halt at `point`."""
    return {"BROADSHEET_HALT_AT": point, "BROADSHEET_HALT_FILE": str(marker)}


def command() -> list[str]:
    """How a test starts the command line with faults injectable: `[*command(), "run", …]`."""
    return [sys.executable, str(Path(__file__).resolve())]


if __name__ == "__main__":
    point, _, nth = os.environ.get("BROADSHEET_HALT_AT", "").partition(":")
    if point:
        resume = bool(os.environ.get("BROADSHEET_HALT_RESUME"))
        install(point, int(nth or 1), Path(os.environ["BROADSHEET_HALT_FILE"]), resume=resume)
    from flows.cli import app

    app(prog_name="broadsheet")
