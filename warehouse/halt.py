"""Named points where a run can be made to stop, so tests can kill a real run at an exact moment.

When `BROADSHEET_HALT_AT` names a point (`enrich`), or a point and which time it is reached (`enrich:2`, in the
second batch), the run writes `BROADSHEET_HALT_FILE` on reaching it and then waits there (up to ten minutes) for
the test to kill it. Unset, as in every normal run, a halt point does nothing.
"""

import os
import time
from collections import Counter
from pathlib import Path

POINTS = ("read", "enrich", "write", "audit", "publish")

_reached: Counter[str] = Counter()


def halt_point(name: str) -> None:
    """Stop here if the environment asks for it (read at call time, never at import)."""
    if name not in POINTS:
        raise ValueError(f"unknown halt point {name!r}")
    point, _, nth = os.environ.get("BROADSHEET_HALT_AT", "").partition(":")
    if point != name:
        return
    _reached[name] += 1
    if _reached[name] != int(nth or 1):
        return
    marker = os.environ.get("BROADSHEET_HALT_FILE")
    if marker:
        Path(marker).write_text(str(os.getpid()))
    time.sleep(600)
