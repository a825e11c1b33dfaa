"""The subject heatmap's columns: every week the coverage has, binned when there are many, never cut."""

from datetime import date, timedelta
from itertools import pairwise

import pytest

from warehouse.report.subject import HEATMAP_COLUMNS, week_bins

MONDAY = date(2004, 1, 5)


@pytest.mark.parametrize("weeks", [1, 10, 30, 31, 80, 300])
def test_every_week_falls_in_one_column_and_the_columns_are_few(weeks):
    last = MONDAY + timedelta(weeks=weeks - 1)
    starts, width = week_bins(MONDAY, last)
    assert len(starts) <= HEATMAP_COLUMNS
    assert starts[0] == MONDAY and starts[-1] <= last < starts[-1] + timedelta(weeks=width)  # the last week shows
    assert all(b - a == timedelta(weeks=width) for a, b in pairwise(starts))
    assert width == (1 if weeks <= HEATMAP_COLUMNS else -(-weeks // HEATMAP_COLUMNS))
