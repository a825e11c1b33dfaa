"""The headline question: which places did coverage of a subject (`--about Mali`) mention most, by week?"""

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import duckdb

from warehouse.report.charts import Chart, ChartFolder
from warehouse.report.coverage import country_name
from warehouse.report.maps import heatmap
from warehouse.report.queries import Row, query_text, rows

HEATMAP_PLACES = 15  # rows of the chart: the places most articles mentioned over all the weeks
HEATMAP_COLUMNS = 30  # at most: a longer span is binned into columns of several weeks each, never cut
PLACES_PER_WEEK = 10  # in the table; the rest are counted


def subject_places(con: duckdb.DuckDBPyConnection, charts: ChartFolder, about: str | None) -> dict[str, Any]:
    """Per ISO week, the articles about `about` and the places they mention: a heatmap and a table."""
    section: dict[str, Any] = {"about": about, "sql": query_text("subject_places_by_week"), "weeks": [], "chart": None}
    if not about:
        return section
    per_week = {row["week"]: row["articles"] for row in rows(con, "subject_articles", subject=about)}
    found = rows(con, "subject_places_by_week", subject=about)
    by_week: dict[date, list[Row]] = defaultdict(list)
    for row in found:
        row["country"] = country_name(row["country_code"]) if row["country_code"] else ""
        by_week[row["week"]].append(row)
    for places in by_week.values():
        for place in places:
            place["level"] = _level(place["articles"], places[0]["articles"])
    section["articles"] = sum(per_week.values())
    section["place_count"] = len({row["place"] for row in found})
    section["weeks"] = [
        {
            "week": week,
            "articles": per_week.get(week, 0),
            "places": by_week[week][:PLACES_PER_WEEK],
            "more": max(0, len(by_week[week]) - PLACES_PER_WEEK),
        }
        for week in sorted(set(per_week) | set(by_week), reverse=True)
    ]
    if found:
        section["chart"] = _heatmap(charts, about, found)
    return section


def _level(articles: int, most: int) -> int:
    """1 to 4: how close a place comes to the week's most mentioned one (shades the table like the heatmap)."""
    return max(1, min(4, round(4 * articles / most))) if most else 1


def _weeks(first: date, last: date) -> list[date]:
    """Every week from `first` to `last` (Mondays), so weeks without coverage show as gaps."""
    return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def week_bins(first: date, last: date, columns: int = HEATMAP_COLUMNS) -> tuple[list[date], int]:
    """(the first Monday of each column, weeks per column): every week from `first` to `last`, gaps included, in
    at most `columns` columns of equally many weeks."""
    weeks = _weeks(first, last)
    width = math.ceil(len(weeks) / columns)
    return weeks[::width], width


def _heatmap(charts: ChartFolder, about: str, found: list[Row]) -> Chart:
    """Articles per place and week (or per bin of weeks) for the most mentioned places, over all the weeks."""
    first = min(row["week"] for row in found)
    starts, width = week_bins(first, max(row["week"] for row in found))
    totals: dict[str, int] = defaultdict(int)
    cells: dict[tuple[str, date], int] = defaultdict(int)
    for row in found:
        column = starts[(row["week"] - first).days // 7 // width]
        totals[row["place"]] += row["articles"]
        cells[(row["place"], column)] += row["articles"]
    places = sorted(totals, key=lambda place: (-totals[place], place))[:HEATMAP_PLACES]
    counts = [[cells[(place, start)] for start in starts] for place in places]
    heatmap(charts.path("subject_places_by_week"), places, starts, counts, "articles")
    span = len(_weeks(first, max(row["week"] for row in found)))
    per = "per week" if width == 1 else f"per {width} weeks (each column labelled by its first week)"
    return charts.chart(
        "subject_places_by_week",
        f"Articles about {about} that mention each of the {len(places)} most mentioned places, "
        f"{per}, over all {span} weeks of coverage",
    )
