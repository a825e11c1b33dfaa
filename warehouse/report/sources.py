"""Each source's quality over time: its quarantine and duplicate rates and missing dates, load by load, and a flag
when its latest load is worse than its own recent median."""

from statistics import median
from typing import Any

import duckdb

from warehouse.report.charts import ChartFolder, source_small_multiples
from warehouse.report.queries import Row, rows

LOADS = 12  # per source: the latest loads shown
PANELS = 12  # sources drawn, those with the most records first; the table lists them all
RECENT = 5  # the loads before the latest whose median it is compared with
# How much worse than its recent median a rate may be (in points) before the source is flagged: one load's noise.
TOLERANCE = 0.05
RATES = {
    "quarantine_rate": "records quarantined",
    "duplicate_rate": "records duplicate",
    "missing_date_rate": "articles without a date",
}


def source_scorecard(con: duckdb.DuckDBPyConnection, charts: ChartFolder) -> dict[str, Any]:
    """Per source: its latest load's figures, what got worse, and a small-multiples chart of its rates."""
    by_source: dict[str, list[Row]] = {}
    for row in rows(con, "source_quality", loads=LOADS):
        by_source.setdefault(row["source_name"], []).append(row)
    sources = [Source(name, loads) for name, loads in by_source.items()]
    sources.sort(key=lambda s: (not s.worse, -s.records, s.name))
    drawn = sorted(sources, key=lambda s: -s.records)[:PANELS]
    chart = None
    if drawn:
        source_small_multiples(charts.path("source_quality"), [s.panel() for s in drawn])
        chart = charts.chart(
            "source_quality",
            f"Per source ({len(drawn)} of {len(sources)}), latest loads last: the share of records quarantined and "
            "duplicate, and of articles without a date",
        )
    return {"sources": sources, "chart": chart, "flagged": sum(1 for s in sources if s.worse)}


class Source:
    """One source's latest loads, oldest first."""

    def __init__(self, name: str, loads: list[Row]) -> None:
        self.name, self.loads = name, loads
        self.latest = loads[-1]
        self.records = sum(load["records_read"] for load in loads)
        self.worse = worse_than_usual(loads)

    def panel(self) -> tuple[str, list[int], dict[str, list[float | None]]]:
        """(name, loads, rate by label) for its panel of the chart."""
        rates = {label: [load[rate] for load in self.loads] for rate, label in RATES.items()}
        return self.name, [load["load_id"] for load in self.loads], rates


def worse_than_usual(loads: list[Row]) -> list[str]:
    """What the latest load (the last) does worse than the median of the `RECENT` loads before it, in words."""
    latest, before = loads[-1], loads[-1 - RECENT : -1]
    worse = []
    for rate, label in RATES.items():
        history = [load[rate] for load in before if load[rate] is not None]
        if history and latest[rate] is not None and latest[rate] - median(history) > TOLERANCE:
            worse.append(f"{label}: {latest[rate]:.0%} against a median of {median(history):.0%}")
    return worse
